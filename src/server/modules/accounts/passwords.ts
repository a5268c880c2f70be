import fs from "node:fs";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";
import { ROOT } from "../../core/paths.js";

// OWASP's Argon2id baseline: m=19 MiB, t=2, p=1.
// algorithm 2 = Algorithm.Argon2id (a const enum, which isolatedModules cannot inline).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A valid hash of a random string: verifying against it when the e-mail is unknown keeps timing alike. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
};

// The 10,000 most common passwords (SecLists, MIT licence; see common-passwords.LICENSE).
let common: Set<string> | undefined;
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    fs
      .readFileSync(path.join(ROOT, "src/server/modules/accounts/common-passwords.txt"), "utf8")
      .split(/\r?\n/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  return common.has(password.toLowerCase());
}
