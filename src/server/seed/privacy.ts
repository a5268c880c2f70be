import { and, asc, eq, like, notExists, sql } from "drizzle-orm";
import { ERASURE_DAYS } from "../../shared/privacy.js";
import type { Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { memberships } from "../modules/organizations/organizations.schema.js";
import { dataExports, erasureRequests } from "../modules/privacy/privacy.schema.js";

const DAY = 24 * 3600_000;

/** How many days ago the seeded deletion request was made. */
export const SEEDED_ERASURE_DAYS_AGO = 12;

/**
 * Personal data: one account waiting for its erasure (asked 12 days ago, so 18 days are left: the
 * operator's list shows it), and an export of the demo user's data, queued an hour ago — the privacy
 * module's start prepares exports left queued, so it is ready (with its notification) once the server
 * is up. No randomness: the other seeders' sequences are not shifted.
 */
export const privacySeeder: Seeder = {
  name: "privacy",
  async run({ db }) {
    const now = Date.now();
    // One of the generated people who owns no organization (an owner must hand ownership over first).
    const [person] = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          like(users.email, "%@example.ru"),
          sql`${users.emailConfirmedAt} is not null`,
          notExists(
            db
              .select()
              .from(memberships)
              .where(and(eq(memberships.userId, users.id), eq(memberships.role, "owner"))),
          ),
        ),
      )
      .orderBy(asc(users.email))
      .limit(1);
    if (person) {
      const requestedAt = new Date(now - SEEDED_ERASURE_DAYS_AGO * DAY);
      await db.update(users).set({ deletionRequestedAt: requestedAt }).where(eq(users.id, person.id));
      await db.insert(erasureRequests).values({
        userId: person.id,
        reason: "deletion",
        requestedAt,
        dueAt: new Date(requestedAt.getTime() + ERASURE_DAYS * DAY),
      });
    }
    const [demo] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "user@innocluster.demo"));
    if (demo) await db.insert(dataExports).values({ userId: demo.id, requestedAt: new Date(now - 3600_000) });
  },
};
