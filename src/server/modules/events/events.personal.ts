import { and, asc, eq, inArray } from "drizzle-orm";
import { HOLDING_STATES } from "../../../shared/events.js";
import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { eventCalendarFeeds, eventRegistrations } from "./events.schema.js";
import { eventRow, promote } from "./events.service.js";

/**
 * A person's registrations for events (with a mission's application) and whether they have a calendar
 * feed. Erasure removes both: a registration is the person's own, and the counts of past events keep
 * nothing that would name them. A place the person held goes to the first waiting, who is told (as in a
 * cancellation: the event locked, the notice and its mail written in the erasure's transaction).
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
  async erase(tx, userId, env) {
    const held = await tx
      .selectDistinct({ eventId: eventRegistrations.eventId })
      .from(eventRegistrations)
      .where(
        and(eq(eventRegistrations.userId, userId), inArray(eventRegistrations.state, [...HOLDING_STATES])),
      )
      .orderBy(asc(eventRegistrations.eventId));
    // Locked in one order (the events' ids), as registrations and cancellations lock them one at a time.
    const locked = [];
    for (const { eventId } of held) locked.push(await eventRow(tx, eventId, true));
    await tx.delete(eventRegistrations).where(eq(eventRegistrations.userId, userId));
    const by = { audit: { actorId: null, ip: null }, publicUrl: env.publicUrl };
    for (const r of locked) await promote(tx, by, r);
    await tx.delete(eventCalendarFeeds).where(eq(eventCalendarFeeds.userId, userId));
  },
};
