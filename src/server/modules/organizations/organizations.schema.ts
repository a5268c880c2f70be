import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { DeclaredFlags } from "../../../shared/eligibility.js";
import { MEMBER_ROLES, ORG_STATUSES, ORG_TYPES } from "../../../shared/organizations.js";
import {
  APPLICATION_STATES,
  JOIN_REQUEST_STATES,
  NAME_CHANGE_STATES,
  OPEN_APPLICATION_STATES,
} from "../../../shared/vocabularies.js";
import { createdAt, parentRef, primaryId, timestamps, tz, updatedAt, version } from "../../core/columns.js";
import { files } from "../../core/files.schema.js";
import { citext } from "../accounts/accounts.schema.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const orgTypeEnum = pgEnum("org_type", ORG_TYPES);
export const orgStatusEnum = pgEnum("org_status", ORG_STATUSES);
export const memberRoleEnum = pgEnum("member_role", MEMBER_ROLES);
export const applicationStateEnum = pgEnum("status_application_state", APPLICATION_STATES);
export const nameChangeStateEnum = pgEnum("name_change_state", NAME_CHANGE_STATES);
export const joinRequestStateEnum = pgEnum("join_request_state", JOIN_REQUEST_STATES);

export const organizations = pgTable(
  "organizations",
  {
    id: primaryId(),
    type: orgTypeEnum("type").notNull(),
    inn: text("inn"),
    ogrn: text("ogrn"),
    kpp: text("kpp"),
    country: text("country"),
    foreignRegNumber: text("foreign_reg_number"),
    regionCode: text("region_code"),
    fullName: text("full_name").notNull(),
    shortName: text("short_name").notNull(),
    legalAddress: text("legal_address").notNull(),
    foundedOn: date("founded_on", { mode: "string" }),
    website: text("website"),
    descriptionRu: text("description_ru").notNull().default(""),
    descriptionEn: text("description_en"),
    headcount: integer("headcount"),
    revenueMln: numeric("revenue_mln", { precision: 14, scale: 2, mode: "number" }),
    /** Computed from headcount and revenue by the SME law's thresholds, never typed in. */
    smeCategory: text("sme_category").generatedAlwaysAs(
      (): SQL => sql`case
        when ${organizations.headcount} is null or ${organizations.revenueMln} is null then null
        when ${organizations.headcount} <= 15 and ${organizations.revenueMln} <= 120 then 'micro'
        when ${organizations.headcount} <= 100 and ${organizations.revenueMln} <= 800 then 'small'
        when ${organizations.headcount} <= 250 and ${organizations.revenueMln} <= 2000 then 'medium'
        else 'large' end`,
    ),
    okvedSections: text("okved_sections").array().notNull().default(sql`'{}'::text[]`),
    okvedMain: text("okved_main"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /**
     * What the organization declares about itself for support-measure eligibility (src/shared/eligibility.ts
     * ELIGIBILITY_FLAGS): true / false; a flag that is absent is not stated ("unknown" to eligibility).
     */
    declaredFlags: jsonb("declared_flags").$type<DeclaredFlags>().notNull().default(sql`'{}'::jsonb`),
    /** When the declared flags were last changed (null: never stated). */
    declaredFlagsAt: tz("declared_flags_at"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    /**
     * A manager's wish to publish the contacts. They are shown publicly only when the contact person (a
     * member) agreed themself (`contacts_consent_at`, with a row in `consents`; 152-FZ art. 10.1).
     */
    contactsPublic: boolean("contacts_public").notNull().default(false),
    contactsConsentAt: tz("contacts_consent_at"),
    /** The member whose contacts these are; only they may agree to their publication. */
    contactPersonId: uuid("contact_person_id"),
    status: orgStatusEnum("status").notNull().default("registered"),
    statusSince: tz("status_since").notNull().defaultNow(),
    statusSuspendedAt: tz("status_suspended_at"),
    statusReason: text("status_reason"),
    hasLogo: boolean("has_logo").notNull().default(false),
    /** The logo in the file storage (core/files.ts); organization_logos held the bytes before. */
    logoFileId: uuid("logo_file_id").references(() => files.id, { onDelete: "set null" }),
    /** When the operator verified the organization from a document (verification.service.ts); null: not verified. */
    verifiedAt: tz("verified_at"),
    createdBy: uuid("created_by"),
    ...timestamps(),
    version: version(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('russian', coalesce(${organizations.shortName}, '') || ' ' || coalesce(${organizations.fullName}, '')), 'A') || setweight(to_tsvector('russian', coalesce(${organizations.descriptionRu}, '')), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex("organizations_inn_key").on(t.inn),
    // The directory finds an organization by its OGRN or KPP typed in full.
    index("organizations_ogrn_idx").on(t.ogrn),
    index("organizations_kpp_idx").on(t.kpp),
    uniqueIndex("organizations_foreign_key").on(t.country, t.foreignRegNumber),
    index("organizations_search_idx").using("gin", t.search),
    index("organizations_short_name_trgm").using("gin", sql`${t.shortName} gin_trgm_ops`),
    index("organizations_full_name_trgm").using("gin", sql`${t.fullName} gin_trgm_ops`),
    index("organizations_region_idx").on(t.regionCode),
    index("organizations_status_idx").on(t.status),
    index("organizations_created_idx").on(t.createdAt),
    // The members dashboard reads every organization's creation, status and region (analytics.members.ts):
    // an index-only scan of these instead of the wide rows.
    index("organizations_analytics_idx").on(
      t.createdAt,
      t.status,
      t.statusSince,
      t.statusSuspendedAt,
      t.regionCode,
      t.type,
      t.id,
    ),
    index("organizations_short_name_idx").on(t.shortName),
    index("organizations_tags_idx").using("gin", t.tags),
    index("organizations_okved_idx").using("gin", t.okvedSections),
    // Directory: names-only text search (name matches lead a broad query's ranking) and the
    // name sort in a language-aware collation (ICU root: А…Я with Ё after Е, case-insensitive order).
    index("organizations_names_search_idx").using(
      "gin",
      sql`to_tsvector('russian', ${t.shortName} || ' ' || ${t.fullName})`,
    ),
    index("organizations_short_name_icu_idx").on(sql`${t.shortName} collate "und-x-icu"`, t.id),
  ],
);

/** `organization_id`, a not-null reference to the organization, deleted with it (an organization's own rows). */
export const organizationRef = () => parentRef("organization_id", () => organizations.id);

/** Logos as bytes in the database, before the file storage: moved out at start (moveLogosToStorage). */
export const organizationLogos = pgTable("organization_logos", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  contentType: text("content_type").notNull(),
  bytes: bytea("bytes").notNull(),
  updatedAt: updatedAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    organizationId: organizationRef(),
    userId: uuid("user_id").notNull(),
    role: memberRoleEnum("role").notNull(),
    /**
     * The member agreed themself to be shown (name, position) on the organization's public page; the
     * agreement is a row in `consents` (kind `org_public_profile`). Only the member sets it to true.
     */
    showPublicly: boolean("show_publicly").notNull().default(false),
    position: text("position"),
    /** A manager asked the member to agree to be shown publicly (cleared by the answer). */
    publicRequestedAt: tz("public_requested_at"),
    publicRequestedBy: uuid("public_requested_by"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

/** The organization a user currently acts for. */
export const activeOrganizations = pgTable("active_organizations", {
  userId: uuid("user_id").primaryKey(),
  organizationId: organizationRef(),
});

export const invitations = pgTable(
  "invitations",
  {
    id: primaryId(),
    organizationId: organizationRef(),
    email: citext("email").notNull(),
    role: memberRoleEnum("role").notNull().default("member"),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").notNull(),
    createdAt: createdAt(),
    expiresAt: tz("expires_at").notNull(),
    acceptedAt: tz("accepted_at"),
    acceptedBy: uuid("accepted_by"),
    revokedAt: tz("revoked_at"),
  },
  (t) => [
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    index("invitations_org_idx").on(t.organizationId),
    // The per-inviter daily quota counts by these.
    index("invitations_inviter_idx").on(t.invitedBy, t.createdAt),
  ],
);

export const joinRequests = pgTable(
  "join_requests",
  {
    id: primaryId(),
    organizationId: organizationRef(),
    userId: uuid("user_id").notNull(),
    message: text("message"),
    state: joinRequestStateEnum("state").notNull().default("pending"),
    decidedBy: uuid("decided_by"),
    decidedAt: tz("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("join_requests_org_idx").on(t.organizationId, t.state),
    uniqueIndex("join_requests_pending_key")
      .on(t.organizationId, t.userId)
      .where(sql`${t.state} = 'pending'`),
  ],
);

export const statusApplications = pgTable(
  "status_applications",
  {
    id: primaryId(),
    organizationId: organizationRef(),
    requestedStatus: orgStatusEnum("requested_status").notNull(),
    state: applicationStateEnum("state").notNull().default("pending"),
    applicantComment: text("applicant_comment"),
    operatorComment: text("operator_comment"),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: tz("submitted_at").notNull().defaultNow(),
    decidedBy: uuid("decided_by"),
    decidedAt: tz("decided_at"),
    /** Bumped by every transition; a decision names the version it saw (optimistic concurrency). */
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index("status_applications_queue_idx").on(t.state, t.submittedAt),
    index("status_applications_org_idx").on(t.organizationId),
    uniqueIndex("status_applications_open_key")
      .on(t.organizationId)
      .where(sql`${t.state} in (${sql.raw(OPEN_APPLICATION_STATES.map((v) => `'${v}'`).join(", "))})`),
  ],
);

/** Every status event of an organization, shown to it as a timeline. */
export const statusHistory = pgTable(
  "status_history",
  {
    id: primaryId(),
    organizationId: organizationRef(),
    applicationId: uuid("application_id"),
    event: text("event").notNull(),
    fromStatus: orgStatusEnum("from_status"),
    toStatus: orgStatusEnum("to_status"),
    reason: text("reason"),
    actorId: uuid("actor_id"),
    at: tz("at").notNull().defaultNow(),
    data: jsonb("data"),
  },
  (t) => [index("status_history_org_idx").on(t.organizationId, t.at)],
);

/**
 * A participant's or partner's new name, waiting for the operator: the status was granted to the
 * organization under its name, so a new one applies only when the operator approves it.
 */
export const orgNameChanges = pgTable(
  "org_name_changes",
  {
    id: primaryId(),
    organizationId: organizationRef(),
    fullName: text("full_name").notNull(),
    shortName: text("short_name").notNull(),
    previousFullName: text("previous_full_name").notNull(),
    previousShortName: text("previous_short_name").notNull(),
    state: nameChangeStateEnum("state").notNull().default("pending"),
    requestedBy: uuid("requested_by").notNull(),
    requestedAt: tz("requested_at").notNull().defaultNow(),
    decidedBy: uuid("decided_by"),
    decidedAt: tz("decided_at"),
    operatorComment: text("operator_comment"),
    /** Bumped by every transition; a decision names the version it saw. */
    version: version(),
  },
  (t) => [
    index("org_name_changes_queue_idx").on(t.state, t.requestedAt),
    uniqueIndex("org_name_changes_pending_key").on(t.organizationId).where(sql`${t.state} = 'pending'`),
  ],
);
