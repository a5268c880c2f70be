import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRITERIA_LIST, CriteriaSchema } from "./criteria.js";
import {
  type Criteria,
  type EligibilityProfile,
  evaluate,
  ruPlural,
  verdictRank,
  wholeMonthsBetween,
  wholeYearsBetween,
} from "./eligibility.js";
import { CRITERION_ARBS, criteriaArb, profileArb, singleCriterionArb } from "./eligibility.testing.js";

const TODAY = "2026-11-23";

const moscowSme: EligibilityProfile = {
  type: "legal_entity",
  regionCode: "77",
  foundedOn: "2020-03-15",
  headcount: 40,
  revenueMln: 300,
  status: "participant",
  okvedSections: ["J", "M"],
  tags: ["ai", "big-data"],
};

const one = (criteria: Criteria, profile: EligibilityProfile) => {
  const r = evaluate(criteria, profile, TODAY);
  expect(r.criteria).toHaveLength(1);
  return { ...r.criteria[0]!, verdict: r.verdict };
};

describe("calendar arithmetic", () => {
  it("counts whole months by the calendar", () => {
    expect(wholeMonthsBetween("2026-03-23", "2026-11-23")).toBe(8);
    expect(wholeMonthsBetween("2026-03-24", "2026-11-23")).toBe(7);
    expect(wholeMonthsBetween("2026-11-23", "2026-11-23")).toBe(0);
    expect(wholeMonthsBetween("2025-12-31", "2026-01-30")).toBe(0);
    expect(wholeMonthsBetween("2025-12-31", "2026-01-31")).toBe(1);
    // A shorter month is complete on its last day.
    expect(wholeMonthsBetween("2026-01-31", "2026-02-28")).toBe(1);
    expect(wholeMonthsBetween("2026-01-31", "2026-02-27")).toBe(0);
    expect(wholeMonthsBetween("2024-01-31", "2024-02-29")).toBe(1);
    expect(wholeMonthsBetween("2026-11-23", "2026-03-23")).toBe(-8);
    expect(wholeMonthsBetween("2026-02-30", "2026-03-01")).toBeNull();
    expect(wholeMonthsBetween("nonsense", "2026-03-01")).toBeNull();
  });

  it("counts whole years, with 29 February reaching its anniversary on 28 February", () => {
    expect(wholeYearsBetween("2025-11-23", "2026-11-23")).toBe(1);
    expect(wholeYearsBetween("2025-11-24", "2026-11-23")).toBe(0);
    expect(wholeYearsBetween("2024-02-29", "2025-02-28")).toBe(1);
    expect(wholeYearsBetween("2024-02-29", "2025-02-27")).toBe(0);
    expect(wholeYearsBetween("2000-01-01", "2026-11-23")).toBe(26);
  });

  it("whole months are monotone and additive by whole years", () => {
    const day = fc
      .record({
        y: fc.integer({ min: 1990, max: 2040 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(day, day, (a, b) => {
        const m = wholeMonthsBetween(a, b)!;
        if (a > b) {
          expect(m).toBeLessThanOrEqual(0);
          return;
        }
        expect(m).toBeGreaterThanOrEqual(0);
        const later = `${Number(b.slice(0, 4)) + 1}${b.slice(4)}`;
        expect(wholeMonthsBetween(a, later)).toBe(m + 12);
      }),
    );
  });

  it("Russian plural forms", () => {
    expect([1, 2, 5, 11, 12, 21, 22, 25, 101, 111].map((n) => ruPlural(n, "год", "года", "лет"))).toEqual([
      "год",
      "года",
      "лет",
      "лет",
      "лет",
      "год",
      "года",
      "лет",
      "год",
      "лет",
    ]);
  });
});

describe("criteria, one kind at a time", () => {
  it("age: registered 8 months ago, at least a year required", () => {
    const r = one({ ageYears: { min: 1 } }, { foundedOn: "2026-03-20" });
    expect(r).toMatchObject({ key: "age", result: "not_met", verdict: "not_eligible" });
    expect(r.message.ru).toBe("Организация зарегистрирована 8 месяцев назад, мера требует не менее 1 года");
    expect(r.message.en).toBe(
      "The organization was registered 8 months ago; the measure requires at least 1 year",
    );
  });

  it("age: ranges, years and the questionnaire's whole years", () => {
    const r = one({ ageYears: { min: 1, max: 10 } }, moscowSme);
    expect(r.result).toBe("met");
    expect(r.message.ru).toBe("Организация зарегистрирована 6 лет назад, мера требует от 1 года до 10 лет");
    expect(r.message.en).toBe(
      "The organization was registered 6 years ago; the measure requires between 1 year and 10 years",
    );
    expect(r.result).toBe("met");
    expect(one({ ageYears: { max: 3 } }, { ageYears: 3 }).result).toBe("met");
    expect(one({ ageYears: { max: 3 } }, { ageYears: 4 }).result).toBe("not_met");
    expect(one({ ageYears: { max: 2 } }, { foundedOn: "2024-11-23" }).result).toBe("met");
    expect(one({ ageYears: { max: 2 } }, { foundedOn: "2024-11-22" }).result).toBe("met");
    expect(one({ ageYears: { max: 2 } }, { foundedOn: "2024-10-22" }).result).toBe("not_met");
    expect(one({ ageYears: { min: 0.5 } }, { foundedOn: "2026-06-01" }).message.ru).toBe(
      "Организация зарегистрирована 5 месяцев назад, мера требует не менее 6 месяцев",
    );
    expect(one({ ageYears: { min: 2 } }, { foundedOn: "2026-11-10" }).message.ru).toContain(
      "менее месяца назад",
    );
    const u = one({ ageYears: { min: 1 } }, {});
    expect(u).toMatchObject({ result: "unknown", field: "foundedOn", verdict: "check" });
    expect(u.message.ru).toBe("Не указана дата регистрации организации; мера требует не менее 1 года");
    expect(u.message.en).toBe(
      "The organization's registration date is not given; the measure requires at least 1 year",
    );
  });

  it("organization type", () => {
    const r = one({ orgTypes: ["individual_entrepreneur", "legal_entity"] }, { type: "university" });
    expect(r.result).toBe("not_met");
    expect(r.message.ru).toBe(
      "Тип организации: Вуз; мера для: Индивидуальный предприниматель, Юридическое лицо",
    );
    expect(r.message.en).toBe(
      "Organization type: University; the measure is for: Individual entrepreneur, Legal entity",
    );
    expect(one({ orgTypes: ["legal_entity"] }, moscowSme).result).toBe("met");
    expect(one({ orgTypes: ["legal_entity"] }, {})).toMatchObject({ result: "unknown", field: "type" });
  });

  it("region, and foreign organizations", () => {
    const r = one({ regions: ["77"] }, { type: "legal_entity", regionCode: "50" });
    expect(r.result).toBe("not_met");
    expect(r.message.ru).toBe("Регион регистрации: Московская область; мера для: Москва");
    expect(r.message.en).toBe("Region of registration: Moscow Oblast; the measure is for: Moscow");
    expect(one({ regions: ["77"] }, moscowSme).result).toBe("met");
    expect(one({ regions: ["foreign"] }, { type: "foreign" }).result).toBe("met");
    expect(one({ regions: ["77"] }, { type: "foreign", regionCode: "77" }).result).toBe("not_met");
    expect(one({ regions: ["77", "foreign"] }, { regionCode: "foreign" }).result).toBe("met");
    expect(one({ regions: ["77"] }, { type: "legal_entity" })).toMatchObject({
      result: "unknown",
      field: "regionCode",
    });
  });

  it("SME category, derived from headcount and revenue", () => {
    const r = one({ smeCategories: ["micro", "small"] }, { headcount: 300, revenueMln: 5000 });
    expect(r.result).toBe("not_met");
    expect(r.message.ru).toBe(
      "Категория МСП: Крупное предприятие; мера для: Микропредприятие, Малое предприятие",
    );
    expect(r.message.en).toBe(
      "SME category: Large enterprise; the measure is for: Micro enterprise, Small enterprise",
    );
    expect(one({ smeCategories: ["small"] }, moscowSme).result).toBe("met");
    expect(one({ smeCategories: ["small"] }, { headcount: 40 })).toMatchObject({
      result: "unknown",
      field: "revenueMln",
    });
    expect(one({ smeCategories: ["small"] }, {})).toMatchObject({ result: "unknown", field: "headcount" });
  });

  it("headcount and revenue ranges", () => {
    const h = one({ headcount: { max: 100 } }, { headcount: 120 });
    expect(h.result).toBe("not_met");
    expect(h.message.ru).toBe("Численность сотрудников — 120 человек, мера требует не более 100 человек");
    expect(h.message.en).toBe("Headcount is 120 people; the measure requires at most 100 people");
    expect(one({ headcount: { min: 1, max: 100 } }, { headcount: 100 }).result).toBe("met");
    const hu = one({ headcount: { min: 5 } }, {});
    expect(hu).toMatchObject({ result: "unknown", field: "headcount" });
    expect(hu.message.ru).toBe("Не указана численность сотрудников; мера требует не менее 5 человек");
    const r = one({ revenueMln: { min: 10, max: 800 } }, { revenueMln: 950 });
    expect(r.result).toBe("not_met");
    expect(r.message.ru).toBe("Выручка за год — 950 млн ₽, мера требует от 10 млн ₽ до 800 млн ₽");
    expect(r.message.en).toBe(
      "Annual revenue is RUB 950 mln; the measure requires between RUB 10 mln and RUB 800 mln",
    );
    expect(one({ revenueMln: { max: 800 } }, {})).toMatchObject({ result: "unknown", field: "revenueMln" });
  });

  it("required platform status, and a suspended status", () => {
    const r = one({ requiredStatus: ["participant", "partner"] }, { status: "registered" });
    expect(r.result).toBe("not_met");
    expect(r.message.ru).toBe(
      "Статус организации — «Зарегистрирована», мера требует статус: Участник кластера или Партнёр кластера",
    );
    expect(r.message.en).toBe(
      "The organization's status is “Registered”; the measure requires the status: Cluster participant or Cluster partner",
    );
    expect(one({ requiredStatus: ["participant"] }, moscowSme).result).toBe("met");
    expect(one({ requiredStatus: ["participant"] }, { ...moscowSme, statusSuspended: true }).result).toBe(
      "not_met",
    );
    expect(one({ requiredStatus: ["participant"] }, {})).toMatchObject({
      result: "unknown",
      field: "status",
    });
  });

  it("OKVED sections and tags, any of", () => {
    const o = one({ okvedSections: ["C"] }, moscowSme);
    expect(o.result).toBe("not_met");
    expect(o.message.ru).toMatch(
      /^Разделы ОКВЭД организации: J \(.+\), M \(.+\); мера для: C \(Обрабатывающие производства\)$/,
    );
    expect(o.message.en).toContain("the measure is for: C (Manufacturing)");
    expect(one({ okvedSections: ["C", "J"] }, moscowSme).result).toBe("met");
    expect(one({ okvedSections: ["C"] }, { okvedSections: [] })).toMatchObject({
      result: "unknown",
      field: "okvedSections",
    });
    const t = one({ tags: ["robotics", "ai"] }, moscowSme);
    expect(t.result).toBe("met");
    expect(t.message.ru).toContain("мера для: Робототехника, Искусственный интеллект");
    expect(one({ tags: ["robotics"] }, moscowSme).result).toBe("not_met");
    expect(one({ tags: ["robotics"] }, { tags: null })).toMatchObject({ result: "unknown", field: "tags" });
  });

  it("declared flags: unknown until declared", () => {
    const u = one({ flags: ["skolkovo_resident"] }, moscowSme);
    expect(u).toMatchObject({
      key: "flag.skolkovo_resident",
      result: "unknown",
      field: "flags.skolkovo_resident",
    });
    expect(u.message.ru).toBe(
      "Мера требует: резидент «Сколково»; в профиле это не указано — проверьте условие",
    );
    expect(u.message.en).toBe(
      "The measure requires: Skolkovo resident; the profile does not say — check this condition",
    );
    expect(one({ flags: ["exporter"] }, { flags: { exporter: true } }).result).toBe("met");
    expect(one({ flags: ["exporter"] }, { flags: { exporter: false } }).result).toBe("not_met");
  });

  it("empty criteria restrict nothing; the verdict combines the outcomes", () => {
    expect(
      evaluate({ orgTypes: [], regions: [], headcount: {}, ageYears: { min: null } }, {}, TODAY),
    ).toEqual({
      verdict: "eligible",
      criteria: [],
    });
    const mixed = evaluate({ regions: ["77"], flags: ["exporter"] }, moscowSme, TODAY);
    expect(mixed.verdict).toBe("check");
    const bad = evaluate({ regions: ["50"], flags: ["exporter"] }, moscowSme, TODAY);
    expect(bad.verdict).toBe("not_eligible");
    expect(
      evaluate(
        { regions: ["77"], smeCategories: ["small"], requiredStatus: ["participant"] },
        moscowSme,
        new Date("2026-11-23T10:00:00Z"),
      ).verdict,
    ).toBe("eligible");
  });
});

// ---------- properties ----------

/** The profile fields each criterion reads. */
const READS: Record<string, (keyof EligibilityProfile)[]> = {
  orgType: ["type"],
  region: ["type", "regionCode"],
  smeCategory: ["headcount", "revenueMln"],
  age: ["foundedOn", "ageYears"],
  headcount: ["headcount"],
  revenue: ["revenueMln"],
  status: ["status", "statusSuspended"],
  okved: ["okvedSections"],
  tags: ["tags"],
};

describe("properties", () => {
  it("a measure with no criteria is eligible for every profile", () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        expect(evaluate({}, p, TODAY)).toEqual({ verdict: "eligible", criteria: [] });
        expect(evaluate(null, p, TODAY).verdict).toBe("eligible");
      }),
    );
  });

  it("removing a criterion never makes the verdict worse", () => {
    fc.assert(
      fc.property(criteriaArb, profileArb, fc.nat(), (c, p, pick) => {
        const keys = Object.keys(c) as (keyof Criteria)[];
        if (!keys.length) return;
        const { [keys[pick % keys.length]!]: _removed, ...fewer } = c;
        const before = evaluate(c, p, TODAY).verdict;
        const after = evaluate(fewer, p, TODAY).verdict;
        expect(verdictRank(after)).toBeLessThanOrEqual(verdictRank(before));
      }),
      { numRuns: 500 },
    );
  });

  it("an unknown value never yields not_met for the criterion that reads it", () => {
    fc.assert(
      fc.property(criteriaArb, profileArb, (c, p) => {
        const r = evaluate(c, p, TODAY);
        for (const o of r.criteria) {
          const reads = o.key.startsWith("flag.") ? [] : (READS[o.key] ?? []);
          const blank: EligibilityProfile = { ...p };
          for (const f of reads) (blank as Record<string, unknown>)[f] = null;
          if (o.key.startsWith("flag.")) blank.flags = null;
          const again = evaluate(c, blank, TODAY).criteria.find((x) => x.key === o.key)!;
          expect(again.result).toBe("unknown");
          expect(again.field).toBeTruthy();
        }
      }),
      { numRuns: 500 },
    );
  });

  it("every outcome has both sentences, and the verdict follows the outcomes", () => {
    fc.assert(
      fc.property(criteriaArb, profileArb, (c, p) => {
        const r = evaluate(c, p, TODAY);
        for (const o of r.criteria) {
          expect(o.message.ru.length).toBeGreaterThan(10);
          expect(o.message.en.length).toBeGreaterThan(10);
          expect(o.message.ru).not.toMatch(/undefined|NaN|null/);
          expect(o.message.en).not.toMatch(/undefined|NaN|null/);
        }
        const results = r.criteria.map((o) => o.result);
        const expected = results.includes("not_met")
          ? "not_eligible"
          : results.includes("unknown")
            ? "check"
            : "eligible";
        expect(r.verdict).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the criteria registry", () => {
  it("covers every field of the criteria contract, in the contract's order", () => {
    expect(CRITERIA_LIST.map((c) => c.key)).toEqual(Object.keys(CriteriaSchema.shape));
    expect(Object.keys(CRITERION_ARBS).sort()).toEqual(CRITERIA_LIST.map((c) => c.key).sort());
  });

  for (const criterion of CRITERIA_LIST) {
    it(`${criterion.key}: reads only the profile fields it declares`, () => {
      fc.assert(
        fc.property(singleCriterionArb(criterion.key), profileArb, profileArb, (c, p, other) => {
          // Another profile with this one's declared fields gets the same outcomes and sentences.
          const mixed: EligibilityProfile = { ...other };
          for (const f of criterion.reads) (mixed as Record<string, unknown>)[f] = p[f];
          expect(evaluate(c, mixed, TODAY)).toEqual(evaluate(c, p, TODAY));
        }),
        { numRuns: 200 },
      );
    });

    it(`${criterion.key}: its values pass its contract schema`, () => {
      fc.assert(
        fc.property(singleCriterionArb(criterion.key), (c) => {
          expect(CriteriaSchema.safeParse(c).success).toBe(true);
        }),
        { numRuns: 50 },
      );
    });
  }
});
