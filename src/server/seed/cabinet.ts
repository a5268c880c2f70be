// The demo member's cabinet: a few published measures the navigator told them had become eligible for
// their organization (the notices the measures module records, dated over the last days) and two
// favourites whose window closes within a week. No randomness: the other seeders' data do not shift.
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { addDays } from "../../shared/dates.js";
import { evaluate } from "../../shared/eligibility.js";
import { moscowToday } from "../core/clock.js";
import type { Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { MEASURE_COLUMNS, measures } from "../modules/measures/measures.schema.js";
import { orgProfile } from "../modules/measures/measures.service.js";
import { measureFavourites, measureNotices } from "../modules/measures/measures.subscriptions.schema.js";
import { CLOSING_SOON_DAYS } from "../modules/measures/measures.subscriptions.service.js";
import { activeOrganizationFacts } from "../modules/organizations/organizations.service.js";
import { DEMO_USER_EMAIL } from "./organizations.js";

const DAY = 24 * 3600_000;
/** How many newly eligible measures the demo member has been told about. */
const NOTICES = 3;

export const cabinetSeeder: Seeder = {
  name: "cabinet",
  async run({ db }) {
    const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USER_EMAIL));
    if (!demo) return;
    const now = Date.now();
    const today = moscowToday(new Date(now));
    const facts = await activeOrganizationFacts(db, demo.id);
    if (facts) {
      const profile = orgProfile(facts);
      const published = await db
        .select(MEASURE_COLUMNS)
        .from(measures)
        .where(eq(measures.status, "published"))
        .orderBy(asc(measures.slug));
      const fit = published
        .filter((m) => m.permanent || !m.closesOn || m.closesOn >= today)
        .filter((m) => evaluate(m.criteria, profile, today).verdict === "eligible")
        .slice(0, NOTICES);
      if (fit.length)
        await db
          .insert(measureNotices)
          .values(
            fit.map((m, i) => ({
              userId: demo.id,
              measureId: m.id,
              version: m.version,
              reason: "eligible",
              organizationId: facts.id,
              createdAt: new Date(now - (i + 1) * 2 * DAY),
            })),
          )
          .onConflictDoNothing();
    }
    // Favourites closing within the reminder's window (the cabinet lists them, soonest first).
    const until = addDays(today, CLOSING_SOON_DAYS);
    const closing = await db
      .select({ id: measures.id })
      .from(measures)
      .where(
        and(
          eq(measures.status, "published"),
          eq(measures.permanent, false),
          gte(measures.closesOn, today),
          lte(measures.closesOn, until),
        ),
      )
      .orderBy(asc(measures.closesOn), asc(measures.slug))
      .limit(2);
    if (closing.length)
      await db
        .insert(measureFavourites)
        .values(closing.map((m) => ({ userId: demo.id, measureId: m.id })))
        .onConflictDoNothing();
  },
};
