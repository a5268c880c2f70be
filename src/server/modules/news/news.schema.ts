import { type SQL, sql } from "drizzle-orm";
import { customType, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { NEWS_STATES } from "../../../shared/news.js";
import { primaryId, timestamps, tz, version } from "../../core/columns.js";
import { files } from "../../core/files.schema.js";

export const newsStateEnum = pgEnum("news_state", NEWS_STATES);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * An operator's news article (src/shared/news.ts): title, lead, body in the safe text format, tags, a
 * cover image (a stored file), its state and publication time. Readers see it when it is published and
 * its `published_at` has come (a later time schedules it). `slug` is made from the title at creation and
 * never changes (the address stays). Every edit bumps `version` (409 stale).
 */
export const newsArticles = pgTable(
  "news_articles",
  {
    id: primaryId(),
    slug: text("slug").notNull(),
    titleRu: text("title_ru").notNull(),
    leadRu: text("lead_ru").notNull(),
    bodyRu: text("body_ru").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    state: newsStateEnum("state").notNull().default("draft"),
    /** When readers see it (set on publishing when not given; in the future: scheduled). */
    publishedAt: tz("published_at"),
    coverFileId: uuid("cover_file_id").references(() => files.id, { onDelete: "set null" }),
    coverAlt: text("cover_alt"),
    createdBy: uuid("created_by"),
    ...timestamps(),
    version: version(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('russian', coalesce(${newsArticles.titleRu}, '')), 'A') || setweight(to_tsvector('russian', coalesce(${newsArticles.leadRu}, '')), 'B') || setweight(to_tsvector('russian', coalesce(${newsArticles.bodyRu}, '')), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("news_articles_slug_key").on(t.slug),
    index("news_articles_published_idx").on(t.state, t.publishedAt),
    index("news_articles_tags_idx").using("gin", t.tags),
    index("news_articles_search_idx").using("gin", t.search),
  ],
);
