import { describe, expect, it } from "vitest";
import { quoted } from "./text";

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
