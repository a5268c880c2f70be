import { describe, expect, it } from "vitest";
import { kopecksOf, typedOf } from "./money";

describe("money as typed", () => {
  it("reads rubles with kopecks without floating point, and writes them back", () => {
    expect(kopecksOf("4 800 000,50")).toBe(480_000_050);
    expect(kopecksOf("4800000")).toBe(480_000_000);
    expect(kopecksOf("0.1")).toBe(10);
    expect(kopecksOf("")).toBeNull();
    expect(kopecksOf("12,345")).toBe(-1);
    expect(kopecksOf("abc")).toBe(-1);
    expect(typedOf(480_000_050)).toBe("4800000,50");
    expect(kopecksOf(typedOf(123_456_789))).toBe(123_456_789);
  });
});
