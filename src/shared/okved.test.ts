import { describe, expect, it } from "vitest";
import { OKVED_SECTION_LETTERS, OKVED_SECTIONS, okvedSectionName, okvedSectionOfCode } from "./okved.js";

describe("OKVED sections", () => {
  it("lists A–U in order with names in both languages", () => {
    expect(OKVED_SECTIONS.map((s) => s.letter)).toEqual([...OKVED_SECTION_LETTERS]);
    expect(OKVED_SECTIONS).toHaveLength(21);
    expect(okvedSectionName("A", "ru")).toBe("Сельское, лесное хозяйство, охота, рыболовство и рыбоводство");
    expect(okvedSectionName("A", "en")).toBe("Agriculture, forestry and fishing");
    expect(okvedSectionName("U", "ru")).toBe("Деятельность экстерриториальных организаций и органов");
    expect(okvedSectionName("V", "ru")).toBeNull();
  });

  it("has class ranges in order, without overlaps", () => {
    let prev = 0;
    for (const s of OKVED_SECTIONS) {
      expect(s.classes[0]).toBeGreaterThan(prev);
      expect(s.classes[1]).toBeGreaterThanOrEqual(s.classes[0]);
      prev = s.classes[1];
    }
    expect(prev).toBe(99);
  });

  it("maps a code to its section", () => {
    const cases: [string, string][] = [
      ["01.11", "A"],
      ["03", "A"],
      ["05", "B"],
      ["09.90", "B"],
      ["10.11.1", "C"],
      ["26.20", "C"],
      ["33", "C"],
      ["35.11", "D"],
      ["36", "E"],
      ["39.00", "E"],
      ["41.20", "F"],
      ["43", "F"],
      ["45", "G"],
      ["47.91", "G"],
      ["49", "H"],
      ["53.20", "H"],
      ["55", "I"],
      ["56.10", "I"],
      ["58", "J"],
      ["62.01", "J"],
      ["63.11.1", "J"],
      ["64.19", "K"],
      ["66", "K"],
      ["68.20", "L"],
      ["69", "M"],
      ["72.19", "M"],
      ["75", "M"],
      ["77", "N"],
      ["82.99", "N"],
      ["84.11", "O"],
      ["85.22", "P"],
      ["86.10", "Q"],
      ["88", "Q"],
      ["90", "R"],
      ["93.29", "R"],
      ["94", "S"],
      ["96.09", "S"],
      ["97", "T"],
      ["98.20", "T"],
      ["99.00", "U"],
    ];
    for (const [code, letter] of cases) expect(okvedSectionOfCode(code), code).toBe(letter);
  });

  it("returns null for unused classes and malformed codes", () => {
    for (const code of [
      "04",
      "34.1",
      "40",
      "44",
      "48",
      "54",
      "57",
      "67",
      "76",
      "83",
      "89",
      "00",
      "6",
      "62.011",
      "x",
    ])
      expect(okvedSectionOfCode(code), code).toBeNull();
  });
});
