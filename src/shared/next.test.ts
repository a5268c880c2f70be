import { describe, expect, it } from "vitest";
import { isSafeNext, isSameSitePath, NEXT_MAX } from "./next.js";

describe("isSafeNext", () => {
  it("accepts paths on this site, with a query and a fragment", () => {
    for (const next of [
      "/",
      "/account",
      "/organizations/new",
      "/invitations/abc?x=1&y=%2F#top",
      "/a:b",
      "/measures?q=a//b",
      "/measures/v1.2",
    ]) {
      expect(isSafeNext(next), next).toBe(true);
    }
    expect(isSafeNext(`/${"a".repeat(NEXT_MAX - 1)}`)).toBe(true);
  });

  it("refuses other hosts, schemes, relative paths, control characters and long values", () => {
    for (const next of [
      null,
      undefined,
      "",
      "account",
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      " /account",
      "/account x",
      "https://evil.example",
      "javascript:alert(1)",
      "data:text/html,x",
      "/..//evil.example",
      "/.//evil.example",
      "/account//evil.example",
      "/a/../b",
      "/./account",
      `/${"a".repeat(NEXT_MAX)}`,
    ]) {
      expect(isSafeNext(next), JSON.stringify(next)).toBe(false);
    }
  });

  it("checks the shape apart from the length", () => {
    expect(isSameSitePath(`/${"a".repeat(NEXT_MAX)}`)).toBe(true);
    expect(isSameSitePath("//evil.example")).toBe(false);
  });
});
