import { describe, expect, it } from "vitest";
import { LOCALES } from "../../shared/constants.js";
import { installAllModules } from "../test/helpers.js";
import { fromAcceptLanguage, isLocale, messages, t } from "./i18n.js";

// Every module's messages are checked too.
installAllModules();

describe("fromAcceptLanguage", () => {
  it.each([
    ["en-US,en;q=0.9,ru;q=0.8", "en"],
    ["de, ru;q=0.5", "ru"],
    ["ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"],
    ["ru;q=0.5, en;q=0.8", "en"],
    ["EN", "en"],
    ["de;q=1, en;q=0, ru;q=0.1", "ru"],
    ["en;q=abc, ru", "ru"],
    ["*", undefined],
    ["fr", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%s → %s", (header, locale) => {
    expect(fromAcceptLanguage(header)).toBe(locale);
  });
});

describe("messages", () => {
  it("every Russian message has an English one and vice versa", () => {
    const ru = Object.keys(messages.ru).sort();
    const en = Object.keys(messages.en).sort();
    expect(en.filter((k) => !ru.includes(k))).toEqual([]);
    expect(ru.filter((k) => !en.includes(k))).toEqual([]);
  });

  it("both languages use the same placeholders and no message is empty", () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messages.ru)) {
      for (const l of LOCALES) expect(messages[l][key]?.trim(), `${l} ${key}`).toBeTruthy();
      expect(params(messages.en[key] ?? ""), key).toEqual(params(messages.ru[key]!));
    }
  });

  it("t fills the placeholders", () => {
    expect(t("ru", "field.too-short", { min: 8 })).toBe("Не короче 8 символов");
    expect(t("en", "problem.too-many-requests", { retry: "5 min" })).toBe(
      "Too many attempts. Try again in 5 min.",
    );
  });

  it("t shows an unknown key as is rather than failing", () => {
    expect(t("en", "no.such.key")).toBe("no.such.key");
  });

  it("isLocale accepts only ru and en", () => {
    expect(LOCALES.every(isLocale)).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
