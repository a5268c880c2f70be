import { type SQL, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { type InnovationScores, PILOT_FILE_KINDS, PILOT_STATES, SITE_TYPES } from "../../../shared/pilots.js";
import { createdAt, parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { files } from "../../core/files.schema.js";
import { users } from "../accounts/accounts.schema.js";
import { organizations } from "../organizations/organizations.schema.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const pilotSiteTypeEnum = pgEnum("pilot_site_type", SITE_TYPES);
export const pilotStateEnum = pgEnum("pilot_state", PILOT_STATES);
export const pilotFileKindEnum = pgEnum("pilot_file_kind", PILOT_FILE_KINDS);

/**
 * A pilot-testing site of an organization (a city body, a corporation): where it is (a Moscow okrug and
 * district with an address, or a region), what can be tested there and on what conditions, how many
 * pilots may run at once (`capacity`), the period it takes pilots in, free or paid (`price`, rubles).
 * `search` is the public text's vector (the catalog).
 */
export const pilotSites = pgTable(
  "pilot_sites",
  {
    id: primaryId(),
    organizationId: parentRef("organization_id", () => organizations.id),
    name: text("name").notNull(),
    type: pilotSiteTypeEnum("type").notNull(),
    okrug: text("okrug"),
    district: text("district"),
    address: text("address"),
    region: text("region"),
    testable: text("testable").notNull(),
    conditions: text("conditions").notNull().default(""),
    capacity: smallint("capacity").notNull().default(1),
    periodFrom: date("period_from", { mode: "string" }),
    periodTo: date("period_to", { mode: "string" }),
    paid: boolean("paid").notNull().default(false),
    price: bigint("price", { mode: "number" }),
    ...timestamps(),
    version: version(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('russian', coalesce(${pilotSites.name}, '')), 'A') || setweight(to_tsvector('russian', coalesce(${pilotSites.testable}, '') || ' ' || coalesce(${pilotSites.address}, '')), 'B') || setweight(to_tsvector('russian', coalesce(${pilotSites.conditions}, '')), 'C')`,
    ),
  },
  (t) => [
    index("pilot_sites_search_idx").using("gin", t.search),
    index("pilot_sites_type_idx").on(t.type, t.okrug),
    index("pilot_sites_organization_idx").on(t.organizationId),
  ],
);

/**
 * A company's application to test its solution at a site, and the pilot it becomes (src/shared/pilots.ts
 * declares the states and moves). The expert's innovativeness scores, the owner's agreed dates and
 * conditions, the result, and a challenge winner's submission (`challengeSubmissionId`, one pilot each).
 */
export const pilots = pgTable(
  "pilots",
  {
    id: primaryId(),
    siteId: parentRef("site_id", () => pilotSites.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    authorId: uuid("author_id"),
    state: pilotStateEnum("state").notNull().default("submitted"),
    solution: text("solution").notNull(),
    trl: smallint("trl").notNull(),
    expectedEffect: text("expected_effect").notNull(),
    team: text("team").notNull(),
    needs: text("needs").notNull(),
    dateFrom: date("date_from", { mode: "string" }).notNull(),
    dateTo: date("date_to", { mode: "string" }).notNull(),
    operatorAssisted: boolean("operator_assisted").notNull().default(false),
    publishResult: boolean("publish_result").notNull().default(false),
    expertId: uuid("expert_id").references(() => users.id, { onDelete: "set null" }),
    scores: jsonb("scores").$type<InnovationScores>(),
    scoreComment: text("score_comment"),
    scoredAt: tz("scored_at"),
    agreedFrom: date("agreed_from", { mode: "string" }),
    agreedTo: date("agreed_to", { mode: "string" }),
    agreedConditions: text("agreed_conditions"),
    rejectReason: text("reject_reason"),
    /** The review step it was rejected at. */
    rejectedAt: pilotStateEnum("rejected_at"),
    success: boolean("success"),
    measuredEffect: text("measured_effect"),
    completedAt: tz("completed_at"),
    challengeSubmissionId: uuid("challenge_submission_id"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("pilots_site_state_idx").on(t.siteId, t.state),
    index("pilots_organization_idx").on(t.organizationId, t.state),
    index("pilots_expert_idx").on(t.expertId),
    uniqueIndex("pilots_challenge_submission_uq").on(t.challengeSubmissionId),
  ],
);

/** A running pilot's milestones: a title, the day it is due, when it was done. */
export const pilotMilestones = pgTable(
  "pilot_milestones",
  {
    id: primaryId(),
    pilotId: parentRef("pilot_id", () => pilots.id),
    title: text("title").notNull(),
    due: date("due", { mode: "string" }).notNull(),
    doneAt: tz("done_at"),
    createdAt: createdAt(),
  },
  (t) => [index("pilot_milestones_pilot_idx").on(t.pilotId, t.due)],
);

/** A pilot's files: the company's reports while running, the owner's feedback letter. */
export const pilotFiles = pgTable(
  "pilot_files",
  {
    pilotId: parentRef("pilot_id", () => pilots.id),
    fileId: parentRef("file_id", () => files.id),
    kind: pilotFileKindEnum("kind").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.pilotId, t.fileId] })],
);
