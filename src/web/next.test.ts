import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT, landingOf, passableNext, STAFF_NEXT, safeNext, withNext } from "./next";

describe("safeNext and withNext", () => {
  it("lands on a same-site next, else on the cabinet (the desk for staff)", () => {
    expect(DEFAULT_NEXT).toBe("/cabinet");
    expect(landingOf(null, false)).toBe("/cabinet");
    expect(landingOf(undefined, true)).toBe(STAFF_NEXT);
    expect(landingOf("//evil.example", true)).toBe("/desk");
    expect(landingOf("/invitations/x", true)).toBe("/invitations/x");
    expect(safeNext("/organizations/new")).toBe("/organizations/new");
    for (const bad of [null, undefined, "", "//evil.example", "/\\evil.example", "https://evil.example"]) {
      expect(safeNext(bad)).toBe(DEFAULT_NEXT);
    }
  });

  it("passes a safe next on, URL-encoded, and drops a missing, default or unsafe one", () => {
    expect(withNext("/signup", "/organizations/new")).toBe("/signup?next=%2Forganizations%2Fnew");
    expect(withNext("/signin", "/invitations/x?a=1&b=2")).toBe(
      "/signin?next=%2Finvitations%2Fx%3Fa%3D1%26b%3D2",
    );
    expect(withNext("/signup", null)).toBe("/signup");
    expect(withNext("/signup", DEFAULT_NEXT)).toBe("/signup");
    expect(withNext("/signup", "javascript:alert(1)")).toBe("/signup");
    expect(passableNext(`/${"a".repeat(600)}`)).toBeUndefined();
  });
});
