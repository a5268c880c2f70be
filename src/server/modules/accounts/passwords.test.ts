import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dummyHash, hashPassword, isCommonPassword, verifyPassword } from "./passwords.js";

describe("isCommonPassword", () => {
  it("knows the common passwords, in any case", () => {
    for (const p of ["123456789", "password123", "qwertyuiop", "Password123", "QWERTYUIOP"]) {
      expect(isCommonPassword(p), p).toBe(true);
    }
  });

  it("lets an uncommon password through", () => {
    expect(isCommonPassword(randomBytes(18).toString("base64url"))).toBe(false);
    expect(isCommonPassword("Lunokhod-1970")).toBe(false);
  });
});

describe("hashPassword / verifyPassword", () => {
  it("verifies the right password and refuses others", async () => {
    const h = await hashPassword("Лунный-Камень-7");
    expect(h).toMatch(/^\$argon2id\$/);
    expect(h).not.toContain("Лунный");
    expect(await verifyPassword(h, "Лунный-Камень-7")).toBe(true);
    expect(await verifyPassword(h, "лунный-камень-7")).toBe(false);
    expect(await verifyPassword(h, "")).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("Same-Pass-123")).not.toBe(await hashPassword("Same-Pass-123"));
  });

  it("returns false for a garbage hash instead of throwing", async () => {
    expect(await verifyPassword("not a hash", "whatever")).toBe(false);
    expect(await verifyPassword("", "whatever")).toBe(false);
    expect(await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$broken", "whatever")).toBe(false);
  });

  it("the dummy hash used for unknown e-mails matches no password", async () => {
    const h = await dummyHash();
    expect(h).toBe(await dummyHash());
    expect(await verifyPassword(h, "dummy")).toBe(false);
    expect(await verifyPassword(h, "")).toBe(false);
  });
});
