import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import enHome from "../locales/en/home.json" with { type: "json" };
import ruHome from "../locales/ru/home.json" with { type: "json" };
import { buildApp } from "./app.js";
import type { Database } from "./core/db.js";
import { events } from "./modules/events/events.schema.js";
import { seed } from "./seed/index.js";
import type { Renderer } from "./ssr.js";
import { testConfig, testDatabase } from "./test/helpers.js";

// index.html as the web build leaves it: the shell the server renders the public pages into.
const INDEX = `<!doctype html><html lang="ru" data-mantine-color-scheme="light"><head>
<meta name="description" content="Иннокластер — платформа." />
<title>Иннокластер</title>
<link rel="modulepreload" crossorigin href="/assets/react-Xy9.js">
<link rel="stylesheet" crossorigin href="/assets/index-Css1.css">
</head><body><div id="root"></div><script type="module" src="/assets/index-AbC123.js"></script></body></html>`;

const source = () => import("../web/entry.server.js") as Promise<Renderer>;

let dir: string;
let database: Database;
let app: FastifyInstance;
let failing: FastifyInstance;
let slow: FastifyInstance;
let counted: FastifyInstance;
/** The renders `counted` made, by language and address. */
const renders: string[] = [];

async function appWith(ssr: () => Promise<Renderer | null>, ssrTimeoutMs?: number, ssrCacheMs?: number) {
  return buildApp({
    services: { database, config: testConfig(), mailQueued: () => {} },
    logger: process.env.SSR_DEBUG ? { level: "info" } : false,
    webRoot: dir,
    ssr,
    ssrTimeoutMs,
    ssrCacheMs,
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "innocluster-ssr-"));
  fs.writeFileSync(path.join(dir, "index.html"), INDEX);
  database = await testDatabase();
  await seed(database.db, "demo");
  app = await appWith(source, 20_000);
  failing = await appWith(async () => ({
    render: () => Promise.reject(new Error("the renderer broke")),
  }));
  slow = await appWith(async () => ({ render: () => new Promise(() => {}) }), 200);
  counted = await appWith(
    async () => {
      const real = await source();
      return {
        render: (req) => {
          renders.push(`${req.lang} ${req.url}`);
          return real.render(req);
        },
      };
    },
    20_000,
    300,
  );
}, 180_000);
afterAll(async () => {
  await Promise.all([app?.close(), failing?.close(), slow?.close(), counted?.close()]);
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const page = (url: string, lang: "ru" | "en", server = app, cookie?: string) =>
  server.inject({
    method: "GET",
    url,
    headers: {
      "accept-language": lang === "en" ? "en-GB,en;q=0.9" : "ru-RU,ru;q=0.9",
      ...(cookie ? { cookie } : {}),
    },
  });

const api = async <T>(url: string, lang: "ru" | "en"): Promise<T> =>
  (await app.inject({ method: "GET", url, headers: { "accept-language": lang } })).json() as T;

/** The text inside #root, without tags and with entities read, spaces collapsed. */
function rootText(html: string): string {
  const inner = html.slice(html.indexOf('<div id="root">'), html.indexOf('<script id="ssr-data"'));
  return inner
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

describe.each(["ru", "en"] as const)("the first HTML of a public page, in %s", (lang) => {
  it("home: the hero's title, in the page's language", async () => {
    const res = await page("/", lang);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<html lang="${lang}"`);
    expect(res.headers.vary).toMatch(/accept-language/i);
    expect(rootText(res.body)).toContain((lang === "ru" ? ruHome : enHome).hero.title);
    // the page's data goes with it for the browser to hydrate
    expect(res.body).toMatch(
      new RegExp(`<script id="ssr-data" type="application/json" data-lang="${lang}">`),
    );
  });

  it("the cluster in numbers: the figures, the regions' names and the series' tables", async () => {
    const numbers = await api<{ organizations: { regions: { name: string }[] } }>(
      "/api/public/numbers",
      lang,
    );
    const text = rootText((await page("/numbers", lang)).body);
    expect(text).toContain(lang === "ru" ? "участников кластера" : "cluster participants");
    expect(text).toContain(flat(numbers.organizations.regions[0]!.name));
    expect(text).toContain(lang === "ru" ? "Таблица" : "Table");
  });

  it("the open data: the data sets and the licence", async () => {
    const text = rootText((await page("/open-data", lang)).body);
    expect(text).toContain(lang === "ru" ? "Организации кластера" : "The cluster's organizations");
    expect(text).toContain("CC BY 4.0");
  });

  it("directory: the first results' names", async () => {
    const { items } = await api<{ items: { shortName: string }[] }>("/api/directory", lang);
    expect(items.length).toBeGreaterThan(2);
    const text = rootText((await page("/directory", lang)).body);
    for (const org of items.slice(0, 3)) expect(text).toContain(flat(org.shortName));
  });

  it("an organization's page: its name and description", async () => {
    const { items } = await api<{ items: { id: string }[] }>("/api/directory", lang);
    // the first organization with a description
    for (const { id } of items) {
      const { organization: org } = await api<{
        organization: { shortName: string; descriptionRu: string; descriptionEn: string | null };
      }>(`/api/directory/${id}`, lang);
      const description = (lang === "en" && org.descriptionEn?.trim()) || org.descriptionRu;
      if (!description.trim()) continue;
      const text = rootText((await page(`/directory/${id}`, lang)).body);
      expect(text).toContain(flat(org.shortName));
      expect(text).toContain(flat(description).slice(0, 80));
      return;
    }
    throw new Error("no organization on the directory's first page has a description");
  });

  it("navigator and a measure's page: the measures' titles, the measure's title", async () => {
    const { items } = await api<{ items: { id: string; titleRu: string; titleEn: string | null }[] }>(
      "/api/measures",
      lang,
    );
    expect(items.length).toBeGreaterThan(1);
    const title = (m: (typeof items)[number]) => flat((lang === "en" && m.titleEn?.trim()) || m.titleRu);
    const navigator = rootText((await page("/measures", lang)).body);
    for (const m of items.slice(0, 2)) expect(navigator).toContain(title(m));
    const measure = rootText((await page(`/measures/${items[0]!.id}`, lang)).body);
    expect(measure).toContain(title(items[0]!));
  });

  it("the premises catalog and a listing's page: the listings' titles, the listing's title", async () => {
    const { items } = await api<{ items: { id: string; titleRu: string; titleEn: string | null }[] }>(
      "/api/listings?kind=premises",
      lang,
    );
    expect(items.length).toBeGreaterThan(1);
    const title = (l: (typeof items)[number]) => flat((lang === "en" && l.titleEn?.trim()) || l.titleRu);
    const catalog = rootText((await page("/exchanges/premises", lang)).body);
    for (const l of items.slice(0, 2)) expect(catalog).toContain(title(l));
    const res = await page(`/listings/${items[0]!.id}`, lang);
    expect(rootText(res.body)).toContain(title(items[0]!));
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:3000/listings/${items[0]!.id}"`);
  });

  it("the projects catalog and a project's page: the projects' titles, the project's title, its consortium", async () => {
    const { items } = await api<{
      items: { id: string; titleRu: string; joint: boolean; lead: { shortName: string } }[];
    }>("/api/projects?joint=true", lang);
    expect(items.length).toBeGreaterThan(1);
    const catalog = rootText((await page("/projects", lang)).body);
    const all = await api<{ items: { titleRu: string }[] }>("/api/projects", lang);
    for (const p of all.items.slice(0, 2)) expect(catalog).toContain(flat(p.titleRu));
    const res = await page(`/projects/${items[0]!.id}`, lang);
    const text = rootText(res.body);
    expect(text).toContain(flat(items[0]!.titleRu));
    expect(text).toContain(flat(items[0]!.lead.shortName));
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:3000/projects/${items[0]!.id}"`);
    // the signed-in pages of projects stay the shell
    expect((await page("/projects/mine", lang)).body).toContain('<div id="root"></div>');
  });

  it("the grant programs and a program's page: the programs' titles, the program's title, its legal basis", async () => {
    const { items } = await api<{ items: { id: string; titleRu: string }[] }>("/api/grant-programs", lang);
    expect(items.length).toBe(3);
    const list = await page("/grants", lang);
    const catalog = rootText(list.body);
    for (const p of items) expect(catalog).toContain(flat(p.titleRu));
    expect(list.body).toContain('<link rel="canonical" href="http://localhost:3000/grants"');
    const program = await api<{ legalBasisNumber: string }>(`/api/grant-programs/${items[0]!.id}`, lang);
    const res = await page(`/grants/programs/${items[0]!.id}`, lang);
    const text = rootText(res.body);
    expect(text).toContain(flat(items[0]!.titleRu));
    expect(text).toContain(program.legalBasisNumber);
    expect(res.body).toContain(
      `<link rel="canonical" href="http://localhost:3000/grants/programs/${items[0]!.id}"`,
    );
    // the signed-in pages of grants stay the shell
    expect((await page("/grants/mine", lang)).body).toContain('<div id="root"></div>');
  });

  it("the news and an article: the newest titles, the article's lead and body, its feeds named", async () => {
    const { items } = await api<{ items: { slug: string; titleRu: string; leadRu: string }[] }>(
      "/api/news?pageSize=12",
      lang,
    );
    expect(items.length).toBe(12);
    const list = await page("/news", lang);
    const text = rootText(list.body);
    for (const a of items) expect(text).toContain(flat(a.titleRu));
    expect(list.body).toContain('<link rel="canonical" href="http://localhost:3000/news"');
    expect(list.body).toContain('type="application/rss+xml"');
    expect(list.body).toContain('href="http://localhost:3000/news/atom.xml"');
    const first = items[0]!;
    const res = await page(`/news/${first.slug}`, lang);
    const article = rootText(res.body);
    expect(article).toContain(flat(first.titleRu));
    expect(article).toContain(flat(first.leadRu));
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:3000/news/${first.slug}"`);
    expect(res.body).toContain('<meta property="og:type" content="article"');
    // the home page names the newest article too
    expect(rootText((await page("/", lang)).body)).toContain(flat(first.titleRu));
    // the operator's pages stay the shell
    expect((await page("/operator/news", lang)).body).toContain('<div id="root"></div>');
  });

  it("the events and an event: the coming events' titles, the event's title, description and tags; a draft stays the shell", async () => {
    const { items } = await api<{ items: { id: string; titleRu: string }[] }>(
      "/api/events?tab=upcoming&page=1&pageSize=20",
      lang,
    );
    expect(items.length).toBeGreaterThan(5);
    const list = await page("/events", lang);
    const text = rootText(list.body);
    for (const e of items) expect(text).toContain(flat(e.titleRu));
    expect(list.body).toContain('<link rel="canonical" href="http://localhost:3000/events"');
    expect(list.body).toContain('<meta property="og:title" content="');
    const first = items[0]!;
    const { descriptionRu } = await api<{ descriptionRu: string }>(`/api/events/${first.id}`, lang);
    const res = await page(`/events/${first.id}`, lang);
    const event = rootText(res.body);
    expect(event).toContain(flat(first.titleRu));
    expect(event).toContain(flat(descriptionRu).slice(0, 80));
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:3000/events/${first.id}"`);
    expect(res.body).toContain(`<meta property="og:url" content="http://localhost:3000/events/${first.id}"`);
    expect(res.body).toMatch(/<meta property="og:description" content="[^"]{20,}"/);
    // the demo's draft: neither listed nor rendered, no canonical address
    const [draft] = await database.db
      .select({ id: events.id, titleRu: events.titleRu })
      .from(events)
      .where(eq(events.state, "draft"));
    expect(draft).toBeDefined();
    expect(text).not.toContain(flat(draft!.titleRu));
    const hidden = await page(`/events/${draft!.id}`, lang);
    expect(hidden.body).toContain('<div id="root"></div>');
    expect(hidden.body).not.toContain(draft!.titleRu);
    expect(hidden.body).toContain('<meta name="robots" content="noindex"');
    // the signed-in pages of events stay the shell
    expect((await page("/events/mine", lang)).body).toContain('<div id="root"></div>');
  });
});

describe("falling back to the shell", () => {
  it("sends the shell, not an error, when the render fails or takes too long", async () => {
    for (const server of [failing, slow]) {
      const res = await page("/directory", "ru", server);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.body).toContain("<title>Каталог организаций");
    }
  });

  it("sends the shell when a page's data is missing (an unknown organization)", async () => {
    const res = await page("/directory/00000000-0000-4000-8000-000000000000", "ru");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root"></div>');
  });

  it("renders only public pages, and only for guests", async () => {
    expect((await page("/account", "ru")).body).toContain('<div id="root"></div>');
    // an encoded address is read as the router reads it: "/measures/%73aved" is the sign-in-only list
    expect((await page("/measures/%73aved", "ru")).body).toContain('<div id="root"></div>');
    const signedIn = await page("/directory", "ru", app, "ic_session=whatever");
    expect(signedIn.body).toContain('<div id="root"></div>');
  });

  it("renders the language chosen in the app (its cookie) over the browser's", async () => {
    const res = await page("/", "ru", app, "lang=en");
    expect(res.body).toContain('<html lang="en"');
    expect(rootText(res.body)).toContain(enHome.hero.title);
  });
});

describe("the rendered page's delivery", () => {
  it("asks for the scripts only after the stylesheet: the entry and its preloads come from /boot.js at the end", async () => {
    const res = await page("/", "ru");
    const head = res.body.slice(0, res.body.indexOf("</head>"));
    expect(head).toContain('<link rel="stylesheet" crossorigin href="/assets/index-Css1.css">');
    expect(head).not.toContain("modulepreload");
    expect(res.body).not.toContain('<script type="module"');
    expect(res.body).toMatch(
      /<script src="\/boot\.js" data-entry="\/assets\/index-AbC123\.js" data-preload="\/assets\/react-Xy9\.js"><\/script><\/body>/,
    );
    // the rendered markup and its data come before it
    expect(res.body.indexOf('<script id="ssr-data"')).toBeLessThan(res.body.indexOf("/boot.js"));
    // a page sent as the shell loads its scripts at once, as the build wrote them
    const shell = await page("/account", "ru");
    expect(shell.body).toContain('<script type="module" src="/assets/index-AbC123.js"></script>');
    expect(shell.body).toContain("modulepreload");
    expect(shell.body).not.toContain("/boot.js");
  });

  it("renders a page once for guests asking within a few seconds, per address and language", async () => {
    renders.length = 0;
    const first = await page("/measures", "ru", counted);
    const again = await page("/measures", "ru", counted);
    expect(again.body).toBe(first.body);
    expect(rootText(again.body).length).toBeGreaterThan(100);
    await page("/measures", "en", counted);
    await page("/measures?q=grant", "ru", counted);
    expect(renders).toEqual(["ru /measures", "en /measures", "ru /measures?q=grant"]);
    // later, it is rendered again
    await new Promise((r) => setTimeout(r, 400));
    await page("/measures", "ru", counted);
    expect(renders).toHaveLength(4);
    // signed-in people get the shell, never a guest's page
    const signedIn = await page("/measures", "ru", counted, "ic_session=whatever");
    expect(signedIn.body).toContain('<div id="root"></div>');
  });

  it("renders at most a few pages at once: a guest asking meanwhile gets the shell, never a queue", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started = 0;
    const busy = await appWith(
      async () => ({
        render: async () => {
          started++;
          await gate;
          return { html: "<p>rendered</p>", data: "" };
        },
      }),
      20_000,
      0,
    );
    try {
      // six different addresses, so that no render is shared
      const pending = Array.from({ length: 6 }, (_, i) => page(`/directory?q=word${i}`, "ru", busy));
      await vi.waitFor(() => expect(started).toBe(4));
      release();
      const bodies = (await Promise.all(pending)).map((r) => r.body);
      expect(bodies.filter((b) => b.includes("<p>rendered</p>"))).toHaveLength(4);
      expect(bodies.filter((b) => b.includes('<div id="root"></div>'))).toHaveLength(2);
      expect(started).toBe(4);
      // once they are done, the next guest's page is rendered again
      expect((await page("/directory?q=later", "ru", busy)).body).toContain("<p>rendered</p>");
    } finally {
      await busy.close();
    }
  });

  it("answers HEAD like GET, and every page varies by language and session cookie", async () => {
    const head = await app.inject({ method: "HEAD", url: "/account" });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-type"]).toMatch(/^text\/html/);
    for (const url of ["/account", "/directory"])
      expect((await page(url, "en")).headers.vary).toBe("Accept-Encoding, Accept-Language, Cookie");
  });

  it("does not keep a failed render: the next request tries again", async () => {
    let calls = 0;
    const flaky = await appWith(async () => ({
      render: () => {
        calls++;
        return Promise.reject(new Error("the renderer broke"));
      },
    }));
    try {
      await page("/directory", "ru", flaky);
      await page("/directory", "ru", flaky);
      expect(calls).toBe(2);
    } finally {
      await flaky.close();
    }
  });
});
