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
 *
 * In the browser only Russian comes with the code: the web build gives the other languages' imports
 * here an empty file (`sharedTextsOnDemand` in vite.config.ts), and the language's chunk, fetched when
 * it is chosen, adds its files (`addSharedTexts`, from src/web/i18n/en.ts). So every text is read when
 * it is shown (`Texts` are getters), never copied at load; until its language came, a text reads as
 * Russian.
 */

import enVocabulary from "../locales/en/shared/vocabulary.json" with { type: "json" };
import ruVocabulary from "../locales/ru/shared/vocabulary.json" with { type: "json" };
import { LOCALES, type Locale } from "./constants.js";

type Dict = Readonly<Record<string, string>>;
/** A file of the catalogue: flat keys, or keys grouped one level (`{ "region": { "77": "Москва" } }` is `region.77`). */
export type File = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

const flatten = (file: File): Dict =>
  Object.fromEntries(
    Object.entries(file).flatMap(([key, value]) =>
      typeof value === "string" ? [[key, value]] : Object.entries(value).map(([k, v]) => [`${key}.${k}`, v]),
    ),
  );

/** A text in every language. */
export type Texts = Readonly<Record<Locale, string>>;

const FIRST = LOCALES[0];

/**
 * Texts whose each language is read when asked for (`text(locale)`), and kept once its language's
 * files are there. Spread or copy one with `withTexts`, not `{ ...texts }`, or the copy freezes what the
 * languages were at that moment.
 */
export function lazyTexts(
  text: (locale: Locale) => string,
  ready: (locale: Locale) => boolean = () => true,
): Texts {
  const texts = {};
  for (const l of LOCALES)
    Object.defineProperty(texts, l, {
      enumerable: true,
      configurable: true,
      get(this: object) {
        const value = text(l);
        if (ready(l)) Object.defineProperty(this, l, { value, enumerable: true });
        return value;
      },
    });
  return texts as Texts;
}

/** `base` with the languages of `texts` (read when asked for, as `lazyTexts`). */
export function withTexts<T extends object>(base: T, texts: Texts): T & Texts {
  return Object.defineProperties(base, Object.getOwnPropertyDescriptors(texts)) as T & Texts;
}

/** The files of each part, by part then language: as imported, or added when a language came. */
const parts = new Map<string, Partial<Record<Locale, Dict>>>();

/**
 * Adds a language's file of a part (`vocabulary`, `exchanges`, `eligibility`): the browser fetches the
 * languages but Russian when they are chosen. A part read later finds it there.
 */
export function addSharedTexts(locale: Locale, part: string, file: File): void {
  const dicts = parts.get(part) ?? {};
  dicts[locale] = flatten(file);
  parts.set(part, dicts);
}

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

/**
 * Reads one part of the shared catalogue (each a file per language, imported where it is used; null:
 * the browser adds that language when it is chosen).
 */
export function catalogue(part: string, files: Readonly<Record<Locale, File | null>>) {
  const known = parts.get(part) ?? {};
  for (const l of LOCALES) {
    const file = files[l];
    if (file) known[l] = flatten(file);
  }
  parts.set(part, known);
  const dicts = known as Record<Locale, Dict>;
  const ready = (locale: Locale) => dicts[locale] !== undefined;
  function template(locale: Locale, key: string): string {
    const text = (dicts[locale] ?? dicts[FIRST])[key];
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

  /** The text of `key` in every language (a missing key fails here, in the languages there). */
  function say(key: string, params: Readonly<Record<string, Param>> = {}): Texts {
    for (const l of LOCALES) if (ready(l)) template(l, key);
    return lazyTexts((l) => sayIn(l, key, params), ready);
  }

  /** A counted text in every language: the form of `key` for `n` (`{n}` is the number, formatted). */
  function sayCount(key: string, n: number, params: Readonly<Record<string, Param>> = {}): Texts {
    return lazyTexts((l) => {
      const form = dicts[l]?.[`${key}_${PLURALS[l].select(n)}`] ?? template(l, `${key}_other`);
      return fill(l, form, { n, ...params });
    }, ready);
  }

  /** The labels of a vocabulary (`prefix.value` in every language); a missing one fails at load. */
  function labelsOf<V extends string>(prefix: string, values: readonly V[]): Readonly<Record<V, Texts>> {
    return Object.fromEntries(values.map((v) => [v, say(`${prefix}.${v}`)])) as Record<V, Texts>;
  }

  return { dicts, sayIn, say, sayCount, labelsOf };
}

/** The vocabularies' labels (`src/locales/<lang>/shared/vocabulary.json`). */
export const vocabulary = catalogue("vocabulary", { ru: ruVocabulary, en: enVocabulary });
export const { say, labelsOf } = vocabulary;
