import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  EVENT_AUDIENCES,
  EVENT_FORMATS,
  EVENT_KINDS,
  EVENT_STATES,
  REGISTRATION_STATES,
} from "../../../shared/events.js";
import { createdAt, parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { userRef } from "../accounts/accounts.schema.js";
import { organizations } from "../organizations/organizations.schema.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const eventKindEnum = pgEnum("event_kind", EVENT_KINDS);
export const eventFormatEnum = pgEnum("event_format", EVENT_FORMATS);
export const eventStateEnum = pgEnum("event_state", EVENT_STATES);
export const eventAudienceEnum = pgEnum("event_audience", EVENT_AUDIENCES);
export const eventRegistrationStateEnum = pgEnum("event_registration_state", REGISTRATION_STATES);

/** One item of an event's programme: its start (Moscow local time, YYYY-MM-DDTHH:MM) and title. */
export type ProgrammeItem = { at: string; titleRu: string };

/**
 * An event (src/shared/events.ts): created and edited by an operator, public once published. Times are
 * instants (timestamptz), read and written as Moscow local times by the service. `organizerId` null is
 * the cluster's operator. `capacity` null: no limit. `invited`: the organizations that may register when
 * the audience is `invited`. `search`: the public text's vector (the catalog).
 */
export const events = pgTable(
  "events",
  {
    id: primaryId(),
    kind: eventKindEnum("kind").notNull(),
    format: eventFormatEnum("format").notNull(),
    state: eventStateEnum("state").notNull().default("draft"),
    titleRu: text("title_ru").notNull(),
    descriptionRu: text("description_ru").notNull(),
    startsAt: tz("starts_at").notNull(),
    endsAt: tz("ends_at").notNull(),
    venueRu: text("venue_ru"),
    url: text("url"),
    organizerId: uuid("organizer_id").references(() => organizations.id, { onDelete: "set null" }),
    programme: jsonb("programme").$type<ProgrammeItem[]>().notNull().default([]),
    capacity: integer("capacity"),
    registrationOpensAt: tz("registration_opens_at"),
    registrationClosesAt: tz("registration_closes_at"),
    audience: eventAudienceEnum("audience").notNull().default("everyone"),
    invited: uuid("invited").array().notNull().default(sql`'{}'::uuid[]`),
    /** A business mission: the destination country (ISO code). */
    country: text("country"),
    authorId: uuid("author_id"),
    publishedAt: tz("published_at"),
    ...timestamps(),
    version: version(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('russian', coalesce(${events.titleRu}, '')), 'A') || setweight(to_tsvector('russian', coalesce(${events.descriptionRu}, '')), 'B') || setweight(to_tsvector('russian', coalesce(${events.venueRu}, '')), 'C')`,
    ),
  },
  (t) => [
    index("events_search_idx").using("gin", t.search),
    index("events_title_trgm").using("gin", sql`${t.titleRu} gin_trgm_ops`),
    index("events_starts_idx").on(t.state, t.startsAt),
    index("events_organizer_idx").on(t.organizerId),
  ],
);

/**
 * A person's registration for an event, maybe on behalf of one of their organizations. At most one live
 * registration per person and event (a partial unique index); the waitlist is the `waitlisted` rows in
 * the order of `queuedAt`. `public`: the organization may be named among the participants (the person's
 * consent). A mission's application carries the export product and the target country. `remindedDay`
 * and `remindedHour`: when the reminders went (each once).
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: primaryId(),
    eventId: parentRef("event_id", () => events.id),
    userId: userRef(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    state: eventRegistrationStateEnum("state").notNull(),
    public: boolean("public").notNull().default(false),
    exportProductRu: text("export_product_ru"),
    targetCountry: text("target_country"),
    attended: boolean("attended"),
    queuedAt: tz("queued_at").notNull().defaultNow(),
    decidedBy: uuid("decided_by"),
    decidedAt: tz("decided_at"),
    remindedDay: tz("reminded_day"),
    remindedHour: tz("reminded_hour"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    uniqueIndex("event_registrations_live_key")
      .on(t.eventId, t.userId)
      .where(sql`${t.state} in ('registered', 'waitlisted', 'applied', 'selected')`),
    index("event_registrations_event_idx").on(t.eventId, t.state, t.queuedAt),
    index("event_registrations_user_idx").on(t.userId, t.state),
  ],
);

/**
 * A person's calendar feed: the SHA-256 of the secret token in its URL (the token itself is shown once,
 * when made). Making a new one replaces the old; deleting it revokes the URL.
 */
export const eventCalendarFeeds = pgTable("event_calendar_feeds", {
  userId: userRef().primaryKey(),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: createdAt(),
});
