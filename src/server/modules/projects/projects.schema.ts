import { type SQL, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ENTRY_KINDS,
  ENTRY_STATES,
  INVESTMENT_TYPES,
  MEMBER_STATES,
  PROJECT_STAGES,
} from "../../../shared/projects.js";
import { parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { files } from "../../core/files.schema.js";
import { clusters } from "../clusters/clusters.schema.js";
import { measures } from "../measures/measures.schema.js";
import { organizations } from "../organizations/organizations.schema.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const projectStageEnum = pgEnum("project_stage", PROJECT_STAGES);
export const projectMemberStateEnum = pgEnum("project_member_state", MEMBER_STATES);
export const projectEntryKindEnum = pgEnum("project_entry_kind", ENTRY_KINDS);
export const projectEntryStateEnum = pgEnum("project_entry_state", ENTRY_STATES);
export const projectInvestmentTypeEnum = pgEnum("project_investment_type", INVESTMENT_TYPES);

/**
 * An innovative project of a lead organization (src/shared/projects.ts). Public from its creation: the
 * page and the catalog. `joint` is kept by the service: the lead has an accepted partner. `budget` in
 * whole rubles. `search` is the public text's vector (the catalog); `searchText` holds the industries'
 * and tags' Russian names, kept by the service.
 */
export const projects = pgTable(
  "projects",
  {
    id: primaryId(),
    leadOrganizationId: parentRef("lead_organization_id", () => organizations.id),
    authorId: uuid("author_id"),
    titleRu: text("title_ru").notNull(),
    descriptionRu: text("description_ru").notNull(),
    industries: text("industries").array().notNull().default(sql`'{}'::text[]`),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    stage: projectStageEnum("stage").notNull(),
    trl: smallint("trl").notNull(),
    startOn: date("start_on", { mode: "string" }),
    endOn: date("end_on", { mode: "string" }),
    /** Rubles. */
    budget: bigint("budget", { mode: "number" }),
    joint: boolean("joint").notNull().default(false),
    /** The cluster it belongs to (at most one; a member's project, attached by its lead's managers). */
    clusterId: uuid("cluster_id").references(() => clusters.id, { onDelete: "set null" }),
    searchText: text("search_text").notNull().default(""),
    ...timestamps(),
    version: version(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('russian', coalesce(${projects.titleRu}, '')), 'A') || setweight(to_tsvector('russian', coalesce(${projects.descriptionRu}, '')), 'B') || setweight(to_tsvector('russian', coalesce(${projects.searchText}, '')), 'C')`,
    ),
  },
  (t) => [
    index("projects_search_idx").using("gin", t.search),
    index("projects_title_trgm").using("gin", sql`${t.titleRu} gin_trgm_ops`),
    index("projects_lead_idx").on(t.leadOrganizationId),
    index("projects_industries_idx").using("gin", t.industries),
    index("projects_tags_idx").using("gin", t.tags),
    index("projects_updated_idx").on(t.updatedAt),
    index("projects_cluster_idx").on(t.clusterId),
  ],
);

/**
 * A project's organizations: the lead (one row, `lead`) and the partners it invited (invited, accepted,
 * declined), each with a role and a share in hundredths of a percent (the rule: src/shared/projects.ts).
 * `decidedBy`/`decidedAt`: who of the partner accepted or declined, and when.
 */
export const projectMembers = pgTable(
  "project_members",
  {
    projectId: parentRef("project_id", () => projects.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    state: projectMemberStateEnum("state").notNull(),
    roleRu: text("role_ru").notNull(),
    share: integer("share").notNull(),
    invitedBy: uuid("invited_by"),
    decidedBy: uuid("decided_by"),
    decidedAt: tz("decided_at"),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organizationId] }),
    index("project_members_organization_idx").on(t.organizationId, t.state),
  ],
);

/**
 * Money recorded against a project (src/shared/projects.ts): investment attracted (investor, type) or
 * city support received (a support measure of the measures module, or free text), with the amount in
 * rubles, the day received, its source and a document (a stored file). Declared by the lead's managers;
 * the operator confirms or rejects it with a reason. Only confirmed entries count in public totals.
 */
export const projectEntries = pgTable(
  "project_entries",
  {
    id: primaryId(),
    projectId: parentRef("project_id", () => projects.id),
    kind: projectEntryKindEnum("kind").notNull(),
    state: projectEntryStateEnum("state").notNull().default("declared"),
    investorRu: text("investor_ru"),
    investmentType: projectInvestmentTypeEnum("investment_type"),
    measureId: uuid("measure_id").references(() => measures.id, { onDelete: "set null" }),
    supportRu: text("support_ru"),
    /** Rubles. */
    amount: bigint("amount", { mode: "number" }).notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    sourceRu: text("source_ru").notNull(),
    fileId: uuid("file_id").references(() => files.id, { onDelete: "set null" }),
    authorId: uuid("author_id"),
    rejectReason: text("reject_reason"),
    decidedBy: uuid("decided_by"),
    decidedAt: tz("decided_at"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("project_entries_project_idx").on(t.projectId, t.state),
    index("project_entries_queue_idx").on(t.createdAt).where(sql`${t.state} = 'declared'`),
  ],
);
