// The news module's request/response schemas (src/shared/news.ts: states, limits, the body's format).
import { z } from "zod";
import {
  NEWS_BODY_MAX,
  NEWS_BODY_MIN,
  NEWS_COVER_ALT_MAX,
  NEWS_LEAD_MAX,
  NEWS_LEAD_MIN,
  NEWS_STATES,
  NEWS_TAG_MAX,
  NEWS_TAGS_MAX,
  NEWS_TITLE_MAX,
  NEWS_TITLE_MIN,
} from "../../../shared/news.js";
import { OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import { Page, PageSize, Version } from "../../core/contract.js";

// ---------- inputs ----------

const Content = {
  titleRu: SafeText(NEWS_TITLE_MIN, NEWS_TITLE_MAX),
  leadRu: SafeLongText(NEWS_LEAD_MAX).pipe(z.string().min(NEWS_LEAD_MIN)),
  /** The safe text format (src/shared/news.ts): paragraphs, "## " headings, "- " lists, **bold**, links. */
  bodyRu: SafeLongText(NEWS_BODY_MAX).pipe(z.string().min(NEWS_BODY_MIN)),
  tags: z.array(SafeText(2, NEWS_TAG_MAX)).max(NEWS_TAGS_MAX).default([]),
  /** The cover's description for those who cannot see it. */
  coverAlt: OptSafeText(NEWS_COVER_ALT_MAX),
  state: z.enum(NEWS_STATES).default("draft"),
  /** When readers see it once published (a future time schedules it); empty: the moment it is published. */
  publishedAt: z.iso.datetime({ offset: true }).nullable().optional(),
};

export const ArticleBody = z.object(Content).strict();
export const UpdateArticleBody = z.object({ ...Content, version: Version }).strict();

/** An article by its address word or id. */
export const ArticleRefParams = z.object({ id: z.string().min(1).max(120) });

const Tag = z.string().trim().toLowerCase().max(NEWS_TAG_MAX);

export const NewsQuery = z
  .object({
    /** Words of the title, lead or body (Russian full text). */
    q: z.string().trim().max(200).optional(),
    tag: Tag.optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const ManageNewsQuery = z
  .object({
    state: z.enum(NEWS_STATES).optional(),
    q: z.string().trim().max(200).optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

// ---------- outputs ----------

const CardFields = {
  id: z.uuid(),
  slug: z.string(),
  titleRu: z.string(),
  leadRu: z.string(),
  tags: z.array(z.string()),
  state: z.enum(NEWS_STATES),
  publishedAt: z.string().nullable(),
  /** The cover's address (versioned), or null. */
  coverUrl: z.string().nullable(),
  coverAlt: z.string().nullable(),
};

export const NewsCard = z.object(CardFields).meta({ id: "NewsCard" });

export const NewsPage = z
  .object({
    items: z.array(NewsCard),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Tags of the published articles with their counts, most used first. */
    tags: z.array(z.object({ value: z.string(), count: z.number().int() })),
  })
  .meta({ id: "NewsPage" });

export const Article = z
  .object({
    ...CardFields,
    bodyRu: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "NewsArticle" });
