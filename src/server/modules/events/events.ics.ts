import { TZDate } from "@date-fns/tz";
import { ICalCalendar, ICalEventStatus } from "ical-generator";
import { CLUSTER_TIME_ZONE } from "../../../shared/constants.js";
import type { events } from "./events.schema.js";

type Row = Omit<typeof events.$inferSelect, "search">;

/**
 * Moscow's VTIMEZONE: UTC+3 all year since 26 October 2014 (no daylight saving), so one STANDARD
 * component from then on describes it; calendars then show the events at their Moscow wall time.
 */
const MOSCOW_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${CLUSTER_TIME_ZONE}`,
  "X-LIC-LOCATION:Europe/Moscow",
  "BEGIN:STANDARD",
  "DTSTART:20141026T020000",
  "TZOFFSETFROM:+0400",
  "TZOFFSETTO:+0300",
  "TZNAME:MSK",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/**
 * An iCalendar (RFC 5545) of events: each with its times in Moscow time (TZID Europe/Moscow with the
 * zone's VTIMEZONE), title, description with the programme, venue or link, and a stable UID, so a
 * calendar that imports it again updates the event rather than adding another. The online link only
 * with `links` (a place holder's personal feed): the public file of an event leaves it out.
 */
export function calendarOf(name: string, list: Row[], publicUrl: string, links = false): string {
  const cal = new ICalCalendar({
    name,
    prodId: { company: "Innocluster", product: "events", language: "RU" },
  });
  cal.x("X-WR-TIMEZONE", CLUSTER_TIME_ZONE);
  const host = new URL(publicUrl).host;
  for (const r of list) {
    const programme = r.programme.map((p) => `${p.at.slice(11)} ${p.titleRu}`).join("\n");
    cal.createEvent({
      id: `${r.id}@${host}`,
      start: new TZDate(r.startsAt.getTime(), CLUSTER_TIME_ZONE),
      end: new TZDate(r.endsAt.getTime(), CLUSTER_TIME_ZONE),
      timezone: CLUSTER_TIME_ZONE,
      summary: r.titleRu,
      description: programme ? `${r.descriptionRu}\n\n${programme}` : r.descriptionRu,
      location: r.venueRu ?? (links ? r.url : null) ?? null,
      url: `${publicUrl}/events/${r.id}`,
      status: r.state === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: r.version,
      stamp: r.updatedAt,
    });
  }
  // The zone is named per event (a calendar-wide zone would also write DTSTAMP as a local time, which
  // RFC 5545 wants in UTC); its VTIMEZONE goes before the first event.
  return cal.toString().replace("BEGIN:VEVENT", `${MOSCOW_VTIMEZONE}\r\nBEGIN:VEVENT`);
}
