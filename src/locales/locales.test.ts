// The text catalogue: every language has the same files, keys and placeholders, and every key the code
// builds at run time (notification variants, mail parts) exists in every language; problem titles:
// src/server/problems.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hasText, messages } from "../server/core/i18n.js";
import { mailTemplates } from "../server/core/mail.js";
import { MODULES } from "../server/modules/index.js";
import { installAllModules } from "../server/test/helpers.js";
import { LOCALES } from "../shared/constants.js";

installAllModules();

const DIR = fileURLToPath(new URL(".", import.meta.url));
const serverFiles = (l: string) =>
  readdirSync(join(DIR, l, "server"))
    .filter((f) => f.endsWith(".json"))
    .sort();
const read = (l: string, f: string) =>
  JSON.parse(readFileSync(join(DIR, l, "server", f), "utf8")) as Record<string, unknown>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("server catalogue", () => {
  const [first, ...others] = LOCALES;

  it("every language has the same files", () => {
    for (const l of others) expect(serverFiles(l), l).toEqual(serverFiles(first));
  });

  for (const file of serverFiles(first)) {
    it(`${file}: the same keys in every language, each a non-empty text with the same placeholders`, () => {
      const base = read(first, file);
      for (const l of LOCALES) {
        const texts = read(l, file);
        expect(Object.keys(texts).sort(), `${l}/server/${file}`).toEqual(Object.keys(base).sort());
        for (const [key, text] of Object.entries(texts)) {
          expect(typeof text === "string" && text.trim() !== "", `${l} ${key}`).toBe(true);
          expect(placeholders(text as string), `${l} ${key}`).toEqual(placeholders(base[key] as string));
        }
      }
    });
  }

  it("every notification kind has its label and a title for each variant, in every language", () => {
    const kinds = MODULES.flatMap((m) => Object.entries(m.notificationKinds ?? {}));
    expect(kinds.length).toBeGreaterThan(10);
    for (const [kind, k] of kinds) {
      for (const l of LOCALES) {
        expect(hasText(l, `notice.${kind}.label`) || !k.textKeys, `${l} ${kind} label`).toBe(true);
        for (const key of k.textKeys ?? [])
          expect(messages[l][`${key}.title`], `${l} ${key}.title`).toBeTruthy();
      }
    }
  });

  it("every conversation subject kind has its label in every language", () => {
    const kinds = MODULES.flatMap((m) => m.conversationSubjects ?? []);
    expect(kinds.length).toBeGreaterThan(0);
    for (const { kind } of kinds) {
      for (const l of LOCALES)
        expect(messages[l][`conversations.subject.${kind}`], `${l} ${kind}`).toBeTruthy();
    }
  });

  it("every catalogue mail has a subject and a body in every language", () => {
    const names = [...mailTemplates().keys()];
    expect(names).toContain("confirm-email");
    for (const name of names) {
      for (const l of LOCALES) {
        expect(messages[l][`mail.${name}.subject`], `${l} ${name}`).toBeTruthy();
        expect(messages[l][`mail.${name}.body`], `${l} ${name}`).toBeTruthy();
      }
    }
  });

  it("no key is defined in two files of a language", () => {
    for (const l of LOCALES) {
      const seen = new Map<string, string>();
      for (const f of serverFiles(l)) {
        for (const key of Object.keys(read(l, f))) {
          expect(seen.get(key), `${l} ${key} in ${f}`).toBeUndefined();
          seen.set(key, f);
        }
      }
    }
  });
});
