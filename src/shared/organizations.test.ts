import { describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn, makeOgrnip } from "./identifiers.js";
import {
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  ORG_IDENTIFIER_RULES,
  ORG_STATUS_LABELS,
  ORG_STATUSES,
  ORG_TYPE_LABELS,
  ORG_TYPE_SHORT_LABELS,
  ORG_TYPES,
  orgIdentifierErrors,
  orgTypeLabel,
  SME_CATEGORIES,
  SME_CATEGORY_LABELS,
  smeCategory,
  statusOpenTo,
} from "./organizations.js";

describe("labels", () => {
  it("covers every type, status, role and SME category in both languages", () => {
    const tables: [readonly string[], Record<string, { ru: string; en: string }>][] = [
      [ORG_TYPES, ORG_TYPE_LABELS],
      [ORG_TYPES, ORG_TYPE_SHORT_LABELS],
      [ORG_STATUSES, ORG_STATUS_LABELS],
      [MEMBER_ROLES, MEMBER_ROLE_LABELS],
      [SME_CATEGORIES, SME_CATEGORY_LABELS],
    ];
    for (const [keys, labels] of tables) {
      expect(Object.keys(labels).sort()).toEqual([...keys].sort());
      for (const k of keys) {
        expect(labels[k]?.ru, k).toBeTruthy();
        expect(labels[k]?.en, k).toBeTruthy();
      }
    }
    expect(orgTypeLabel("individual_entrepreneur", "ru")).toBe("Индивидуальный предприниматель");
    expect(ORG_TYPE_SHORT_LABELS.legal_entity.ru).toBe("ЮЛ");
  });
});

describe("identifiers per type", () => {
  const rng = () => 0.42;

  it("requires INN 10 + OGRN + KPP of organizations", () => {
    for (const type of [
      "legal_entity",
      "university",
      "research_institute",
      "corporation",
      "city_body",
    ] as const) {
      expect(ORG_IDENTIFIER_RULES[type]).toEqual({
        scheme: "russian",
        inn: "inn10",
        ogrn: "ogrn",
        kpp: true,
      });
      expect(
        orgIdentifierErrors(type, { inn: "7707083893", ogrn: "1027700132195", kpp: "773601001" }),
      ).toEqual({});
      expect(orgIdentifierErrors(type, {})).toEqual({
        inn: { reason: "required" },
        ogrn: { reason: "required" },
        kpp: { reason: "required" },
      });
    }
    expect(
      orgIdentifierErrors("legal_entity", { inn: "500100732259", ogrn: "1027700132194", kpp: "7736010" }),
    ).toEqual({
      inn: { reason: "digits", length: 10, lengths: [10] },
      ogrn: { reason: "checksum" },
      kpp: { reason: "digits", length: 9, lengths: [9] },
    });
  });

  it("requires INN 12 + OGRNIP of an individual entrepreneur, and no KPP", () => {
    expect(ORG_IDENTIFIER_RULES.individual_entrepreneur).toEqual({
      scheme: "russian",
      inn: "inn12",
      ogrn: "ogrnip",
      kpp: false,
    });
    expect(
      orgIdentifierErrors("individual_entrepreneur", { inn: "500100732259", ogrn: "304500116000157" }),
    ).toEqual({});
    expect(
      orgIdentifierErrors("individual_entrepreneur", { inn: "7707083893", ogrn: "1027700132195", kpp: "x" }),
    ).toEqual({
      inn: { reason: "digits", length: 12, lengths: [12] },
      ogrn: { reason: "digits", length: 15, lengths: [15] },
    });
  });

  it("requires a country and a registration number of a foreign organization", () => {
    expect(orgIdentifierErrors("foreign", { country: "CN", foreignRegNumber: "91110000MA01" })).toEqual({});
    expect(orgIdentifierErrors("foreign", { inn: "bad", country: null, foreignRegNumber: "" })).toEqual({
      country: { reason: "required" },
      foreignRegNumber: { reason: "required" },
    });
  });

  it("accepts what the seed generators produce", () => {
    expect(
      orgIdentifierErrors("corporation", {
        inn: makeInn("legal", rng, { region: "77" }),
        ogrn: makeOgrn(rng, { region: "77" }),
        kpp: makeKpp("77", rng),
      }),
    ).toEqual({});
    expect(
      orgIdentifierErrors("individual_entrepreneur", {
        inn: makeInn("individual", rng),
        ogrn: makeOgrnip(rng),
      }),
    ).toEqual({});
  });
});

describe("smeCategory", () => {
  it("is null when a figure is unknown", () => {
    expect(smeCategory()).toBeNull();
    expect(smeCategory(10, null)).toBeNull();
    expect(smeCategory(null, 10)).toBeNull();
    expect(smeCategory(undefined, 10)).toBeNull();
    expect(smeCategory(Number.NaN, 10)).toBeNull();
  });

  it("uses the law's limits, inclusive", () => {
    expect(smeCategory(0, 0)).toBe("micro");
    expect(smeCategory(15, 120)).toBe("micro");
    expect(smeCategory(16, 120)).toBe("small");
    expect(smeCategory(15, 120.1)).toBe("small");
    expect(smeCategory(100, 800)).toBe("small");
    expect(smeCategory(101, 10)).toBe("medium");
    expect(smeCategory(10, 801)).toBe("medium");
    expect(smeCategory(250, 2000)).toBe("medium");
    expect(smeCategory(251, 10)).toBe("large");
    expect(smeCategory(10, 2000.5)).toBe("large");
  });
});

describe("statusOpenTo", () => {
  it("opens participant to Moscow organizations only", () => {
    expect(statusOpenTo("77", "legal_entity", "participant")).toEqual({ open: true });
    expect(statusOpenTo("77", "individual_entrepreneur", "participant")).toEqual({ open: true });
    for (const [region, type] of [
      ["50", "legal_entity"],
      ["78", "university"],
      [null, "legal_entity"],
      [null, "foreign"],
      ["77", "foreign"],
    ] as const)
      expect(statusOpenTo(region, type, "participant"), `${region} ${type}`).toEqual({
        open: false,
        reason: "participant-moscow-only",
      });
  });

  it("opens partner to other regions and abroad", () => {
    expect(statusOpenTo("50", "legal_entity", "partner")).toEqual({ open: true });
    expect(statusOpenTo("16", "research_institute", "partner")).toEqual({ open: true });
    expect(statusOpenTo(null, "foreign", "partner")).toEqual({ open: true });
    expect(statusOpenTo(null, "legal_entity", "partner")).toEqual({ open: true });
    expect(statusOpenTo("77", "foreign", "partner")).toEqual({ open: true });
    expect(statusOpenTo("77", "corporation", "partner")).toEqual({
      open: false,
      reason: "partner-not-moscow",
    });
  });
});
