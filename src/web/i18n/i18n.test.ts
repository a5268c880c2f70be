import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Checks that the Russian and English dictionaries have the same keys, and that every literal key
 * used in the web sources (`t("…")`, `i18nKey="…"`) exists in both. Runs in the node environment.
 */

const I18N_DIR = fileURLToPath(new URL("../../locales/", import.meta.url));
const WEB_DIR = fileURLToPath(new URL("..", import.meta.url));
const LANGS = ["ru", "en"] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** `{ a: { b: "x" }, c: ["y"] }` → ["a.b", "c.0"]; plural suffixes are folded into the base key. */
function flatten(value: Json, prefix: string, out: Set<string>): Set<string> {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    if (entries.length === 0 && prefix)
      out.add(`${prefix}.<empty ${Array.isArray(value) ? "list" : "object"}>`);
    for (const [key, child] of entries) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.add(prefix.replace(PLURAL_SUFFIX, ""));
  }
  return out;
}

/** Namespace files, e.g. ru/auth.json → keys "auth.…", as registered in i18n/index.ts. */
function loadLanguage(lang: string): { files: string[]; keys: Set<string>; values: Map<string, string> } {
  const dir = join(I18N_DIR, lang);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const keys = new Set<string>();
  const values = new Map<string, string>();
  for (const file of files) {
    const ns = file.replace(/\.json$/, "");
    const data = JSON.parse(readFileSync(join(dir, file), "utf8")) as Json;
    flatten(data, ns, keys);
    collectStrings(data, ns, values);
  }
  return { files, keys, values };
}

function collectStrings(value: Json, prefix: string, out: Map<string, string>): void {
  if (typeof value === "string") out.set(prefix, value);
  else if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [key, child] of entries) collectStrings(child, `${prefix}.${key}`, out);
  }
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Literal keys in `t("key")`, `i18n.t("key")`, `t('key', …)` and `i18nKey="key"`; template strings with `${` are skipped. */
const KEY_PATTERNS = [/\bt\(\s*(["'`])([^"'`$\s]+)\1/g, /\bi18nKey=\{?\s*(["'`])([^"'`$\s]+)\1/g];
/** Dynamic keys such as t(`common.roles.${role}`): the literal prefix must name an existing subtree. */
const DYNAMIC_PATTERN = /\bt\(\s*`([^`$]+)\$\{/g;

function usedKeys(): { key: string; file: string }[] {
  const found: { key: string; file: string }[] = [];
  for (const file of sourceFiles(WEB_DIR)) {
    const text = readFileSync(file, "utf8");
    for (const pattern of KEY_PATTERNS) {
      for (const m of text.matchAll(pattern)) found.push({ key: m[2] ?? "", file: relative(WEB_DIR, file) });
    }
  }
  return found;
}

function dynamicPrefixes(): { prefix: string; file: string }[] {
  const found: { prefix: string; file: string }[] = [];
  for (const file of sourceFiles(WEB_DIR)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(DYNAMIC_PATTERN))
      found.push({ prefix: m[1] ?? "", file: relative(WEB_DIR, file) });
  }
  return found;
}

function interpolations(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? "").sort();
}

function tags(text: string): string[] {
  return [...text.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort();
}

const dictionaries = Object.fromEntries(LANGS.map((lang) => [lang, loadLanguage(lang)])) as Record<
  (typeof LANGS)[number],
  ReturnType<typeof loadLanguage>
>;

describe("i18n dictionaries", () => {
  it("have the same namespace files in every language", () => {
    expect(dictionaries.en.files).toEqual(dictionaries.ru.files);
  });

  it("are all loaded by i18n/index.ts", async () => {
    const { loadLanguage } = await import("./index");
    for (const lang of LANGS) {
      const loaded = Object.keys(await loadLanguage[lang]()).sort();
      expect(loaded).toEqual(dictionaries[lang].files.map((f) => f.replace(/\.json$/, "")).sort());
    }
  });

  for (const [a, b] of [
    ["ru", "en"],
    ["en", "ru"],
  ] as const) {
    it(`every ${a} key exists in ${b}`, () => {
      const missing = [...dictionaries[a].keys].filter((k) => !dictionaries[b].keys.has(k));
      expect(missing, `keys in ${a} but not in ${b}`).toEqual([]);
    });
  }

  it("have no empty translations", () => {
    for (const lang of LANGS) {
      const empty = [...dictionaries[lang].values].filter(([, v]) => v.trim() === "").map(([k]) => k);
      expect(empty, `empty strings in ${lang}`).toEqual([]);
    }
  });

  it("use the same {{placeholders}} and <tags> in both languages", () => {
    const mismatched: string[] = [];
    for (const [key, ru] of dictionaries.ru.values) {
      const en = dictionaries.en.values.get(key);
      if (en === undefined) continue;
      if (interpolations(ru).join() !== interpolations(en).join() || tags(ru).join() !== tags(en).join()) {
        mismatched.push(key);
      }
    }
    expect(mismatched).toEqual([]);
  });
});

describe("keys used in src/web", () => {
  const used = usedKeys();

  it("finds translation calls in the sources (sanity check of the scanner)", () => {
    expect(used.length).toBeGreaterThan(50);
  });

  for (const lang of LANGS) {
    it(`exist in ${lang}`, () => {
      const { keys } = dictionaries[lang];
      const isKnown = (key: string) => keys.has(key) || [...keys].some((k) => k.startsWith(`${key}.`));
      const missing = used.filter(({ key }) => !isKnown(key)).map(({ key, file }) => `${file}: ${key}`);
      expect([...new Set(missing)], `t() keys missing in ${lang}`).toEqual([]);
    });

    it(`have a subtree in ${lang} for every dynamic key prefix`, () => {
      const { keys } = dictionaries[lang];
      const missing = dynamicPrefixes()
        .filter(({ prefix }) => ![...keys].some((k) => k.startsWith(prefix)))
        .map(({ prefix, file }) => `${file}: ${prefix}…`);
      expect(missing).toEqual([]);
    });
  }
});
