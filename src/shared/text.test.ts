import { describe, expect, it } from "vitest";
import { hasUnsafeChars, quoted } from "./text";

describe("quoted", () => {
  it("never nests quotes: a name's own quotes become the inner kind", () => {
    expect(quoted("ООО «Тест Инновации»", "ru")).toBe("«ООО „Тест Инновации“»");
    expect(quoted('АО "Ромашка"', "ru")).toBe("«АО „Ромашка“»");
    expect(quoted("ООО «Тест Инновации»", "en")).toBe("“ООО ‘Тест Инновации’”");
  });

  it("wraps a plain value once and keeps a value already wrapped whole", () => {
    expect(quoted("Участник кластера", "ru")).toBe("«Участник кластера»");
    expect(quoted("«Технопарк»", "ru")).toBe("«Технопарк»");
    expect(quoted("“Grants”", "ru")).toBe("«Grants»");
    expect(quoted("Participant", "en")).toBe("“Participant”");
  });
});

describe("hasUnsafeChars", () => {
  it("refuses half of a surrogate pair, which the database would keep as U+FFFD, and keeps whole pairs", () => {
    expect(hasUnsafeChars("Патент \ud800")).toBe(true);
    expect(hasUnsafeChars("\udc00 модель")).toBe(true);
    expect(hasUnsafeChars("Робот 🤖 v2")).toBe(false);
    expect(hasUnsafeChars("Обычное название")).toBe(false);
  });
});
