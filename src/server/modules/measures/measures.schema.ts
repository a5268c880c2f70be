import { getTableColumns, type SQL, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
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
import { CRITERIA_COLUMNS, type IndexColumn } from "../../../shared/criteria.js";
import type { Criteria } from "../../../shared/eligibility.js";
import {
  MEASURE_FORMS,
  MEASURE_LEVELS,
  MEASURE_STATUSES,
  PROVIDER_KINDS,
} from "../../../shared/vocabularies.js";
import { parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const measureStatusEnum = pgEnum("measure_status", MEASURE_STATUSES);
export const measureLevelEnum = pgEnum("measure_level", MEASURE_LEVELS);
export const measureFormEnum = pgEnum("measure_form", MEASURE_FORMS);
export const measureProviderKindEnum = pgEnum("measure_provider_kind", PROVIDER_KINDS);

export const measures = pgTable(
  "measures",
  {
    id: primaryId(),
    slug: text("slug"),
    status: measureStatusEnum("status").notNull().default("draft"),
    titleRu: text("title_ru").notNull(),
    titleEn: text("title_en"),
    descriptionRu: text("description_ru").notNull().default(""),
    descriptionEn: text("description_en"),
    provider: text("provider").notNull(),
    providerKind: measureProviderKindEnum("provider_kind").notNull().default("other"),
    level: measureLevelEnum("level").notNull(),
    form: measureFormEnum("form").notNull(),
    /** RUB. */
    amountMin: bigint("amount_min", { mode: "number" }),
    amountMax: bigint("amount_max", { mode: "number" }),
    /** The applicant's own share of the costs, percent 0–100. */
    cofinancingShare: numeric("cofinancing_share", { precision: 5, scale: 2, mode: "number" }),
    /** Accepts applications all year; otherwise opens_on/closes_on (either may be null = unbounded). */
    permanent: boolean("permanent").notNull().default(false),
    opensOn: date("opens_on", { mode: "string" }),
    closesOn: date("closes_on", { mode: "string" }),
    requiredDocuments: text("required_documents").array().notNull().default(sql`'{}'::text[]`),
    applyUrl: text("apply_url"),
    contacts: text("contacts"),
    /** OKVED section letters the measure targets (empty = any). */
    industries: text("industries").array().notNull().default(sql`'{}'::text[]`),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** Eligibility criteria as data (src/shared/eligibility.ts `Criteria`). */
    criteria: jsonb("criteria").$type<Criteria>().notNull().default(sql`'{}'::jsonb`),
    isDemo: boolean("is_demo").notNull().default(false),
    views: integer("views").notNull().default(0),
    applyClicks: integer("apply_clicks").notNull().default(0),
    createdBy: uuid("created_by"),
    ...timestamps(),
    publishedAt: tz("published_at"),
    version: version(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('russian', coalesce(${measures.titleRu}, '') || ' ' || coalesce(${measures.titleEn}, '')), 'A') || setweight(to_tsvector('russian', coalesce(${measures.descriptionRu}, '')), 'B') || setweight(to_tsvector('russian', coalesce(${measures.provider}, '')), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("measures_slug_key").on(t.slug),
    index("measures_search_idx").using("gin", t.search),
    index("measures_title_ru_trgm").using("gin", sql`${t.titleRu} gin_trgm_ops`),
    index("measures_status_idx").on(t.status, t.level, t.form),
    index("measures_closes_idx").on(t.closesOn),
    index("measures_tags_idx").using("gin", t.tags),
    index("measures_industries_idx").using("gin", t.industries),
  ],
);

/** A criterion's generated column of `measure_index`. */
function criteriaColumn(c: IndexColumn) {
  const expression = sql.raw(c.expression);
  switch (c.type) {
    case "bigint": {
      const column = bigint(c.name, { mode: "bigint" });
      return (c.notNull ? column.notNull() : column).generatedAlwaysAs(expression);
    }
    case "integer": {
      const column = integer(c.name);
      return (c.notNull ? column.notNull() : column).generatedAlwaysAs(expression);
    }
    case "float8": {
      const column = doublePrecision(c.name);
      return (c.notNull ? column.notNull() : column).generatedAlwaysAs(expression);
    }
  }
}

/**
 * What search reads of every measure, in a narrow row: its filters, facets, sorts and the criteria
 * normalized for SQL. Kept by a trigger on `measures` (migration 0008) in the same transaction as every
 * write, so it is never out of step; the search scans these ~200-byte rows instead of the measures'
 * ~2.7 kB ones (texts and the search vector).
 */
export const measureIndex = pgTable(
  "measure_index",
  {
    id: uuid("id")
      .primaryKey()
      .references(() => measures.id, { onDelete: "cascade" }),
    status: measureStatusEnum("status").notNull(),
    level: measureLevelEnum("level").notNull(),
    provider: text("provider").notNull(),
    form: measureFormEnum("form").notNull(),
    industries: text("industries").array().notNull(),
    tags: text("tags").array().notNull(),
    permanent: boolean("permanent").notNull(),
    opensOn: date("opens_on", { mode: "string" }),
    closesOn: date("closes_on", { mode: "string" }),
    publishedAt: tz("published_at"),
    amountMin: bigint("amount_min", { mode: "number" }),
    amountMax: bigint("amount_max", { mode: "number" }),
    criteria: jsonb("criteria").$type<Criteria>().notNull(),
    // The criteria, normalized for SQL: each criterion of the registry (src/shared/criteria.ts) declares
    // its generated columns (migration 0006 defines the functions they call); search computes each
    // measure's verdict for an organization in the database (measures.eligibility.ts). List criteria
    // are bit masks over the code's vocabularies (0: no criterion); range bounds are null when absent;
    // ages are in whole months, rounded as `evaluate` rounds them.
    ...Object.fromEntries(CRITERIA_COLUMNS.map((c) => [c.name, criteriaColumn(c)])),
  },
  (t) => [index("measure_index_status_idx").on(t.status)],
);

/** Every change of a measure: who, when, and the changed fields before → after. */
export const measureVersions = pgTable(
  "measure_versions",
  {
    id: primaryId(),
    measureId: parentRef("measure_id", () => measures.id),
    version: integer("version").notNull(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    at: tz("at").notNull().defaultNow(),
    /** { field: { before, after } } for the fields that changed. */
    changes: jsonb("changes").$type<Record<string, { before: unknown; after: unknown }>>().notNull(),
  },
  (t) => [uniqueIndex("measure_versions_key").on(t.measureId, t.version)],
);

/**
 * The navigator's use by day (Moscow time), for the operator's dashboards: a measure's page views and
 * "go to apply" clicks, bumped with the measure's cumulative counters (`views`, `apply_clicks`) in the
 * same statement's transaction; staff views are not counted, as in the counters.
 */
export const measureUsageDaily = pgTable(
  "measure_usage_daily",
  {
    measureId: parentRef("measure_id", () => measures.id),
    day: date("day", { mode: "string" }).notNull(),
    views: integer("views").notNull().default(0),
    applyClicks: integer("apply_clicks").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.day] }), index("measure_usage_daily_day_idx").on(t.day)],
);

/**
 * The navigator's searches by day (Moscow time): a first page of the catalog asked with a text or a
 * filter, by anyone but staff, counted even when the answer comes from the cache (each app server adds
 * its counts every few seconds: measures.usage.ts).
 */
export const navigatorSearchesDaily = pgTable("navigator_searches_daily", {
  day: date("day", { mode: "string" }).primaryKey(),
  searches: integer("searches").notNull().default(0),
});

const { search: _search, ...plainColumns } = getTableColumns(measures);
/** A measure's own columns: without the search vector (derived). */
export const MEASURE_COLUMNS = plainColumns;
/** A row of MEASURE_COLUMNS. */
export type MeasureRow = Pick<typeof measures.$inferSelect, keyof typeof plainColumns>;
/** A measure's terms: who gives what, how much and when applications are taken (cards and the editor). */
export type MeasureTerms = Pick<
  MeasureRow,
  | "provider"
  | "providerKind"
  | "level"
  | "form"
  | "amountMin"
  | "amountMax"
  | "cofinancingShare"
  | "permanent"
  | "opensOn"
  | "closesOn"
>;
