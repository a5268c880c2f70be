import fs from "node:fs";
import path from "node:path";
import type { FastifyRequest } from "fastify";
import { LOCALES, type Locale } from "../../shared/constants.js";
import { ROOT } from "./paths.js";

type Dict = Record<string, string>;

/**
 * The server's side of the text catalogue: every file of `src/locales/<locale>/server/` (one per module,
 * plus core.json), flat keys → texts with `{name}` placeholders, read once when this module loads.
 * The web's side is `src/locales/<locale>/*.json`. A key given twice is a bug; a key or placeholder
 * missing in one language is caught by the catalogue test (src/locales/locales.test.ts).
 */
export const LOCALES_DIR = path.join(ROOT, "src/locales");

function loadCatalogue(locale: Locale): Dict {
  const dir = path.join(LOCALES_DIR, locale, "server");
  const dict: Dict = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const texts = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Dict;
    for (const [key, text] of Object.entries(texts)) {
      if (key in dict) throw new Error(`message ${key} defined twice (${locale}/server/${file})`);
      dict[key] = text;
    }
  }
  return dict;
}

export const messages = Object.fromEntries(LOCALES.map((l) => [l, loadCatalogue(l)])) as Record<Locale, Dict>;

/**
 * Texts made at run time from declarations (a file purpose's limits); everything else is in the catalogue.
 * A key given twice is a bug; a key missing in one language is caught by the i18n test.
 */
export function addMessages(add: Record<Locale, Dict>) {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(add[locale])) {
      if (key in messages[locale]) throw new Error(`message ${key} defined twice`);
      messages[locale][key] = text;
    }
  }
}

export type Params = Record<string, string | number | null | undefined>;

/** The text of `key` in `locale` (Russian, then the key itself, when missing), its placeholders filled. */
export function t(locale: Locale, key: string, params: Params = {}): string {
  const template = messages[locale][key] ?? messages.ru[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Whether the catalogue has `key` (optional texts: a notification's body, a mail's button). */
export function hasText(locale: Locale, key: string): boolean {
  return key in messages[locale] || key in messages.ru;
}

/** Like `t`, but a missing value reads as nothing: for texts built from optional data. */
export function fill(locale: Locale, key: string, params: Params): string {
  const template = messages[locale][key] ?? messages.ru[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** Picks the first supported language of an Accept-Language header, by quality. */
export function fromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.lang && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.lang).find(isLocale);
}

/** The request's language: the signed-in user's setting, else Accept-Language, else Russian. */
export function requestLocale(req: FastifyRequest): Locale {
  return req.actor?.locale ?? fromAcceptLanguage(req.headers["accept-language"]) ?? "ru";
}
