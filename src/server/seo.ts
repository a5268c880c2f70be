// What search engines (Yandex first) read of the public pages before any script runs: robots.txt,
// the sitemap (an index of pages of at most SITEMAP_PAGE_SIZE addresses each, so 35,000 organizations,
// 20,000 published listings and 14,300 projects are a few files; one file may hold 50,000; the grant
// programs one file of their own), and each public page's title, description, canonical address and Open Graph tags
// put into index.html by the server. The pages' content is then rendered into it (ssr.ts).
import fs from "node:fs";
import path from "node:path";
import { and, asc, count, eq, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Locale } from "../shared/constants.js";
import { LISTING_KIND_NAMES } from "../shared/listings.js";
import type { Db } from "./core/db.js";
import { problem, sendProblem } from "./core/errors.js";
import { hasText, t } from "./core/i18n.js";
import { events } from "./modules/events/events.schema.js";
import { grantPrograms } from "./modules/grants/grants.schema.js";
import { listings } from "./modules/listings/listings.schema.js";
import { measures } from "./modules/measures/measures.schema.js";
import { FEED_PATHS, registerNewsFeeds } from "./modules/news/news.feeds.js";
import { newsArticles } from "./modules/news/news.schema.js";
import { visible as newsVisible } from "./modules/news/news.service.js";
import { organizations } from "./modules/organizations/organizations.schema.js";
import { projects } from "./modules/projects/projects.schema.js";

export const SITEMAP_PAGE_SIZE = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Pages behind a sign-in or made for one person: not for search engines. */
const PRIVATE_PREFIXES = [
  "/api/",
  "/account",
  "/admin",
  "/audit",
  "/claims",
  "/dev/",
  "/invitations/",
  "/me/",
  "/notifications",
  "/operator/",
  "/grants/mine",
  "/grants/queue",
  "/grants/assigned",
  "/grants/applications/",
  "/pilots",
  "/organizations",
  "/measures/saved",
  "/listings/mine",
  "/listings/new",
  "/projects/mine",
  "/projects/new",
  "/projects/queue",
  "/confirm",
  "/reset",
];

export interface PageMeta {
  title: string;
  description: string;
  /** The canonical address of a public page; private and unknown pages have none (and noindex). */
  canonical?: string;
  /** The page's language (its texts, `og:locale`). */
  locale: Locale;
  /** An absolute image address for `og:image` (a news article's cover). */
  image?: string;
  /** `og:type`: "website" unless told ("article" for a news article). */
  type?: "website" | "article";
  /** Feeds of the page (`<link rel="alternate">`): the news pages name the RSS and Atom feeds. */
  alternates?: { type: string; href: string; title: string }[];
}

/** The static public pages: their texts are `seo.<key>.title|description` in the server catalogue. */
const STATIC_PAGES: Record<string, string> = {
  "/": "home",
  "/directory": "directory",
  "/measures": "measures",
  "/privacy": "privacy",
  "/exchanges": "exchanges",
  "/challenges": "challenges",
  "/pilot-sites": "pilotSites",
  "/projects": "projects",
  "/grants": "grants",
  "/clusters": "clusters",
  "/numbers": "numbers",
  "/open-data": "openData",
  "/news": "news",
  "/events": "events",
  ...Object.fromEntries(LISTING_KIND_NAMES.map((kind) => [`/exchanges/${kind}`, `exchanges.${kind}`])),
};

const OG_LOCALES: Record<Locale, string> = { ru: "ru_RU", en: "en_GB" };

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );

/** A plain-text summary of at most `max` characters, cut at a word. */
function summary(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

/** The meta of a page in Russian in both languages (a project, a program, an event): its row's texts. */
function russianMeta(
  row: { titleRu: string; descriptionRu: string } | undefined,
  canonical: string,
  locale: Locale,
): PageMeta | null {
  if (!row) return null;
  return {
    title: t(locale, "seo.page.title", { name: row.titleRu }),
    description: summary(row.descriptionRu),
    canonical,
    locale,
  };
}

/** The meta of the page at `pathname` in `locale`, reading the organization or measure it shows. */
export async function pageMeta(
  db: Db,
  publicUrl: string,
  pathname: string,
  locale: Locale = "ru",
): Promise<PageMeta> {
  const base = publicUrl.replace(/\/$/, "");
  const description = t(locale, "seo.description");
  const known = STATIC_PAGES[pathname];
  const feeds = [
    { type: "application/rss+xml", href: `${base}${FEED_PATHS.rss}`, title: t(locale, "seo.news.rss") },
    { type: "application/atom+xml", href: `${base}${FEED_PATHS.atom}`, title: t(locale, "seo.news.atom") },
  ];
  if (known) {
    const own = `seo.${known}.description`;
    return {
      title: t(locale, `seo.${known}.title`),
      description: hasText(locale, own) ? t(locale, own) : description,
      canonical: `${base}${pathname}`,
      locale,
      ...(known === "news" && { alternates: feeds }),
    };
  }
  const article = /^\/news\/([^/]+)$/.exec(pathname)?.[1];
  if (article && /^[a-z0-9-]{1,120}$/i.test(article)) {
    // Articles are in Russian in both languages; readers see published ones only.
    const [row] = await db
      .select({
        id: newsArticles.id,
        slug: newsArticles.slug,
        titleRu: newsArticles.titleRu,
        leadRu: newsArticles.leadRu,
        coverFileId: newsArticles.coverFileId,
        version: newsArticles.version,
      })
      .from(newsArticles)
      .where(
        and(
          newsVisible(),
          UUID.test(article) ? eq(newsArticles.id, article) : eq(newsArticles.slug, article),
        ),
      );
    if (row)
      return {
        title: t(locale, "seo.page.title", { name: row.titleRu }),
        description: summary(row.leadRu),
        canonical: `${base}/news/${row.slug}`,
        locale,
        type: "article",
        alternates: feeds,
        ...(row.coverFileId && { image: `${base}/api/news/${row.id}/cover?v=${row.version}` }),
      };
  }
  const event = /^\/events\/([^/]+)$/.exec(pathname)?.[1];
  if (event && UUID.test(event)) {
    // Published and cancelled events are public (a draft is the operator's); in Russian in both languages.
    const [row] = await db
      .select({ titleRu: events.titleRu, descriptionRu: events.descriptionRu })
      .from(events)
      .where(and(eq(events.id, event), sql`${events.state} <> 'draft'`));
    const meta = russianMeta(row, `${base}/events/${event}`, locale);
    if (meta) return meta;
  }
  const en = locale === "en";
  const org = /^\/directory\/([^/]+)$/.exec(pathname)?.[1];
  if (org && UUID.test(org)) {
    const [row] = await db
      .select({
        shortName: organizations.shortName,
        fullName: organizations.fullName,
        descriptionRu: organizations.descriptionRu,
        descriptionEn: organizations.descriptionEn,
      })
      .from(organizations)
      .where(eq(organizations.id, org));
    if (row)
      return {
        title: t(locale, "seo.page.title", { name: row.shortName }),
        description: summary((en && row.descriptionEn) || row.descriptionRu || row.fullName),
        canonical: `${base}/directory/${org}`,
        locale,
      };
  }
  const measure = /^\/measures\/([^/]+)$/.exec(pathname)?.[1];
  if (measure && measure !== "check" && measure !== "saved") {
    const [row] = await db
      .select({
        id: measures.id,
        titleRu: measures.titleRu,
        titleEn: measures.titleEn,
        provider: measures.provider,
        descriptionRu: measures.descriptionRu,
        descriptionEn: measures.descriptionEn,
      })
      .from(measures)
      .where(
        and(
          eq(measures.status, "published"),
          UUID.test(measure)
            ? or(eq(measures.id, measure), eq(measures.slug, measure))
            : eq(measures.slug, measure),
        ),
      );
    if (row) {
      const title = (en && row.titleEn) || row.titleRu;
      return {
        title: t(locale, "seo.page.title", { name: title }),
        description: summary((en && row.descriptionEn) || row.descriptionRu || `${title}. ${row.provider}`),
        canonical: `${base}/measures/${row.id}`,
        locale,
      };
    }
  }
  const listing = /^\/listings\/([^/]+)$/.exec(pathname)?.[1];
  if (listing && UUID.test(listing)) {
    const [row] = await db
      .select({
        titleRu: listings.titleRu,
        titleEn: listings.titleEn,
        descriptionRu: listings.descriptionRu,
        descriptionEn: listings.descriptionEn,
        nda: listings.nda,
      })
      .from(listings)
      .where(and(eq(listings.id, listing), eq(listings.state, "published")));
    if (row)
      return {
        title: t(locale, "seo.page.title", { name: (en && row.titleEn) || row.titleRu }),
        // Behind an NDA the description is nobody's to read but those who accepted it: the title only.
        description: summary(
          row.nda ? (en && row.titleEn) || row.titleRu : (en && row.descriptionEn) || row.descriptionRu,
        ),
        canonical: `${base}/listings/${listing}`,
        locale,
      };
  }
  const project = /^\/projects\/([^/]+)$/.exec(pathname)?.[1];
  if (project && UUID.test(project)) {
    // Every project is public from its creation; its page is in Russian in both languages.
    const [row] = await db
      .select({ titleRu: projects.titleRu, descriptionRu: projects.descriptionRu })
      .from(projects)
      .where(eq(projects.id, project));
    const meta = russianMeta(row, `${base}/projects/${project}`, locale);
    if (meta) return meta;
  }
  const program = /^\/grants\/programs\/([^/]+)$/.exec(pathname)?.[1];
  if (program && UUID.test(program)) {
    // Every grant program is public (its rules and the budget left); its page is in Russian in both languages.
    const [row] = await db
      .select({ titleRu: grantPrograms.titleRu, descriptionRu: grantPrograms.descriptionRu })
      .from(grantPrograms)
      .where(eq(grantPrograms.id, program));
    const meta = russianMeta(row, `${base}/grants/programs/${program}`, locale);
    if (meta) return meta;
  }
  return { title: t(locale, "seo.home.title"), description, locale };
}

const escapeHtml = escapeXml;

/** index.html with the page's title, description, canonical address and Open Graph tags. */
export function withMeta(html: string, meta: PageMeta): string {
  const tags = [
    meta.canonical
      ? `<link rel="canonical" href="${escapeHtml(meta.canonical)}" />`
      : `<meta name="robots" content="noindex" />`,
    `<meta property="og:site_name" content="${escapeHtml(t(meta.locale, "seo.site"))}" />`,
    `<meta property="og:type" content="${meta.type ?? "website"}" />`,
    `<meta property="og:locale" content="${OG_LOCALES[meta.locale]}" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    ...(meta.canonical ? [`<meta property="og:url" content="${escapeHtml(meta.canonical)}" />`] : []),
    ...(meta.image ? [`<meta property="og:image" content="${escapeHtml(meta.image)}" />`] : []),
    ...(meta.alternates ?? []).map(
      (a) =>
        `<link rel="alternate" type="${escapeHtml(a.type)}" title="${escapeHtml(a.title)}" href="${escapeHtml(a.href)}" />`,
    ),
  ];
  // Replacer functions: a replacement string would read "$&", "$'" … in a user's text as patterns.
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(meta.title)}</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      () => `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    )
    .replace("</head>", () => `    ${tags.join("\n    ")}\n  </head>`);
}

/** Reads index.html once per build (its modification time). */
export function indexHtmlReader(webRoot: string): () => string | null {
  let cached: { mtime: number; html: string } | null = null;
  return () => {
    const file = path.join(webRoot, "index.html");
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
    if (cached?.mtime !== stat.mtimeMs) cached = { mtime: stat.mtimeMs, html: fs.readFileSync(file, "utf8") };
    return cached.html;
  };
}

/** A catalog whose addresses the sitemap lists in pages (`<name>-<n>.xml`). */
interface Paged {
  count: () => Promise<number>;
  /** `size` rows from `offset`, in id order. */
  page: (offset: number) => Promise<{ id: string; lastmod: Date }[]>;
  path: (id: string) => string;
}

const urlset = (urls: { loc: string; lastmod?: Date }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map(
      (u) =>
        `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ""}</url>`,
    )
    .join("\n")}\n</urlset>\n`;

/** robots.txt, /sitemap.xml (an index) and its pages under /sitemaps/. */
export async function registerSeo(
  app: FastifyInstance,
  opts: { db: Db; publicUrl: string; pageSize?: number },
): Promise<void> {
  const { db } = opts;
  const base = opts.publicUrl.replace(/\/$/, "");
  const size = opts.pageSize ?? SITEMAP_PAGE_SIZE;
  const HOUR = "public, max-age=3600";

  registerNewsFeeds(app, { db, publicUrl: opts.publicUrl });

  app.get("/robots.txt", { schema: { hide: true } }, (_req, reply) =>
    reply
      .type("text/plain; charset=utf-8")
      .header("cache-control", HOUR)
      .send(
        `User-agent: *\n${PRIVATE_PREFIXES.map((p) => `Disallow: ${p}`).join("\n")}\nAllow: /\n\nSitemap: ${base}/sitemap.xml\n`,
      ),
  );

  // The large catalogs, in pages of `size` addresses in id order (page 1 is there even when empty).
  const published = eq(listings.state, "published");
  const paged: Record<string, Paged> = {
    organizations: {
      count: async () => (await db.select({ n: count() }).from(organizations))[0]?.n ?? 0,
      page: (offset) =>
        db
          .select({ id: organizations.id, lastmod: organizations.updatedAt })
          .from(organizations)
          .orderBy(asc(organizations.id))
          .limit(size)
          .offset(offset),
      path: (id) => `/directory/${id}`,
    },
    // A published listing changes for its readers when the operator decides on it (its publication, a
    // change approved); an edit waiting for moderation does not move it.
    listings: {
      count: async () => (await db.select({ n: count() }).from(listings).where(published))[0]?.n ?? 0,
      page: (offset) =>
        db
          .select({
            id: listings.id,
            lastmod:
              sql<Date>`coalesce(${listings.decidedAt}, ${listings.publishedAt}, ${listings.updatedAt})`.mapWith(
                listings.updatedAt,
              ),
          })
          .from(listings)
          .where(published)
          .orderBy(asc(listings.id))
          .limit(size)
          .offset(offset),
      path: (id) => `/listings/${id}`,
    },
    // Every project is public; its page changes with the project and its consortium (which move its
    // updated_at) and when the operator confirms money (the public page shows confirmed entries only).
    projects: {
      count: async () => (await db.select({ n: count() }).from(projects))[0]?.n ?? 0,
      page: (offset) =>
        db
          .select({
            id: projects.id,
            lastmod: sql<Date>`greatest(projects.updated_at, (select max(e.decided_at) from project_entries e
              where e.project_id = projects.id and e.state = 'confirmed'))`.mapWith(projects.updatedAt),
          })
          .from(projects)
          .orderBy(asc(projects.id))
          .limit(size)
          .offset(offset),
      path: (id) => `/projects/${id}`,
    },
  };

  app.get("/sitemap.xml", { schema: { hide: true } }, async (_req, reply) => {
    const files = ["pages.xml", "measures.xml", "grants.xml", "news.xml", "events.xml"];
    for (const [name, p] of Object.entries(paged)) {
      const n = await p.count();
      for (let i = 1; i <= Math.max(1, Math.ceil(n / size)); i++) files.push(`${name}-${i}.xml`);
    }
    return reply
      .type("application/xml; charset=utf-8")
      .header("cache-control", HOUR)
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files
          .map((f) => `  <sitemap><loc>${escapeXml(`${base}/sitemaps/${f}`)}</loc></sitemap>`)
          .join("\n")}\n</sitemapindex>\n`,
      );
  });

  app.get<{ Params: { file: string } }>("/sitemaps/:file", { schema: { hide: true } }, async (req, reply) => {
    const { file } = req.params;
    let urls: { loc: string; lastmod?: Date }[] | null = null;
    if (file === "pages.xml") urls = Object.keys(STATIC_PAGES).map((p) => ({ loc: `${base}${p}` }));
    else if (file === "measures.xml") {
      const rows = await db
        .select({ id: measures.id, updatedAt: measures.updatedAt })
        .from(measures)
        .where(eq(measures.status, "published"))
        .orderBy(asc(measures.id));
      urls = rows.map((r) => ({ loc: `${base}/measures/${r.id}`, lastmod: r.updatedAt }));
    } else if (file === "grants.xml") {
      // a handful of programs, each public (open, upcoming and closed alike)
      const rows = await db
        .select({ id: grantPrograms.id, updatedAt: grantPrograms.updatedAt })
        .from(grantPrograms)
        .orderBy(asc(grantPrograms.id));
      urls = rows.map((r) => ({ loc: `${base}/grants/programs/${r.id}`, lastmod: r.updatedAt }));
    } else if (file === "news.xml") {
      // the published articles (a few hundred a year), by their address word
      const rows = await db
        .select({ slug: newsArticles.slug, updatedAt: newsArticles.updatedAt })
        .from(newsArticles)
        .where(newsVisible())
        .orderBy(asc(newsArticles.id));
      urls = rows.map((r) => ({ loc: `${base}/news/${r.slug}`, lastmod: r.updatedAt }));
    } else if (file === "events.xml") {
      // the public events, past ones too (a few thousand at most; a cancelled one stays, marked)
      const rows = await db
        .select({ id: events.id, updatedAt: events.updatedAt })
        .from(events)
        .where(sql`${events.state} <> 'draft'`)
        .orderBy(asc(events.id));
      urls = rows.map((r) => ({ loc: `${base}/events/${r.id}`, lastmod: r.updatedAt }));
    } else {
      const m = /^([a-z]+)-([1-9]\d{0,5})\.xml$/.exec(file);
      const p = m && Object.hasOwn(paged, m[1]!) ? paged[m[1]!]! : null;
      const page = Number(m?.[2] ?? 0);
      if (p) {
        const rows = await p.page((page - 1) * size);
        if (rows.length > 0 || page === 1)
          urls = rows.map((r) => ({ loc: `${base}${p.path(r.id)}`, lastmod: r.lastmod }));
      }
    }
    if (!urls) return sendProblem(reply, problem(req, 404, "route-not-found", { path: req.url }));
    return reply.type("application/xml; charset=utf-8").header("cache-control", HOUR).send(urlset(urls));
  });
}
