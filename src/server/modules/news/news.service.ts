import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { and, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { NEWS_COVER_MAX_BYTES, newsSlug, normalizeTags } from "../../../shared/news.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, rows } from "../../core/db.js";
import { AppError, notFound } from "../../core/errors.js";
import {
  attachFile,
  defineFilePurpose,
  findFile,
  forgetFile,
  type StoredFile,
  storeUpload,
} from "../../core/files.js";
import { can } from "../../core/policy.js";
import type {
  Article,
  ArticleBody,
  ManageNewsQuery,
  NewsCard,
  NewsQuery,
  UpdateArticleBody,
} from "./news.contract.js";
import { newsArticles } from "./news.schema.js";

/*
 * News: the operators write articles (draft → published → archived, any way back), readers see the
 * published ones whose publication time has come, newest first, with a tag filter and Russian full text.
 * An edit names the version it saw (stale: 409 "news-changed" with the article now). The cover is a
 * stored file (PNG, JPEG or WebP, its type read from the bytes), uploaded to an existing article. Each
 * use case is one transaction with its audit entry.
 */

type Row = typeof newsArticles.$inferSelect;
type View = z.infer<typeof Article>;
type CardView = z.infer<typeof NewsCard>;

const { search: _search, ...COLUMNS } = getTableColumns(newsArticles);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Covers: PNG, JPEG or WebP up to 5 MB and 40 megapixels, the type read from the bytes. */
export const NEWS_COVERS = defineFilePurpose({
  name: "news-cover",
  maxBytes: NEWS_COVER_MAX_BYTES,
  types: ["image/png", "image/jpeg", "image/webp"],
  maxPixels: 40_000_000,
});

/** What readers see: published, its time come. */
export const visible = (): SQL =>
  and(eq(newsArticles.state, "published"), sql`${newsArticles.publishedAt} <= now()`)!;

const mayManage = (ctx: Ctx) => can(ctx.actor, "operator.news.manage");

const coverUrl = (r: Row) => (r.coverFileId ? `/api/news/${r.id}/cover?v=${r.version}` : null);

function card(r: Row): CardView {
  return {
    id: r.id,
    slug: r.slug,
    titleRu: r.titleRu,
    leadRu: r.leadRu,
    tags: r.tags,
    state: r.state,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    coverUrl: coverUrl(r),
    coverAlt: r.coverAlt,
  };
}

function present(r: Row): View {
  return {
    ...card(r),
    bodyRu: r.bodyRu,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

const textMatch = (q: string | undefined) =>
  q ? sql`${newsArticles.search} @@ websearch_to_tsquery('russian', ${q})` : undefined;

async function listed(ctx: Ctx, where: SQL | undefined, page: number, pageSize: number) {
  const list = await ctx.db
    .select(COLUMNS)
    .from(newsArticles)
    .where(where)
    .orderBy(
      sql`${newsArticles.publishedAt} desc nulls first`,
      desc(newsArticles.createdAt),
      desc(newsArticles.id),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await countRows(ctx.db, newsArticles, where);
  return { items: list.map((r) => card(r as Row)), total: Number(total?.n ?? 0), page, pageSize };
}

/** The public list: published articles, newest first; a tag, words of the text. */
export async function listNews(ctx: Ctx, q: z.infer<typeof NewsQuery>) {
  const where = and(
    visible(),
    q.tag ? sql`${newsArticles.tags} @> array[${q.tag}]::text[]` : undefined,
    textMatch(q.q),
  );
  const [page, tags] = await Promise.all([
    listed(ctx, where, q.page, q.pageSize),
    rows<{ value: string; count: number }>(
      ctx.db,
      sql`select v as "value", count(*)::int as "count"
          from (select unnest(${newsArticles.tags}) as v from ${newsArticles} where ${visible()}) x
          group by v order by count(*) desc, v limit 30`,
    ),
  ]);
  return { ...page, tags: tags.map((t) => ({ value: t.value, count: Number(t.count) })) };
}

/** Every article in a state (an operator), drafts and scheduled ones included. */
export async function listAllNews(ctx: Ctx, q: z.infer<typeof ManageNewsQuery>) {
  const where = and(q.state ? eq(newsArticles.state, q.state) : undefined, textMatch(q.q));
  return { ...(await listed(ctx, where, q.page, q.pageSize)), tags: [] };
}

async function articleRow(ex: Executor, id: string, lock = false): Promise<Row> {
  const q = ex.select(COLUMNS).from(newsArticles).where(eq(newsArticles.id, id));
  const [r] = lock ? await q.for("update") : await q;
  if (!r) throw notFound();
  return r as Row;
}

/** An article by its address word or id: readers get it once published, operators always. */
export async function getArticle(ctx: Ctx, ref: string): Promise<View> {
  const byRef = UUID.test(ref) ? eq(newsArticles.id, ref) : eq(newsArticles.slug, ref);
  const [r] = await ctx.db
    .select(COLUMNS)
    .from(newsArticles)
    .where(mayManage(ctx) ? byRef : and(byRef, visible()));
  if (!r) throw notFound();
  return present(r as Row);
}

const contentAudit = (r: Row) => ({
  titleRu: r.titleRu,
  tags: r.tags,
  state: r.state,
  publishedAt: r.publishedAt?.toISOString() ?? null,
});

/** The publication time: the one given; on publishing without one, now; else kept. */
function publicationTime(body: z.infer<typeof ArticleBody>, before?: Row): Date | null {
  if (body.publishedAt) return new Date(body.publishedAt);
  if (body.publishedAt === null && body.state !== "published") return null;
  if (body.state === "published") return before?.publishedAt ?? new Date();
  return before?.publishedAt ?? null;
}

/** Writes an article (an operator); a draft unless the state is given. */
export async function createArticle(ctx: Ctx, body: z.infer<typeof ArticleBody>): Promise<View> {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    const [r] = await tx
      .insert(newsArticles)
      .values({
        id,
        slug: newsSlug(body.titleRu, id),
        titleRu: body.titleRu,
        leadRu: body.leadRu,
        bodyRu: body.bodyRu,
        tags: normalizeTags(body.tags),
        coverAlt: body.coverAlt ?? null,
        state: body.state,
        publishedAt: publicationTime(body),
        createdBy: actor.id,
      })
      .returning(COLUMNS);
    await writeAudit(tx, auditCtx(ctx), {
      action: "news.create",
      entity: "news_article",
      entityId: id,
      after: contentAudit(r as Row),
    });
    return present(r as Row);
  });
}

async function changed(ex: Executor, id: string): Promise<never> {
  const current = present(await articleRow(ex, id));
  throw new AppError(409, "news-changed", {}, [], { current });
}

/** Edits, publishes, schedules or archives an article; a stale version is 409 with the article now. */
export async function updateArticle(ctx: Ctx, id: string, body: z.infer<typeof UpdateArticleBody>) {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await articleRow(tx, id, true);
    if (r.version !== body.version) return changed(tx, id);
    const [after] = await tx
      .update(newsArticles)
      .set({
        titleRu: body.titleRu,
        leadRu: body.leadRu,
        bodyRu: body.bodyRu,
        tags: normalizeTags(body.tags),
        coverAlt: body.coverAlt ?? null,
        state: body.state,
        publishedAt: publicationTime(body, r),
        version: sql`${newsArticles.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(newsArticles.id, id), eq(newsArticles.version, body.version)))
      .returning(COLUMNS);
    if (!after) return changed(tx, id);
    const action =
      r.state === body.state
        ? "news.update"
        : body.state === "published"
          ? "news.publish"
          : `news.${body.state}`;
    await writeAudit(tx, auditCtx(ctx), {
      action: action === "news.draft" ? "news.unpublish" : action,
      entity: "news_article",
      entityId: id,
      before: { ...contentAudit(r), version: r.version },
      after: { ...contentAudit(after as Row), version: after.version },
    });
    return present(after as Row);
  });
}

// ---------- cover ----------

/** Checks the article exists before an upload is read (the route already let only operators in). */
export async function assertArticle(ctx: Ctx, id: string) {
  await articleRow(ctx.db, id);
}

/**
 * Streams the upload into the file storage (refused there by type, size or pixels, leaving nothing),
 * then, in one transaction, attaches it and lets the previous cover go (its contents after the commit).
 */
export async function setCover(ctx: Ctx, id: string, upload: { stream: Readable; fileName?: string }) {
  const actor = requireActor(ctx);
  const file = await storeUpload(ctx.db, ctx.storage, {
    purpose: NEWS_COVERS,
    stream: upload.stream,
    fileName: upload.fileName,
    uploadedBy: actor.id,
  });
  let previous: StoredFile | undefined;
  const view = await ctx.db
    .transaction(async (tx) => {
      const r = await articleRow(tx, id, true);
      await attachFile(tx, { id: file.id, purpose: NEWS_COVERS, uploadedBy: actor.id });
      const [after] = await tx
        .update(newsArticles)
        .set({ coverFileId: file.id, version: sql`${newsArticles.version} + 1`, updatedAt: sql`now()` })
        .where(eq(newsArticles.id, id))
        .returning(COLUMNS);
      if (r.coverFileId) previous = await forgetFile(tx, r.coverFileId);
      await writeAudit(tx, auditCtx(ctx), {
        action: "news.cover_set",
        entity: "news_article",
        entityId: id,
        after: { contentType: file.contentType, size: file.size, version: after!.version },
      });
      return present(after as Row);
    })
    .catch(async (err) => {
      await ctx.storage.delete(file.storageKey).catch(() => {});
      throw err;
    });
  if (previous) await ctx.storage.delete(previous.storageKey).catch(() => {});
  return view;
}

/** Removes the cover. */
export async function deleteCover(ctx: Ctx, id: string): Promise<View> {
  requireActor(ctx);
  let previous: StoredFile | undefined;
  const view = await ctx.db.transaction(async (tx) => {
    const r = await articleRow(tx, id, true);
    if (!r.coverFileId) return present(r);
    previous = await forgetFile(tx, r.coverFileId);
    const [after] = await tx
      .update(newsArticles)
      .set({ coverFileId: null, version: sql`${newsArticles.version} + 1`, updatedAt: sql`now()` })
      .where(eq(newsArticles.id, id))
      .returning(COLUMNS);
    await writeAudit(tx, auditCtx(ctx), {
      action: "news.cover_delete",
      entity: "news_article",
      entityId: id,
      after: { version: after!.version },
    });
    return present(after as Row);
  });
  if (previous) await ctx.storage.delete(previous.storageKey).catch(() => {});
  return view;
}

/** The cover of an article readers may see (operators: any article's). */
/** The cover and whether guests may see it now (an operator also reads drafts' and archived ones'). */
export async function getCover(ctx: Ctx, id: string): Promise<{ file: StoredFile; isPublic: boolean }> {
  const where = mayManage(ctx) ? eq(newsArticles.id, id) : and(eq(newsArticles.id, id), visible());
  const [r] = await ctx.db
    .select({ fileId: newsArticles.coverFileId, isPublic: sql<boolean>`${visible()}` })
    .from(newsArticles)
    .where(where);
  const file = r?.fileId ? await findFile(ctx.db, r.fileId) : undefined;
  if (!file) throw notFound();
  return { file, isPublic: r!.isPublic };
}

/** The newest published articles (the feeds, the sitemap). */
export async function latestPublished(ex: Executor, limit: number): Promise<Row[]> {
  const list = await ex
    .select(COLUMNS)
    .from(newsArticles)
    .where(visible())
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(limit);
  return list as Row[];
}
