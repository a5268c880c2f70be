/**
 * The shared part of the text catalogue: `src/locales/<locale>/shared/*.json`, read by the server and
 * the web alike — the labels of the vocabularies (regions, countries, OKVED sections, technologies,
 * organization types, statuses, roles, SME categories, declared flags) and the words and sentences of
 * explained eligibility (criteria.ts). Flat keys → texts with `{name}` placeholders; a counted text has
 * one key per plural category of its language (`_one`, `_few`, `_many`, `_other`, as i18next names
 * them), chosen by `Intl.PluralRules`. Each file is imported where it is used (`vocabulary` below; the
 * eligibility texts in eligibility.base.ts), so a page that shows labels does not carry the sentences.
 * A language is its files here plus an import line beside each; `catalogue.test.ts` checks that every
 * language has every key, plural form and placeholder.
 */

import enVocabulary from "../locales/en/shared/vocabulary.json" with { type: "json" };
import ruVocabulary from "../locales/ru/shared/vocabulary.json" with { type: "json" };
import { LOCALES, type Locale } from "./constants.js";

type Dict = Readonly<Record<string, string>>;
/** A file of the catalogue: flat keys, or keys grouped one level (`{ "region": { "77": "Москва" } }` is `region.77`). */
type File = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

const flatten = (file: File): Dict =>
  Object.fromEntries(
    Object.entries(file).flatMap(([key, value]) =>
      typeof value === "string" ? [[key, value]] : Object.entries(value).map(([k, v]) => [`${key}.${k}`, v]),
    ),
  );

/** A text in every language. */
export type Texts = Readonly<Record<Locale, string>>;

/** A placeholder's value: the same in every language, a number (formatted per language), or texts. */
export type Param = string | number | Texts;

const NUMBER_FORMATS = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    new Intl.NumberFormat(l === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 2 }),
  ]),
) as Record<Locale, Intl.NumberFormat>;
const PLURALS = Object.fromEntries(LOCALES.map((l) => [l, new Intl.PluralRules(l)])) as Record<
  Locale,
  Intl.PluralRules
>;

/** A number as the language writes it ("1 234,5" / "1,234.5"). */
export const formatNumber = (n: number, locale: Locale) => NUMBER_FORMATS[locale].format(n);

/** A part of the shared catalogue: its texts, and the functions that read them. */
export type Catalogue = ReturnType<typeof catalogue>;

/** Reads one part of the shared catalogue (each a file per language, imported where it is used). */
export function catalogue(files: Readonly<Record<Locale, File>>) {
  const dicts = Object.fromEntries(LOCALES.map((l) => [l, flatten(files[l])])) as Record<Locale, Dict>;
  function template(locale: Locale, key: string): string {
    const text = dicts[locale][key];
    if (text === undefined) throw new Error(`no text ${key} in ${locale}/shared`);
    return text;
  }

  function fill(locale: Locale, text: string, params: Readonly<Record<string, Param>>): string {
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value === "number") return formatNumber(value, locale);
      return typeof value === "string" ? value : value[locale];
    });
  }

  /** The text of `key` in one language, placeholders filled. */
  function sayIn(locale: Locale, key: string, params: Readonly<Record<string, Param>> = {}): string {
    return fill(locale, template(locale, key), params);
  }

  /** The text of `key` in every language. */
  function say(key: string, params: Readonly<Record<string, Param>> = {}): Texts {
    return Object.fromEntries(LOCALES.map((l) => [l, sayIn(l, key, params)])) as Texts;
  }

  /** A counted text in every language: the form of `key` for `n` (`{n}` is the number, formatted). */
  function sayCount(key: string, n: number, params: Readonly<Record<string, Param>> = {}): Texts {
    return Object.fromEntries(
      LOCALES.map((l) => {
        const form = dicts[l][`${key}_${PLURALS[l].select(n)}`] ?? template(l, `${key}_other`);
        return [l, fill(l, form, { n, ...params })];
      }),
    ) as Texts;
  }

  /** The labels of a vocabulary (`prefix.value` in every language); a missing one fails at load. */
  function labelsOf<V extends string>(prefix: string, values: readonly V[]): Readonly<Record<V, Texts>> {
    return Object.fromEntries(values.map((v) => [v, say(`${prefix}.${v}`)])) as Record<V, Texts>;
  }

  return { dicts, sayIn, say, sayCount, labelsOf };
}

/** The vocabularies' labels (`src/locales/<lang>/shared/vocabulary.json`). */
export const vocabulary = catalogue({ ru: ruVocabulary, en: enVocabulary });
export const { say, labelsOf } = vocabulary;
