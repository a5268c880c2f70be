import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  identifierError,
  innKind,
  innRegionCode,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidOgrnip,
  isValidOkvedCode,
  makeInn,
  makeKpp,
  makeOgrn,
  makeOgrnip,
} from "./identifiers.js";
import { REGIONS } from "./regions.js";

/** Replace the digit at `i` by (d + 1) mod 10. */
const bump = (s: string, i: number) => s.slice(0, i) + String((Number(s[i]) + 1) % 10) + s.slice(i + 1);

/** A seeded rng for fast-check: a list of numbers in [0, 1) replayed in a loop. */
const rngArb = fc
  .array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 40 })
  .map((xs) => {
    let i = 0;
    return () => xs[i++ % xs.length] ?? 0;
  });

// Public identifiers of well-known companies (from their published requisites).
const PUBLIC = {
  inn10: [
    "7707083893" /* Сбербанк */,
    "7736207543" /* Яндекс */,
    "7736050003" /* Газпром */,
    "7702070139" /* ВТБ */,
  ],
  inn12: ["500100732259"],
  ogrn: [
    "1027700132195" /* Сбербанк */,
    "1027700229193" /* Яндекс */,
    "1027700070518" /* Газпром */,
    "1027739609391" /* ВТБ */,
  ],
  ogrnip: ["304500116000157"],
};

describe("INN", () => {
  it("accepts known valid INNs and tells their kind", () => {
    for (const v of PUBLIC.inn10) expect(innKind(v), v).toBe("legal");
    for (const v of PUBLIC.inn12) expect(innKind(v), v).toBe("individual");
  });

  it("rejects a wrong control digit", () => {
    expect(isValidInn("7707083890")).toBe(false);
    expect(isValidInn("500100732250")).toBe(false); // 11th right, 12th wrong
    expect(isValidInn("500100732219")).toBe(false); // 11th wrong
  });

  it("rejects any single-digit change of a valid INN", () => {
    for (const v of [...PUBLIC.inn10, ...PUBLIC.inn12])
      for (let i = 0; i < v.length; i++) expect(isValidInn(bump(v, i)), `${v}@${i}`).toBe(false);
  });

  it("rejects wrong lengths, letters and separators", () => {
    for (const v of [
      "",
      "770708389",
      "77070838931",
      "7707083893 ",
      " 7707083893",
      "77O7083893",
      "7707-83893",
      "5001007322590",
      "50010073225",
    ])
      expect(isValidInn(v), JSON.stringify(v)).toBe(false);
    expect(innKind("12345")).toBeNull();
  });

  it("gives the region of a valid INN", () => {
    expect(innRegionCode("7707083893")).toBe("77");
    expect(innRegionCode("7707083890")).toBeNull();
  });
});

describe("OGRN and OGRNIP", () => {
  it("accepts known valid numbers", () => {
    for (const v of PUBLIC.ogrn) expect(isValidOgrn(v), v).toBe(true);
    for (const v of PUBLIC.ogrnip) expect(isValidOgrnip(v), v).toBe(true);
  });

  it("rejects any single-digit change", () => {
    for (const v of PUBLIC.ogrn)
      for (let i = 0; i < 13; i++) expect(isValidOgrn(bump(v, i)), `${v}@${i}`).toBe(false);
    for (const v of PUBLIC.ogrnip)
      for (let i = 0; i < 15; i++) expect(isValidOgrnip(bump(v, i)), `${v}@${i}`).toBe(false);
  });

  it("rejects wrong lengths and letters, and does not mix the two", () => {
    for (const v of ["", "102770013219", "10277001321950", "1027700l32195", "1027700132195 "])
      expect(isValidOgrn(v), JSON.stringify(v)).toBe(false);
    for (const v of ["", "30450011600015", "3045001160001570", "30450011600015X"])
      expect(isValidOgrnip(v), JSON.stringify(v)).toBe(false);
    expect(isValidOgrn("304500116000157")).toBe(false);
    expect(isValidOgrnip("1027700132195")).toBe(false);
  });

  it("uses 10 → 0 for the control digit (remainder 10)", () => {
    // Find a 12-digit body whose remainder mod 11 is 10: its OGRN ends in 0.
    let body = 102770013210n;
    while (body % 11n !== 10n) body++;
    expect(isValidOgrn(`${body}0`)).toBe(true);
  });

  it("agrees with a BigInt reference on random numbers", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13}$/), (s) => {
        expect(isValidOgrn(s)).toBe(Number((BigInt(s.slice(0, 12)) % 11n) % 10n) === Number(s[12]));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\d{15}$/), (s) => {
        expect(isValidOgrnip(s)).toBe(Number((BigInt(s.slice(0, 14)) % 13n) % 10n) === Number(s[14]));
      }),
    );
  });
});

describe("KPP", () => {
  it("accepts 4 digits, 2 digits or capital letters, 3 digits", () => {
    for (const v of ["773601001", "770401001", "7736AB001", "500143001"]) expect(isValidKpp(v), v).toBe(true);
  });
  it("rejects anything else", () => {
    for (const v of [
      "",
      "77360100",
      "7736010011",
      "7736ab001",
      "77A601001",
      "77360100A",
      "7736 01001",
      "7736Ж1001",
    ])
      expect(isValidKpp(v), JSON.stringify(v)).toBe(false);
  });
});

describe("OKVED code", () => {
  it("accepts the five formats", () => {
    for (const v of ["62", "62.0", "62.01", "01.11.1", "01.11.11", "99"])
      expect(isValidOkvedCode(v), v).toBe(true);
  });
  it("rejects other shapes and class 00", () => {
    for (const v of [
      "",
      "6",
      "620",
      "62.",
      "62.011",
      "62.01.",
      "62.01.111",
      "62.1.1",
      "00",
      "00.11",
      "6a",
      "62,01",
      " 62",
    ])
      expect(isValidOkvedCode(v), JSON.stringify(v)).toBe(false);
  });
});

describe("identifierError", () => {
  it("reports required", () => {
    for (const v of [null, undefined, ""])
      expect(identifierError("inn10", v)).toEqual({ reason: "required" });
  });
  it("reports digits with the expected length", () => {
    expect(identifierError("inn10", "770708389")).toEqual({ reason: "digits", length: 10, lengths: [10] });
    expect(identifierError("inn10", "500100732259")).toEqual({ reason: "digits", length: 10, lengths: [10] });
    expect(identifierError("inn12", "7707083893")).toEqual({ reason: "digits", length: 12, lengths: [12] });
    expect(identifierError("inn", "77070838")).toEqual({ reason: "digits", length: 10, lengths: [10, 12] });
    expect(identifierError("ogrn", "10277001321x5")).toEqual({ reason: "digits", length: 13, lengths: [13] });
    expect(identifierError("ogrnip", "1027700132195")).toEqual({
      reason: "digits",
      length: 15,
      lengths: [15],
    });
    expect(identifierError("kpp", "77360100")).toEqual({ reason: "digits", length: 9, lengths: [9] });
  });
  it("reports checksum", () => {
    expect(identifierError("inn10", "7707083890")).toEqual({ reason: "checksum" });
    expect(identifierError("inn", "500100732250")).toEqual({ reason: "checksum" });
    expect(identifierError("ogrn", "1027700132194")).toEqual({ reason: "checksum" });
    expect(identifierError("ogrnip", "304500116000158")).toEqual({ reason: "checksum" });
  });
  it("passes valid values", () => {
    expect(identifierError("inn10", "7707083893")).toBeNull();
    expect(identifierError("inn12", "500100732259")).toBeNull();
    expect(identifierError("inn", "500100732259")).toBeNull();
    expect(identifierError("ogrn", "1027700132195")).toBeNull();
    expect(identifierError("ogrnip", "304500116000157")).toBeNull();
    expect(identifierError("kpp", "773601001")).toBeNull();
  });
});

describe("generators", () => {
  const regionArb = fc.constantFrom(...REGIONS.map((r) => r.code));

  it("make valid INNs of the requested kind and region", () => {
    fc.assert(
      fc.property(rngArb, regionArb, (rng, region) => {
        const legal = makeInn("legal", rng, { region });
        expect(legal).toMatch(/^\d{10}$/);
        expect(innKind(legal)).toBe("legal");
        expect(legal.slice(0, 2)).toBe(region);
        const person = makeInn("individual", rng);
        expect(person).toMatch(/^\d{12}$/);
        expect(innKind(person)).toBe("individual");
        expect(identifierError("inn12", person)).toBeNull();
      }),
    );
  });

  it("make valid OGRNs and OGRNIPs", () => {
    fc.assert(
      fc.property(rngArb, regionArb, fc.integer({ min: 2002, max: 2030 }), (rng, region, year) => {
        const ogrn = makeOgrn(rng, { region, year });
        expect(isValidOgrn(ogrn)).toBe(true);
        expect(ogrn.slice(1, 3)).toBe(String(year % 100).padStart(2, "0"));
        expect(ogrn.slice(3, 5)).toBe(region);
        expect(isValidOgrn(makeOgrn(rng))).toBe(true);
        const ogrnip = makeOgrnip(rng);
        expect(isValidOgrnip(ogrnip)).toBe(true);
        expect(ogrnip[0]).toBe("3");
        expect(identifierError("ogrnip", makeOgrnip(rng, { region, year }))).toBeNull();
      }),
    );
  });

  it("make valid KPPs in the region", () => {
    fc.assert(
      fc.property(rngArb, regionArb, (rng, region) => {
        const kpp = makeKpp(region, rng);
        expect(isValidKpp(kpp)).toBe(true);
        expect(kpp.slice(0, 2)).toBe(region);
      }),
    );
  });

  it("survive an rng at the edges of [0, 1)", () => {
    for (const x of [0, 0.9999999999999999]) {
      const rng = () => x;
      expect(innKind(makeInn("legal", rng))).toBe("legal");
      expect(innKind(makeInn("individual", rng))).toBe("individual");
      expect(isValidOgrn(makeOgrn(rng))).toBe(true);
      expect(isValidOgrnip(makeOgrnip(rng))).toBe(true);
      expect(isValidKpp(makeKpp("77", rng))).toBe(true);
    }
  });

  it("refuse a malformed region", () => {
    expect(() => makeKpp("7", Math.random)).toThrow(RangeError);
    expect(() => makeInn("legal", Math.random, { region: "Moscow" })).toThrow(RangeError);
  });
});
