import { describe, expect, it } from "vitest";
import { quoted, SafeText } from "./text";

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

describe("SafeText", () => {
  it("refuses half of a surrogate pair, which the database would keep as U+FFFD, and keeps whole pairs", () => {
    const title = SafeText(1, 100);
    expect(title.safeParse("Патент \ud800").success).toBe(false);
    expect(title.safeParse("\udc00 модель").success).toBe(false);
    expect(title.safeParse("Робот 🤖 v2").success).toBe(true);
    expect(title.safeParse("Обычное название").success).toBe(true);
  });
});
