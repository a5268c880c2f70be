import { describe, expect, it } from "vitest";
import { LOCALES } from "../../shared/constants.js";
import { fromAcceptLanguage, isLocale, t } from "./i18n.js";

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
