import multipart from "@fastify/multipart";
import { z } from "zod";
import { NEWS_COVER_MAX_BYTES } from "../../../shared/news.js";
import { IdParams } from "../../core/contract.js";
import { sendFile } from "../../core/files.js";
import { routes, uploadHandler } from "../../core/route.js";
import {
  Article,
  ArticleBody,
  ArticleRefParams,
  ManageNewsQuery,
  NewsPage,
  NewsQuery,
  UpdateArticleBody,
} from "./news.contract.js";
import * as svc from "./news.service.js";

const manage = "operator.news.manage";
const CoverQuery = z.object({
  v: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
});

/** Reading published news is public; writing, drafts and covers' uploads are the operators'. */
export const newsRoutes = routes(["news"], async (r) => {
  // Only this plugin takes uploads: one cover; storage stops it at the purpose's limit (a field error).
  await r.app.register(multipart, {
    limits: { fileSize: NEWS_COVER_MAX_BYTES + 1, files: 1, fields: 5, parts: 6 },
  });

  r.get("/news", {
    action: "public",
    summary: "Published news, newest first: a tag, words of the text (Russian full text)",
    query: NewsQuery,
    response: NewsPage,
    handler: (ctx, { query }) => svc.listNews(ctx, query),
  });

  r.get("/operator/news", {
    action: manage,
    summary: "Every article in a state, drafts and scheduled ones included (an operator)",
    query: ManageNewsQuery,
    response: NewsPage,
    noStore: true,
    handler: (ctx, { query }) => svc.listAllNews(ctx, query),
  });

  r.get("/news/:id", {
    action: "public",
    summary: "An article by its address word or id (drafts: operators only, 404 to others)",
    params: ArticleRefParams,
    response: Article,
    handler: (ctx, { params }) => svc.getArticle(ctx, params.id),
  });

  r.post("/news", {
    action: manage,
    summary: "Write an article (an operator); a draft unless published or scheduled",
    body: ArticleBody,
    response: Article,
    status: 201,
    handler: (ctx, { body }) => svc.createArticle(ctx, body),
  });

  r.patch("/news/:id", {
    action: manage,
    summary:
      "Edit, publish, schedule or archive an article (naming the version seen: stale is 409 with the article now)",
    params: IdParams,
    body: UpdateArticleBody,
    response: Article,
    handler: (ctx, { params, body }) => svc.updateArticle(ctx, params.id, body),
  });

  r.put("/news/:id/cover", {
    action: manage,
    rateLimit: { max: 120, timeWindow: "1 hour" },
    summary: "Upload the cover: multipart field `file`, PNG / JPEG / WebP up to 5 MB",
    params: IdParams,
    response: Article,
    handler: uploadHandler("field.news.cover-file", svc.assertArticle, svc.setCover),
  });

  r.delete("/news/:id/cover", {
    action: manage,
    summary: "Remove the cover",
    params: IdParams,
    response: Article,
    handler: (ctx, { params }) => svc.deleteCover(ctx, params.id),
  });

  r.get("/news/:id/cover", {
    action: "public",
    summary: "The cover image of a published article (its type detected from the content at upload)",
    params: IdParams,
    query: CoverQuery,
    handler: async (ctx, req, reply) => {
      const { file, isPublic } = await svc.getCover(ctx, req.params.id);
      // A versioned address (?v=) changes with the cover, so it may be cached; the bare one revalidates.
      // A cover guests may not see (a draft's, a scheduled or archived article's, read by an operator)
      // is never kept by a shared cache.
      return sendFile(req, reply, ctx.storage, file, {
        inline: true,
        cacheControl: !isPublic
          ? "private, no-store"
          : req.query.v
            ? "public, max-age=86400"
            : "public, no-cache",
      });
    },
  });
});
