import { fakerRU as faker } from "@faker-js/faker";
import { count } from "drizzle-orm";
import type { Db } from "../core/db.js";
import type { Storage } from "../core/storage.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { hashPassword } from "../modules/accounts/passwords.js";
import { conversationsSeeder } from "./conversations.js";
import { measuresSeeder } from "./measures.js";
import { organizationsSeeder } from "./organizations.js";
import { privacySeeder } from "./privacy.js";
import { latin } from "./translit.js";
import { verificationSeeder } from "./verification.js";

export const DEMO_PASSWORD = "Innocluster-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "admin@innocluster.demo", fullName: "Соколова Анна Викторовна", role: "admin" as const },
  { email: "operator@innocluster.demo", fullName: "Кузнецов Дмитрий Олегович", role: "operator" as const },
  { email: "expert@innocluster.demo", fullName: "Лебедева Марина Игоревна", role: "expert" as const },
  { email: "user@innocluster.demo", fullName: "Иванов Сергей Петрович", role: "user" as const },
];

export type Scale = "demo" | "full";

export interface SeedContext {
  db: Db;
  scale: Scale;
  /** Argon2id hash of DEMO_PASSWORD, computed once for every seeded account. */
  passwordHash: string;
  faker: typeof faker;
  progress: (label: string, done: number, total: number) => void;
  /** Where seeded files go (conversation attachments); without it the seed attaches no files. */
  storage?: Storage;
}

/** One part of the demo data; each module adds its own after the ones it depends on. */
export interface Seeder {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}

// Demo: every one of the ~300 demo organizations has an owner, so the demo needs a few hundred users.
const SCALE = { demo: { users: 400 }, full: { users: 150_000 } };

const translit = (s: string) => latin(s).replace(/[^a-z0-9]/g, "");

const accountsSeeder: Seeder = {
  name: "accounts",
  async run({ db, scale, passwordHash, faker: f, progress }) {
    const confirmed = new Date("2026-01-15T09:00:00Z");
    await db
      .insert(users)
      .values(DEMO_ACCOUNTS.map((a) => ({ ...a, passwordHash, emailConfirmedAt: confirmed })));
    const total = SCALE[scale].users;
    const batch = 2000;
    for (let done = 0; done < total; done += batch) {
      const rowsList = Array.from({ length: Math.min(batch, total - done) }, (_, i) => {
        const n = done + i + 1;
        const sex = f.person.sexType();
        const last = f.person.lastName(sex);
        const first = f.person.firstName(sex);
        const middle = f.person.middleName(sex);
        const created = f.date.between({ from: "2019-01-01T00:00:00Z", to: "2026-11-01T00:00:00Z" });
        return {
          email: `${translit(first)}.${translit(last)}.${n}@example.ru`,
          fullName: `${last} ${first} ${middle}`,
          passwordHash,
          role: (n % 97 === 0 ? "expert" : "user") as "expert" | "user",
          emailConfirmedAt: n % 23 === 0 ? null : created,
          createdAt: created,
          updatedAt: created,
        };
      });
      await db.insert(users).values(rowsList);
      progress("users", Math.min(done + batch, total), total);
    }
  },
};

// Verification after the others: it has its own random sequence and must not shift the others';
// privacy and conversations use none.
export const seeders: Seeder[] = [
  accountsSeeder,
  organizationsSeeder,
  measuresSeeder,
  verificationSeeder,
  conversationsSeeder,
  privacySeeder,
];

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
    for (const s of seeders)
      await s.run({ db: tx as unknown as Db, scale, passwordHash, faker, progress, storage });
  });
}

export function demoAccountsText() {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(9)} ${a.email.padEnd(width)}  ${a.fullName}`),
  ].join("\n");
}
