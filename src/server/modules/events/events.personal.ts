import { eq } from "drizzle-orm";
import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { eventCalendarFeeds, eventRegistrations } from "./events.schema.js";

/**
 * A person's registrations for events (with a mission's application) and whether they have a calendar
 * feed. Erasure removes both: a registration is the person's own, and the counts of past events keep
 * nothing that would name them.
 */
export const eventsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    return {
      registrations: await ownRows(tx, eventRegistrations, "userId", userId, [
        "id",
        "eventId",
        "organizationId",
        "state",
        "public",
        "exportProductRu",
        "targetCountry",
        "attended",
        "createdAt",
      ]),
      calendarFeed: (await ownRows(tx, eventCalendarFeeds, "userId", userId, ["createdAt"])).length > 0,
    };
  },
  async erase(tx, userId) {
    await tx.delete(eventRegistrations).where(eq(eventRegistrations.userId, userId));
    await tx.delete(eventCalendarFeeds).where(eq(eventCalendarFeeds.userId, userId));
  },
};
