import { describe, expect, it } from "vitest";
import { addSharedTexts, type Catalogue, catalogue, labelsOf, vocabulary, withTexts } from "./catalogue.js";
import { LOCALES } from "./constants.js";
import { eligibilityTexts } from "./eligibility.base.js";
import { exchangesVocabulary } from "./listings.js";
import { ndaTexts } from "./nda.js";

const PARTS: Record<string, Catalogue> = {
  vocabulary,
  eligibility: eligibilityTexts,
  exchanges: exchangesVocabulary,
  nda: ndaTexts,
};
const { say, sayCount } = eligibilityTexts;

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(PARTS))("the shared catalogue: %s.json", (_name, part) => {
  const SHARED_CATALOGUE = part.dicts;
  const [first, ...others] = LOCALES;
  const bases = (l: (typeof LOCALES)[number]) =>
    [...new Set(Object.keys(SHARED_CATALOGUE[l]).map((k) => k.replace(PLURAL, "")))].sort();

  it("every language has the same keys (plural forms folded), each a non-empty text", () => {
    for (const l of others) expect(bases(l), l).toEqual(bases(first));
    for (const l of LOCALES)
      for (const [key, text] of Object.entries(SHARED_CATALOGUE[l]))
        expect(text.trim() !== "" || key.endsWith("separator"), `${l} ${key}`).toBe(true);
  });

  it("a counted text has every plural form its language needs, with the same placeholders", () => {
    for (const l of LOCALES) {
      const categories = new Intl.PluralRules(l).resolvedOptions().pluralCategories;
      const counted = bases(l).filter((b) => `${b}_other` in SHARED_CATALOGUE[l]);
      for (const base of counted)
        for (const c of categories)
          expect(SHARED_CATALOGUE[l][`${base}_${c}`], `${l} ${base}_${c}`).toBeTruthy();
    }
  });

  it("a text has the same placeholders in every language", () => {
    const of = (l: (typeof LOCALES)[number], base: string) =>
      placeholders(SHARED_CATALOGUE[l][base] ?? SHARED_CATALOGUE[l][`${base}_other`] ?? "");
    for (const base of bases(first))
      for (const l of others) expect(of(l, base), `${l} ${base}`).toEqual(of(first, base));
  });
});

describe("reading the shared catalogue", () => {
  it("fills placeholders per language: numbers formatted, texts in their language, plural forms chosen", () => {
    expect(sayCount("eligibility.ago.months", 2)).toEqual({ ru: "2 месяца назад", en: "2 months ago" });
    expect(sayCount("eligibility.ago.months", 5)).toEqual({ ru: "5 месяцев назад", en: "5 months ago" });
    expect(sayCount("eligibility.ago.months", 21).ru).toBe("21 месяц назад");
    const people = sayCount("eligibility.unit.peopleGen", 1500);
    expect(people.ru).toMatch(/^1\s500 человек$/);
    expect(people.en).toBe("1,500 people");
    expect(say("eligibility.range.min", { a: say("eligibility.unit.mlnRub", { n: 2.5 }) })).toEqual({
      ru: "не менее 2,5 млн ₽",
      en: "at least RUB 2.5 mln",
    });
  });

  it("a label missing from the catalogue fails when its vocabulary loads, not when it is shown", () => {
    expect(() => labelsOf("tag", ["ai", "no-such-tag"])).toThrow(/no text tag.no-such-tag/);
  });

  it("a language the browser fetches later reads as Russian until it comes, then as itself, copies too", () => {
    const part = catalogue("test-later", { ru: { size: { s: "малый" } }, en: null });
    const [small] = Object.values(part.labelsOf("size", ["s"]));
    const copy = withTexts({ code: "s" }, small!);
    expect(small?.en).toBe("малый");
    addSharedTexts("en", "test-later", { size: { s: "small" } });
    expect(small).toEqual({ ru: "малый", en: "small" });
    expect(copy).toEqual({ code: "s", ru: "малый", en: "small" });
    expect(JSON.parse(JSON.stringify(copy))).toEqual({ code: "s", ru: "малый", en: "small" });
  });
});
