import { quoted, shortened } from "../../../shared/text.js";
import { catalogueNotices } from "../../core/module.js";

/**
 * Notifications of events (texts: locales/<l>/server/events.json `notice.events.*`): a place freed for
 * the first waiting (promoted from the waitlist); the operator's decision on a mission's application;
 * an event cancelled; the reminders a day and an hour before.
 */
export const EVENT_NOTIFICATION_KINDS = {
  promoted: "events.promoted",
  decided: "events.decided",
  cancelled: "events.cancelled",
  reminder: "events.reminder",
} as const;

const event = (l: Parameters<typeof quoted>[1], d: Record<string, unknown>) =>
  quoted(shortened(d.event, 120), l);

export const EVENT_NOTIFICATION_DEFS = catalogueNotices({
  [EVENT_NOTIFICATION_KINDS.promoted]: {
    defaultChannel: "email",
    params: (l, d) => ({ event: event(l, d) }),
  },
  [EVENT_NOTIFICATION_KINDS.decided]: {
    defaultChannel: "email",
    variants: { of: (d) => d.decision, list: ["select", "decline"] },
    params: (l, d) => ({ event: event(l, d) }),
  },
  [EVENT_NOTIFICATION_KINDS.cancelled]: {
    defaultChannel: "email",
    params: (l, d) => ({ event: event(l, d) }),
  },
  [EVENT_NOTIFICATION_KINDS.reminder]: {
    defaultChannel: "email",
    variants: { of: (d) => d.when, list: ["day", "hour"] },
    params: (l, d) => ({ event: event(l, d) }),
  },
});
