// The events module's request/response schemas. Times are Moscow local times (YYYY-MM-DDTHH:MM) in and
// out; rules across fields (the end after the start, the registration window before the end, a venue
// for an offline event, a link for an online one) are checked by the service and answered as field errors.
import { z } from "zod";
import { LOCAL_TIME } from "../../../shared/clock.js";
import {
  CAPACITY_MAX,
  EVENT_AUDIENCES,
  EVENT_FORMATS,
  EVENT_KINDS,
  EVENT_STATES,
  EVENT_TABS,
  PROGRAMME_MAX,
  REGISTRATION_STATES,
} from "../../../shared/events.js";
import { COUNTRIES } from "../../../shared/regions.js";
import { OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import { Page, PageSize, Version } from "../../core/contract.js";

/** A local date and time in Moscow: YYYY-MM-DDTHH:MM. */
const LocalTime = z.string().regex(LOCAL_TIME, { error: "field.event.local-time" });
const CountryCode = z.string().refine((c) => COUNTRIES.some((k) => k.code === c), {
  error: "field.event.country",
});

// ---------- inputs ----------

export const ProgrammeItemInput = z.object({ at: LocalTime, titleRu: SafeText(2, 300) }).strict();

export const EventBody = z
  .object({
    kind: z.enum(EVENT_KINDS),
    format: z.enum(EVENT_FORMATS),
    titleRu: SafeText(5, 200),
    descriptionRu: SafeLongText(10000).pipe(z.string().min(20)),
    /** Moscow time. */
    startsAt: LocalTime,
    endsAt: LocalTime,
    /** Required offline and hybrid. */
    venueRu: OptSafeText(300),
    /** Required online and hybrid: where to join. */
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .optional(),
    /** The organizing organization; none: the cluster's operator. */
    organizerId: z.uuid().nullable().optional(),
    programme: z.array(ProgrammeItemInput).max(PROGRAMME_MAX).default([]),
    /** Places; none: no limit. */
    capacity: z.number().int().min(1).max(CAPACITY_MAX).nullable().optional(),
    registrationOpensAt: LocalTime.nullable().optional(),
    registrationClosesAt: LocalTime.nullable().optional(),
    audience: z.enum(EVENT_AUDIENCES).default("everyone"),
    /** The organizations that may register when the audience is `invited`. */
    invited: z.array(z.uuid()).max(500).default([]),
    /** A business mission's destination. */
    country: CountryCode.nullable().optional(),
  })
  .strict();
export const UpdateEventBody = EventBody.extend({ version: Version }).strict();
export const VersionBody = z.object({ version: Version }).strict();

export const RegisterBody = z
  .object({
    /** On behalf of one of the person's organizations (required for participants-only and invited events, and missions). */
    organizationId: z.uuid().nullable().optional(),
    /** The organization may be named among the participants. */
    public: z.boolean().default(false),
    /** A business mission: the company's export product. */
    exportProductRu: OptSafeText(500),
    /** A business mission: the target country. */
    targetCountry: CountryCode.nullable().optional(),
  })
  .strict();

export const DecisionBody = z.object({ decision: z.enum(["select", "decline"]), version: Version }).strict();
export const AttendanceBody = z.object({ attended: z.boolean() }).strict();

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const EventsQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    tab: z.enum(EVENT_TABS).default("upcoming"),
    kind: csvOf(EVENT_KINDS).optional(),
    format: csvOf(EVENT_FORMATS).optional(),
    /** Events starting in this month (Moscow), YYYY-MM. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "field.event.month" })
      .optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const ListQuery = z.object({ page: Page, pageSize: PageSize }).strict();
export const OperatorEventsQuery = z
  .object({ state: z.enum(EVENT_STATES).optional(), page: Page, pageSize: PageSize })
  .strict();

// ---------- outputs ----------

const OrgRef = z.object({ id: z.uuid(), shortName: z.string() });

const CardFields = {
  id: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  format: z.enum(EVENT_FORMATS),
  state: z.enum(EVENT_STATES),
  titleRu: z.string(),
  /** Moscow time. */
  startsAt: z.string(),
  endsAt: z.string(),
  venueRu: z.string().nullable(),
  organizer: OrgRef.nullable(),
  capacity: z.number().int().nullable(),
  /** Places taken (registered or selected). */
  taken: z.number().int(),
  waitlist: z.number().int(),
  audience: z.enum(EVENT_AUDIENCES),
  country: z.string().nullable(),
};

export const EventCard = z.object(CardFields).meta({ id: "EventCard" });

export const EventsPage = z
  .object({
    items: z.array(EventCard),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    facets: z.array(
      z.object({
        field: z.enum(["kind", "format", "month"]),
        values: z.array(z.object({ value: z.string(), count: z.number().int() })),
      }),
    ),
  })
  .meta({ id: "EventsPage" });

export const MyRegistration = z
  .object({
    id: z.uuid(),
    state: z.enum(REGISTRATION_STATES),
    organization: OrgRef.nullable(),
    public: z.boolean(),
    exportProductRu: z.string().nullable(),
    targetCountry: z.string().nullable(),
    attended: z.boolean().nullable(),
    /** 1 for the first waiting; null unless waitlisted. */
    waitlistPosition: z.number().int().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "EventRegistration" });

export const Event = z
  .object({
    ...CardFields,
    descriptionRu: z.string(),
    url: z.string().nullable(),
    programme: z.array(z.object({ at: z.string(), titleRu: z.string() })),
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    /** Organizations taking part whose members agreed to name them. */
    participants: z.array(OrgRef),
    version: z.number().int(),
    me: z.object({
      /** May edit, publish, cancel (an operator). */
      manage: z.boolean(),
      /** May see the registrations and mark attendance (an operator or the organizer's owner or admin). */
      attendance: z.boolean(),
      registration: MyRegistration.nullable(),
    }),
  })
  .meta({ id: "Event" });

export const OperatorEvent = Event.extend({
  invited: z.array(z.uuid()),
  publishedAt: z.string().nullable(),
}).meta({ id: "OperatorEvent" });

export const OperatorEventsPage = z
  .object({
    items: z.array(EventCard),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "OperatorEventsPage" });

export const MyRegistrationsPage = z
  .object({
    items: z.array(z.object({ event: EventCard, registration: MyRegistration })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "MyEventRegistrations" });

export const Registrant = MyRegistration.extend({
  user: z.object({ id: z.uuid(), fullName: z.string(), email: z.string() }),
}).meta({ id: "EventRegistrant" });

export const RegistrantsPage = z
  .object({
    items: z.array(Registrant),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "EventRegistrants" });

export const CalendarFeed = z
  .object({
    /** The feed's URL, shown once when made (null afterwards: only that a feed exists). */
    url: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: "CalendarFeed" });

export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
