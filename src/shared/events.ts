// The events' vocabularies (module events): kinds, formats, states, who may register, and the states of a
// registration. Labels: the web's `events.json` (`events.kind.<value>`, …) in each language.

/** Congresses, forums, conferences (online ones too, by their format), exhibitions, business missions abroad. */
export const EVENT_KINDS = ["congress", "forum", "conference", "exhibition", "mission"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_FORMATS = ["offline", "online", "hybrid"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** A draft is the operator's only; a published event is public; a cancelled one stays public, marked. */
export const EVENT_STATES = ["draft", "published", "cancelled"] as const;
export type EventState = (typeof EVENT_STATES)[number];

/**
 * Who may register: everyone signed in; members of organizations with the participant or partner status
 * (the cluster's participants); members of the invited organizations only.
 */
export const EVENT_AUDIENCES = ["everyone", "participants", "invited"] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

/**
 * A registration: `registered` holds a place, `waitlisted` waits for one (first come, first promoted),
 * `cancelled` by the person or with the event. A business mission's registration is an application:
 * `applied`, then `selected` (holds a place) or `declined` by the operator.
 */
export const REGISTRATION_STATES = [
  "registered",
  "waitlisted",
  "cancelled",
  "applied",
  "selected",
  "declined",
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** The states that hold a place (counted against the capacity, in the calendar, reminded). */
export const HOLDING_STATES = ["registered", "selected"] as const satisfies readonly RegistrationState[];
/** The states of a live registration (one per person and event). */
export const LIVE_STATES = [
  "registered",
  "waitlisted",
  "applied",
  "selected",
] as const satisfies readonly RegistrationState[];

/** The catalog's tabs: coming (not yet ended, soonest first) and past (latest first). */
export const EVENT_TABS = ["upcoming", "past"] as const;

/** At most this many programme items per event. */
export const PROGRAMME_MAX = 60;
/** The largest capacity an event may have. */
export const CAPACITY_MAX = 100_000;

/** Reminders: a day and an hour before the start (minutes before, and the window each is sent in). */
export const REMINDERS = [
  { key: "day", before: 24 * 60 },
  { key: "hour", before: 60 },
] as const;
export type ReminderKey = (typeof REMINDERS)[number]["key"];

/**
 * The destinations offered for business missions and their applications in the forms (the server accepts
 * any country of src/shared/regions.ts; the web lists these, so its pages do not carry the whole list).
 * Labels: `events.country.<code>`.
 */
export const MISSION_COUNTRIES = [
  "AE",
  "CN",
  "IN",
  "UZ",
  "TR",
  "KZ",
  "BY",
  "SA",
  "QA",
  "EG",
  "VN",
  "ID",
  "MY",
  "TH",
  "BR",
  "ZA",
  "IR",
  "AM",
  "KG",
  "MN",
] as const;
