// The news feeds: RSS 2.0 (/news/rss.xml) and Atom 1.0 (/news/atom.xml) of the 30 newest published
// articles, written by the `feed` package; every link absolute (PUBLIC_URL), the covers as enclosures,
// the body as escaped HTML (src/shared/news.ts). The news pages name both (<link rel="alternate">).
import { inArray } from "drizzle-orm";
import type { FastifyInstance, FastifyReply } from "fastify";
import { Feed } from "feed";
import { bodyHtml } from "../../../shared/news.js";
import type { Db } from "../../core/db.js";
import { files } from "../../core/files.schema.js";
import { t } from "../../core/i18n.js";
import { latestPublished } from "./news.service.js";

export const FEED_SIZE = 30;
export const FEED_PATHS = { rss: "/news/rss.xml", atom: "/news/atom.xml" } as const;

async function newsFeed(db: Db, base: string): Promise<Feed> {
  const articles = await latestPublished(db, FEED_SIZE);
  const coverIds = articles.flatMap((a) => (a.coverFileId ? [a.coverFileId] : []));
  const covers = new Map(
    (coverIds.length
      ? await db
          .select({ id: files.id, contentType: files.contentType, size: files.size })
          .from(files)
          .where(inArray(files.id, coverIds))
      : []
    ).map((f) => [f.id, f]),
  );
  const feed = new Feed({
    id: `${base}/news`,
    link: `${base}/news`,
    title: t("ru", "news.feed.title"),
    description: t("ru", "news.feed.description"),
    language: "ru",
    updated: articles[0]?.publishedAt ?? new Date(0),
    generator: false,
    copyright: t("ru", "seo.site"),
    feedLinks: { rss: `${base}${FEED_PATHS.rss}`, atom: `${base}${FEED_PATHS.atom}` },
  });
  for (const a of articles) {
    const link = `${base}/news/${a.slug}`;
    const cover = a.coverFileId ? covers.get(a.coverFileId) : undefined;
    feed.addItem({
      title: a.titleRu,
      id: link,
      guid: link,
      link,
      date: a.updatedAt > a.publishedAt! ? a.updatedAt : a.publishedAt!,
      published: a.publishedAt!,
      description: a.leadRu,
      content: bodyHtml(a.bodyRu),
      category: a.tags.map((name) => ({ name, term: name })),
      ...(cover && {
        enclosure: {
          url: `${base}/api/news/${a.id}/cover?v=${a.version}`,
          type: cover.contentType,
          length: cover.size,
        },
      }),
    });
  }
  return feed;
}

/** GET /news/rss.xml and /news/atom.xml (cached by readers and proxies for 10 minutes). */
export function registerNewsFeeds(app: FastifyInstance, opts: { db: Db; publicUrl: string }): void {
  const base = opts.publicUrl.replace(/\/$/, "");
  const send = (kind: "rss" | "atom") => async (_req: unknown, reply: FastifyReply) => {
    const feed = await newsFeed(opts.db, base);
    return reply
      .type(kind === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8")
      .header("cache-control", "public, max-age=600")
      .send(kind === "rss" ? feed.rss2() : feed.atom1());
  };
  app.get(FEED_PATHS.rss, { schema: { hide: true } }, send("rss"));
  app.get(FEED_PATHS.atom, { schema: { hide: true } }, send("atom"));
}
