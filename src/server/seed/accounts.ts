import type { Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { DEMO_ACCOUNTS } from "./demo.js";
import { latin } from "./translit.js";

// Demo: every one of the ~300 demo organizations has an owner, so the demo needs a few hundred users.
const SCALE = { demo: { users: 400 }, full: { users: 150_000 } };

const translit = (s: string) => latin(s).replace(/[^a-z0-9]/g, "");

export const accountsSeeder: Seeder = {
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
