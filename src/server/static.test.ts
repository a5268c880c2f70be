import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import type { Database } from "./core/db.js";
import { events } from "./modules/events/events.schema.js";
import { grantPrograms } from "./modules/grants/grants.schema.js";
import { listings } from "./modules/listings/listings.schema.js";
import { measures } from "./modules/measures/measures.schema.js";
import { organizations } from "./modules/organizations/organizations.schema.js";
import { projectEntries, projects } from "./modules/projects/projects.schema.js";
import { seed } from "./seed/index.js";
import { registerSeo } from "./seo.js";
import { testConfig, testDatabase } from "./test/helpers.js";

// The built web app as scripts/build-web.mjs leaves it: hashed assets with .br and .gz beside them.
const SCRIPT = `console.log(${JSON.stringify("Иннокластер ".repeat(200))});`;
const INDEX = `<!doctype html><html lang="ru"><head>
<meta name="description" content="Иннокластер — платформа." />
<title>Иннокластер</title>
</head><body><div id="root"></div></body></html>`;

let dir: string;
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "innocluster-web-"));
  fs.mkdirSync(path.join(dir, "assets"));
  const js = path.join(dir, "assets/index-AbC123.js");
  fs.writeFileSync(js, SCRIPT);
  fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(SCRIPT));
  fs.writeFileSync(path.join(dir, "index.html"), INDEX);
  database = await testDatabase();
  await seed(database.db, "demo");
  app = await buildApp({
    services: { database, config: testConfig(), mailQueued: () => {} },
    logger: false,
    webRoot: dir,
    // the shell as it is (rendering the pages: ssr.test.ts)
    ssr: false,
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: "GET", url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

describe("the web app's static files", () => {
  it("sends a browser that takes brotli the build's .br file, cached for a year and varying by encoding", async () => {
    const res = await get("/assets/index-AbC123.js", "gzip, deflate, br, zstd");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
  });

  it("sends gzip to a browser that takes only gzip", async () => {
    const res = await get("/assets/index-AbC123.js", "gzip");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(zlib.gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it("sends the file as it is to a client that takes no compression", async () => {
    const res = await get("/assets/index-AbC123.js");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body).toBe(SCRIPT);
  });

  it("answers a missing asset with 404, not with the app's page", async () => {
    const res = await get("/assets/index-Gone99.js", "br");
    expect(res.statusCode).toBe(404);
  });

  it("sends index.html for every client route, never cached, compressed for the browser", async () => {
    for (const url of ["/", "/directory", "/measures/123?x=1"]) {
      const res = await get(url, "gzip, br");
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.headers["content-encoding"], url).toBe("br");
      expect(res.headers.vary, url).toMatch(/accept-encoding/i);
      expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toContain('<div id="root">');
    }
  });
});

const config = testConfig();
const base = config.publicUrl.replace(/\/$/, "");
const meta = (html: string, name: string) =>
  new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`).exec(html)?.[1];

describe("what search engines read", () => {
  it("each public page has its own title, description, canonical address and Open Graph tags", async () => {
    const [org] = await database.db
      .select({ id: organizations.id, shortName: organizations.shortName })
      .from(organizations)
      .orderBy(asc(organizations.id))
      .limit(1);
    const [measure] = await database.db
      .select({ id: measures.id, title: measures.titleRu })
      .from(measures)
      .where(eq(measures.status, "published"))
      .limit(1);
    const pages = [
      { url: "/", title: "Иннокластер — платформа инновационного кластера" },
      { url: "/directory?q=нейро", canonical: "/directory", title: "Каталог организаций — Иннокластер" },
      { url: `/directory/${org!.id}`, title: `${org!.shortName} — Иннокластер` },
      { url: "/measures", title: "Навигатор мер поддержки — Иннокластер" },
      { url: `/measures/${measure!.id}`, title: `${measure!.title} — Иннокластер` },
    ];
    for (const p of pages) {
      const html = (await get(p.url)).body;
      const escaped = p.title.replace(/"/g, "&quot;");
      expect(html, p.url).toContain(`<title>${escaped}</title>`);
      expect(meta(html, "og:title"), p.url).toBe(escaped);
      expect(meta(html, "description")?.length, p.url).toBeGreaterThan(20);
      expect(meta(html, "og:description"), p.url).toBe(meta(html, "description"));
      const canonical = `${base}${p.canonical ?? p.url}`;
      expect(html, p.url).toContain(`<link rel="canonical" href="${canonical}" />`);
      expect(meta(html, "og:url"), p.url).toBe(canonical);
      expect(html).not.toContain("noindex");
      expect(html.match(/<title>/g)).toHaveLength(1);
      expect(html.match(/name="description"/g)).toHaveLength(1);
    }
  });

  it("an English visitor reads the page's title, description and og:locale in English", async () => {
    const [measure] = await database.db
      .select({ id: measures.id, titleEn: measures.titleEn, descriptionEn: measures.descriptionEn })
      .from(measures)
      .where(
        and(eq(measures.status, "published"), isNotNull(measures.titleEn), isNotNull(measures.descriptionEn)),
      )
      .limit(1);
    const en = (url: string) =>
      app.inject({ method: "GET", url, headers: { "accept-language": "en-GB,en;q=0.9" } });
    const directory = (await en("/directory")).body;
    expect(directory).toContain("<title>Directory of organizations — Innocluster</title>");
    expect(meta(directory, "og:locale")).toBe("en_GB");
    expect(meta(directory, "og:site_name")).toBe("Innocluster");
    expect(meta(directory, "description")).toMatch(/^The cluster&apos;s companies/);
    const page = (await en(`/measures/${measure!.id}`)).body;
    expect(page).toContain(
      `<title>${measure!.titleEn!.replace(/"/g, "&quot;").replace(/'/g, "&apos;")} — Innocluster</title>`,
    );
    expect(meta(page, "description")).not.toMatch(/[а-яё]/i);
    // Russian stays the default, and the visitor's chosen language (the cookie) wins over the browser's.
    expect(meta((await get("/directory")).body, "og:locale")).toBe("ru_RU");
    const chosen = await app.inject({
      method: "GET",
      url: "/directory",
      headers: { "accept-language": "en-GB", cookie: "lang=ru" },
    });
    expect(chosen.body).toContain("<title>Каталог организаций — Иннокластер</title>");
  });

  it("private, unknown and unpublished pages are not indexed", async () => {
    const [draft] = await database.db
      .select({ id: measures.id })
      .from(measures)
      .where(and(eq(measures.status, "draft")))
      .limit(1);
    const urls = ["/account", "/organizations/new", `/directory/00000000-0000-4000-8000-000000000000`];
    if (draft) urls.push(`/measures/${draft.id}`);
    for (const url of urls) {
      const html = (await get(url)).body;
      expect(html, url).toContain('<meta name="robots" content="noindex" />');
      expect(html, url).not.toContain('rel="canonical"');
    }
  });

  it("robots.txt keeps crawlers off private pages and names the sitemap", async () => {
    const res = await get("/robots.txt");
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.body).toContain("Disallow: /api/");
    expect(res.body).toContain("Disallow: /account");
    expect(res.body).toContain("Disallow: /projects/mine");
    expect(res.body).not.toMatch(/Disallow: \/projects$/m);
    expect(res.body).toContain(`Sitemap: ${base}/sitemap.xml`);
  });

  it("the sitemap lists the public pages, published measures and listings and every organization, in pages", async () => {
    // pages of 100 addresses, so the 300 seeded organizations take three
    const seo = Fastify();
    await registerSeo(seo, { db: database.db, publicUrl: config.publicUrl, pageSize: 100 });
    try {
      const orgCount = (await database.db.select({ id: organizations.id }).from(organizations)).length;
      const published = await database.db
        .select({ id: measures.id })
        .from(measures)
        .where(eq(measures.status, "published"));
      const index = await seo.inject("/sitemap.xml");
      expect(index.headers["content-type"]).toMatch(/^application\/xml/);
      const files = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(base, ""));
      const orgPages = Math.ceil(orgCount / 100);
      expect(files).toEqual([
        "/sitemaps/pages.xml",
        "/sitemaps/measures.xml",
        "/sitemaps/grants.xml",
        "/sitemaps/news.xml",
        "/sitemaps/events.xml",
        ...Array.from({ length: orgPages }, (_, i) => `/sitemaps/organizations-${i + 1}.xml`),
        "/sitemaps/listings-1.xml",
        "/sitemaps/projects-1.xml",
      ]);
      const locs = async (file: string) => {
        const res = await seo.inject(file);
        expect(res.statusCode, file).toBe(200);
        return [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(base, ""));
      };
      expect(await locs("/sitemaps/pages.xml")).toEqual(
        expect.arrayContaining(["/", "/directory", "/measures", "/open-data"]),
      );
      expect((await locs("/sitemaps/measures.xml")).sort()).toEqual(
        published.map((m) => `/measures/${m.id}`).sort(),
      );
      // the published news by their address words: the demo's 28, not the draft nor the scheduled one
      const news = await locs("/sitemaps/news.xml");
      expect(news).toHaveLength(28);
      for (const loc of news) expect(loc).toMatch(/^\/news\/[a-z0-9-]+-[0-9a-f]{6}$/);
      // the public events (published and cancelled), by id: the demo's 20 but its draft
      const publicEvents = await database.db
        .select({ id: events.id })
        .from(events)
        .where(ne(events.state, "draft"));
      expect(publicEvents).toHaveLength(19);
      expect((await locs("/sitemaps/events.xml")).sort()).toEqual(
        publicEvents.map((e) => `/events/${e.id}`).sort(),
      );
      const orgUrls: string[] = [];
      for (let i = 1; i <= orgPages; i++) orgUrls.push(...(await locs(`/sitemaps/organizations-${i}.xml`)));
      expect(orgUrls).toHaveLength(orgCount);
      expect(new Set(orgUrls).size).toBe(orgCount);
      expect((await seo.inject(`/sitemaps/organizations-${orgPages + 1}.xml`)).statusCode).toBe(404);
      for (const file of ["listings-2.xml", "listings-0.xml", "members-1.xml", "constructor-1.xml"])
        expect((await seo.inject(`/sitemaps/${file}`)).statusCode, file).toBe(404);
    } finally {
      await seo.close();
    }
  });

  it("the sitemap lists every published listing's page with the day the operator last decided on it, and no other listing", async () => {
    const all = await database.db
      .select({
        id: listings.id,
        state: listings.state,
        decidedAt: listings.decidedAt,
      })
      .from(listings);
    const published = all.filter((l) => l.state === "published");
    expect(published.length).toBeGreaterThan(20);
    expect(all.some((l) => l.state !== "published")).toBe(true);
    // pages of 10: a few files, each listing once
    const seo = Fastify();
    await registerSeo(seo, { db: database.db, publicUrl: config.publicUrl, pageSize: 10 });
    try {
      const index = (await seo.inject("/sitemap.xml")).body;
      const pages = [...index.matchAll(/sitemaps\/(listings-\d+\.xml)/g)].map((m) => m[1]!);
      expect(pages).toEqual(
        Array.from({ length: Math.ceil(published.length / 10) }, (_, i) => `listings-${i + 1}.xml`),
      );
      const urls = new Map<string, string>();
      for (const page of pages) {
        const body = (await seo.inject(`/sitemaps/${page}`)).body;
        for (const m of body.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g))
          urls.set(m[1]!.replace(base, ""), m[2]!);
      }
      expect([...urls.keys()].sort()).toEqual(published.map((l) => `/listings/${l.id}`).sort());
      for (const l of published) expect(urls.get(`/listings/${l.id}`)).toBe(l.decidedAt!.toISOString());
      // A listing's page the sitemap names is one the server gives its canonical address to.
      const one = published[0]!;
      const html = (await get(`/listings/${one.id}`)).body;
      expect(html).toContain(`<link rel="canonical" href="${base}/listings/${one.id}" />`);
    } finally {
      await seo.close();
    }
  });

  it("the sitemap lists every project's page, dated by its last change or confirmed money, with its canonical address and meta", async () => {
    const all = await database.db.select({ id: projects.id, updatedAt: projects.updatedAt }).from(projects);
    expect(all.length).toBe(40);
    const confirmed = await database.db
      .select({ projectId: projectEntries.projectId, decidedAt: projectEntries.decidedAt })
      .from(projectEntries)
      .where(and(eq(projectEntries.state, "confirmed"), isNotNull(projectEntries.decidedAt)));
    const lastmod = (p: (typeof all)[number]) =>
      new Date(
        Math.max(
          p.updatedAt.getTime(),
          ...confirmed.filter((e) => e.projectId === p.id).map((e) => e.decidedAt!.getTime()),
        ),
      ).toISOString();
    const seo = Fastify();
    await registerSeo(seo, { db: database.db, publicUrl: config.publicUrl, pageSize: 15 });
    try {
      const index = (await seo.inject("/sitemap.xml")).body;
      const pages = [...index.matchAll(/sitemaps\/(projects-\d+\.xml)/g)].map((m) => m[1]!);
      expect(pages).toEqual(["projects-1.xml", "projects-2.xml", "projects-3.xml"]);
      const urls = new Map<string, string>();
      for (const page of pages)
        for (const m of (await seo.inject(`/sitemaps/${page}`)).body.matchAll(
          /<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g,
        ))
          urls.set(m[1]!.replace(base, ""), m[2]!);
      expect(urls.size).toBe(all.length);
      for (const p of all) expect(urls.get(`/projects/${p.id}`)).toBe(lastmod(p));
      // the demo has confirmed money decided after its project's last change: that day counts
      expect(all.some((p) => lastmod(p) !== p.updatedAt.toISOString())).toBe(true);
    } finally {
      await seo.close();
    }
    const [one] = await database.db
      .select({ id: projects.id, titleRu: projects.titleRu })
      .from(projects)
      .orderBy(asc(projects.id))
      .limit(1);
    const html = (await get(`/projects/${one!.id}`)).body;
    expect(html).toContain(`<link rel="canonical" href="${base}/projects/${one!.id}" />`);
    expect(html).toContain(`<meta property="og:title" content="${one!.titleRu.replace(/"/g, "&quot;")}`);
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
    // the signed-in pages of projects are no page of their own for search engines
    expect((await get("/projects/mine")).body).toContain('<meta name="robots" content="noindex" />');
  });

  it("the sitemap lists every grant program's page, which has its canonical address and meta; the programs list is a public page", async () => {
    const all = await database.db
      .select({ id: grantPrograms.id, titleRu: grantPrograms.titleRu, updatedAt: grantPrograms.updatedAt })
      .from(grantPrograms);
    expect(all.length).toBe(3);
    const seo = Fastify();
    await registerSeo(seo, { db: database.db, publicUrl: config.publicUrl });
    try {
      const body = (await seo.inject("/sitemaps/grants.xml")).body;
      const urls = new Map(
        [...body.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)].map((m) => [
          m[1]!.replace(base, ""),
          m[2]!,
        ]),
      );
      expect(urls.size).toBe(3);
      for (const p of all) expect(urls.get(`/grants/programs/${p.id}`)).toBe(p.updatedAt.toISOString());
      expect((await seo.inject("/sitemaps/pages.xml")).body).toContain(`<loc>${base}/grants</loc>`);
    } finally {
      await seo.close();
    }
    const one = all[0]!;
    const html = (await get(`/grants/programs/${one.id}`)).body;
    expect(html).toContain(`<link rel="canonical" href="${base}/grants/programs/${one.id}" />`);
    expect(html).toContain(`<meta property="og:title" content="${one.titleRu.replace(/"/g, "&quot;")}`);
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
    expect((await get("/grants")).body).toContain(`<link rel="canonical" href="${base}/grants" />`);
    // the signed-in pages of grants are no page of their own for search engines
    for (const url of ["/grants/mine", "/grants/assigned", `/grants/programs/${one.id}/apply`])
      expect((await get(url)).body, url).toContain('<meta name="robots" content="noindex" />');
    expect((await get("/robots.txt")).body).toContain("Disallow: /grants/assigned");
  });
});
