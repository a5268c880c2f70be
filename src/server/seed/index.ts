import { fakerRU as faker } from "@faker-js/faker";
import { count } from "drizzle-orm";
import type { Db } from "../core/db.js";
import type { Scale, SeedContext, Seeder } from "../core/seed.js";
import type { Storage } from "../core/storage.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { hashPassword } from "../modules/accounts/passwords.js";
import { MODULES } from "../modules/index.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo.js";
import { seedFullGrants } from "./grants.full.js";
import { seedFullPilots } from "./pilots.full.js";
import { seedFullProjects } from "./projects.full.js";
import { seedFullTeams } from "./teams.full.js";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo.js";

export type { Scale, SeedContext, Seeder };

/**
 * The modules' seeders, in the order of MODULES (a module is listed after those it depends on). Only
 * accounts, organizations and measures draw from the shared generator, in that order; verification has
 * its own, conversations and privacy use none, so adding a seeder elsewhere shifts no one's data.
 */
export const seeders = (): Seeder[] => MODULES.flatMap((m) => (m.seed ? [m.seed] : []));

export async function isSeeded(db: Db) {
  const [r] = await db.select({ n: count() }).from(users);
  return (r?.n ?? 0) > 0;
}

/** Deterministic: the same faker seed gives the same data set on every machine. */
export async function seed(
  db: Db,
  scale: Scale,
  progress: SeedContext["progress"] = () => {},
  storage?: Storage,
) {
  faker.seed(20261123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const s of seeders())
      await s.run({ db: tx as unknown as Db, scale, passwordHash, faker, progress, storage });
  });
}

/**
 * Adds to a full-scale database the parts it lacks because it was seeded before they existed (the full
 * teams, sites and pilots, the projects, the grant applications); each part skips itself when present, so this is a no-op on a current seed.
 */
export async function completeFullScale(db: Db, progress: SeedContext["progress"] = () => {}) {
  await db.transaction(async (tx) => {
    const ctx = { db: tx as unknown as Db, scale: "full" as const, passwordHash: "", faker, progress };
    await seedFullTeams(ctx);
    await seedFullPilots(ctx);
    await seedFullProjects(ctx);
    await seedFullGrants(ctx);
  });
}

export function demoAccountsText() {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(9)} ${a.email.padEnd(width)}  ${a.fullName}`),
  ].join("\n");
}
