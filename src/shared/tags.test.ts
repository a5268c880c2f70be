import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TAG_SLUGS, TAGS, tagLabel } from "./tags.js";

describe("tags", () => {
  it("has 24 unique kebab-case slugs with labels in both languages", () => {
    expect(TAG_SLUGS).toHaveLength(24);
    expect(new Set(TAG_SLUGS).size).toBe(24);
    expect(TAGS.map((t) => t.slug)).toEqual([...TAG_SLUGS]);
    for (const t of TAGS) {
      expect(t.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(t.ru.trim()).not.toBe("");
      expect(t.en.trim()).not.toBe("");
    }
  });

  it("labels a slug and passes an unknown one through", () => {
    expect(tagLabel("ai", "ru")).toBe("Искусственный интеллект");
    expect(tagLabel("ai", "en")).toBe("Artificial intelligence");
    expect(tagLabel("toString", "en")).toBe("toString");
    expect(tagLabel("nope", "ru")).toBe("nope");
  });

  it("works as a zod enum", () => {
    const Tag = z.enum(TAG_SLUGS);
    expect(Tag.parse("quantum")).toBe("quantum");
    expect(Tag.safeParse("blockchain").success).toBe(false);
  });
});
