import { describe, expect, it } from "vitest";
import { COUNTRIES, countryName, isRegionCode, MOSCOW, REGIONS, regionName } from "./regions.js";

describe("REGIONS", () => {
  it("lists the 89 subjects once each, with two-digit codes and both names", () => {
    expect(REGIONS).toHaveLength(89);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(89);
    for (const r of REGIONS) {
      expect(r.code).toMatch(/^\d{2}$/);
      expect(r.ru.trim()).not.toBe("");
      expect(r.en.trim()).not.toBe("");
    }
    expect(REGIONS.map((r) => r.code)).toEqual([...REGIONS.map((r) => r.code)].sort());
  });

  it("has the codes everyone relies on", () => {
    expect(MOSCOW).toBe("77");
    expect(regionName(MOSCOW, "ru")).toBe("Москва");
    expect(regionName("78", "en")).toBe("Saint Petersburg");
    expect(regionName("50", "ru")).toBe("Московская область");
    expect(regionName("01", "ru")).toBe("Республика Адыгея");
    expect(regionName("91", "ru")).toBe("Республика Крым");
    expect(regionName("92", "ru")).toBe("Севастополь");
    expect(regionName("79", "ru")).toBe("Еврейская автономная область");
    for (const c of ["83", "86", "87", "89"]) expect(isRegionCode(c), c).toBe(true);
  });

  it("uses the tax codes for the subjects admitted in 2022 and keeps their plate codes aside", () => {
    const plates = Object.fromEntries(REGIONS.filter((r) => r.plateCode).map((r) => [r.code, r.plateCode]));
    expect(plates).toEqual({ "90": "85", "93": "80", "94": "81", "95": "84" });
    for (const c of ["80", "81", "84", "85", "99", "00"]) expect(regionName(c, "ru"), c).toBeNull();
  });
});

describe("COUNTRIES", () => {
  it("has about 60 unique alpha-2 codes without Russia", () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(55);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    for (const c of COUNTRIES) expect(c.code).toMatch(/^[A-Z]{2}$/);
    expect(countryName("RU", "ru")).toBeNull();
  });

  it("names the common partners", () => {
    for (const code of ["CN", "BY", "KZ", "IN", "AE", "TR", "UZ", "AM", "DE"])
      expect(countryName(code, "en"), code).not.toBeNull();
    expect(countryName("CN", "ru")).toBe("Китай");
    expect(countryName("ZZ", "en")).toBeNull();
  });
});
