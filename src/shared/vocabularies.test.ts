// Every vocabulary value has a label in every language, and no label names a value outside its list.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./constants.js";
import { VOCABULARY_LABELS } from "./vocabularies.labels.js";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const I18N = fileURLToPath(new URL("../locales/", import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The catalogue of a language as one object: ru/measures.json → { measures: … }. */
function catalogue(locale: string): Record<string, Json> {
  const dir = join(I18N, locale);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, f), "utf8")) as Json]),
  );
}

function at(tree: Json, path: string): Json | undefined {
  let node: Json | undefined = tree;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Record<string, Json>)[part];
  }
  return node;
}

const catalogues = Object.fromEntries(LOCALES.map((l) => [l, catalogue(l)]));

describe("vocabulary labels", () => {
  for (const [name, v] of Object.entries(VOCABULARY_LABELS)) {
    it(`${name}: every value has a label in every language, and every label a value`, () => {
      for (const locale of LOCALES) {
        for (const prefix of v.keys ?? []) {
          const node = at(catalogues[locale]!, prefix);
          expect(node, `${locale}: ${prefix}`).toBeTypeOf("object");
          const keys = [...new Set(Object.keys(node as object).map((k) => k.replace(PLURAL, "")))].filter(
            (k) => !(v.extra ?? []).includes(k),
          );
          const missing = v.values.filter((value) => !keys.includes(value));
          const stray = keys.filter((k) => !v.values.includes(k));
          expect({ missing, stray }, `${locale}: ${prefix}`).toEqual({ missing: [], stray: [] });
        }
        for (const labels of v.data ?? []) {
          expect(Object.keys(labels).sort(), name).toEqual([...v.values].sort());
          for (const value of v.values)
            expect(labels[value]?.[locale]?.trim(), `${name}.${value}`).toBeTruthy();
        }
      }
    });
  }

  it("names no value twice in a list", () => {
    for (const [name, v] of Object.entries(VOCABULARY_LABELS))
      expect(new Set(v.values).size, name).toBe(v.values.length);
  });
});
