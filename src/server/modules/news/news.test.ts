import { and, eq } from "drizzle-orm";
import Fastify from "fastify";
// @ts-expect-error -- jsdom has no types installed; its strict XML parser is all this test uses
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { coverPng } from "../../seed/news.js";
import { pageMeta, withMeta } from "../../seo.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, multipartFile, signedIn, testAppForFile } from "../../test/helpers.js";
import { registerNewsFeeds } from "./news.feeds.js";

const t = testAppForFile();
let op: Client;
let guest: Client;
let member: Client;

type ArticleView = {
  id: string;
  slug: string;
  titleRu: string;
  bodyRu: string;
  state: string;
  tags: string[];
  publishedAt: string | null;
  coverUrl: string | null;
  version: number;
};
type NewsPage = { items: ArticleView[]; total: number; tags: { value: string; count: number }[] };

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const article = (o: Record<string, unknown> = {}) => ({
  titleRu: "Открыт приём заявок на гранты для производителей",
  leadRu: "Участники кластера могут получить компенсацию затрат на покупку оборудования.",
  bodyRu:
    "Грант покрывает **до 50%** затрат.\n\n## Сроки\n\n- приём до марта\n- решение за 30 дней\n\nПодробнее: [условия](https://example.ru/grants).",
  tags: ["Гранты", "меры поддержки"],
  ...o,
});

const write = (o: Record<string, unknown> = {}) => ok<ArticleView>(op.post("/api/news", article(o)), 201);
const edit = (a: ArticleView, o: Record<string, unknown>) =>
  op.patch(`/api/news/${a.id}`, {
    ...article({ titleRu: a.titleRu }),
    state: a.state,
    version: a.version,
    ...o,
  });

beforeAll(async () => {
  const [o, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  [op, member] = await Promise.all([signedIn(t, o), signedIn(t, u)]);
  guest = new Client(t.app);
});

describe("writing news", () => {
  it("only operators write: a guest is 401, a member 403", async () => {
    expectProblem(await guest.post("/api/news", article()), 401);
    expectProblem(await member.post("/api/news", article()), 403);
    expectProblem(await member.get("/api/operator/news"), 403);
  });

  it("a draft is the operator's alone: readers get 404 and do not see it listed", async () => {
    const draft = await write({ titleRu: "Черновик новости о пилотах в школах" });
    expect(draft.state).toBe("draft");
    expect(draft.slug).toMatch(/^chernovik-novosti-o-pilotakh-v-shkolakh-[0-9a-f]{6}$/);
    expectProblem(await guest.get(`/api/news/${draft.slug}`), 404);
    expectProblem(await member.get(`/api/news/${draft.id}`), 404);
    expect((await ok<ArticleView>(op.get(`/api/news/${draft.slug}`))).id).toBe(draft.id);
    const list = await ok<NewsPage>(guest.get("/api/news?pageSize=100"));
    expect(list.items.map((i) => i.id)).not.toContain(draft.id);
    const all = await ok<NewsPage>(op.get("/api/operator/news?state=draft"));
    expect(all.items.map((i) => i.id)).toContain(draft.id);
  });

  it("published, it is read by its address word or id, newest first, tags lower-cased; audited", async () => {
    const a = await write({ titleRu: "Итоги запроса метрополитена", publishedAt: "2026-01-10T07:00:00Z" });
    const published = await ok<ArticleView>(
      edit(a, { state: "published", publishedAt: "2026-01-10T07:00:00Z" }),
    );
    const b = await write({ titleRu: "Форум технологий в технопарке «Калибр»", state: "published" });
    expect(b.publishedAt).not.toBeNull();
    expect(published.tags).toEqual(["гранты", "меры поддержки"]);
    const seen = await ok<ArticleView>(guest.get(`/api/news/${published.slug}`));
    expect(seen.bodyRu).toContain("**до 50%**");
    expect((await ok<ArticleView>(guest.get(`/api/news/${published.id}`))).slug).toBe(published.slug);
    const list = await ok<NewsPage>(guest.get("/api/news"));
    const ids = list.items.map((i) => i.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, "news.publish")));
    expect(entries).toHaveLength(1);
  });

  it("a scheduled article waits for its time; an archived one leaves the list", async () => {
    const later = new Date(Date.now() + 7 * 86400_000).toISOString();
    const s = await write({
      titleRu: "Анонс форума «Технологии для города»",
      state: "published",
      publishedAt: later,
    });
    expectProblem(await guest.get(`/api/news/${s.slug}`), 404);
    const a = await write({ titleRu: "Старая новость об аренде в технопарках", state: "published" });
    await ok(guest.get(`/api/news/${a.slug}`));
    await ok(edit(a, { state: "archived" }));
    expectProblem(await guest.get(`/api/news/${a.slug}`), 404);
  });

  it("tag filter and Russian full text (word forms)", async () => {
    await write({
      titleRu: "Беспилотники обследуют кровли домов",
      leadRu: "Пилотный проект проверит работу дронов с тепловизорами на кровлях жилых домов.",
      tags: ["пилоты"],
      state: "published",
    });
    const tagged = await ok<NewsPage>(guest.get(`/api/news?tag=${encodeURIComponent("Пилоты")}`));
    expect(tagged.items.map((i) => i.titleRu)).toEqual(["Беспилотники обследуют кровли домов"]);
    expect(tagged.tags.find((x) => x.value === "пилоты")?.count).toBe(1);
    const found = await ok<NewsPage>(guest.get(`/api/news?q=${encodeURIComponent("кровля дрон")}`));
    expect(found.items.map((i) => i.titleRu)).toEqual(["Беспилотники обследуют кровли домов"]);
  });

  it("an edit at a stale version is 409 with the article now", async () => {
    const a = await write();
    const first = await ok<ArticleView>(edit(a, { titleRu: "Первая правка заголовка новости" }));
    const stale = expectProblem(
      await edit(a, { titleRu: "Вторая правка по старой версии" }),
      409,
      "news-changed",
    );
    expect((stale.current as ArticleView).titleRu).toBe("Первая правка заголовка новости");
    expect((stale.current as ArticleView).version).toBe(first.version);
  });

  it("validation is told per field in Russian and English", async () => {
    const ru = expectProblem(
      await op.post("/api/news", article({ titleRu: "Н", leadRu: "", tags: ["x".repeat(60)] })),
      400,
    );
    expect(Object.keys(fieldErrors(ru))).toEqual(expect.arrayContaining(["titleRu", "leadRu"]));
    const en = await signedIn(t, await createUser(t.database, { role: "operator", locale: "en" }), "en");
    const res = expectProblem(await en.post("/api/news", article({ titleRu: "N" })), 400);
    expect(fieldErrors(res).titleRu).not.toBe(fieldErrors(ru).titleRu);
    expect(fieldErrors(ru).titleRu).toMatch(/[а-я]/);
    expect(fieldErrors(res).titleRu).toMatch(/^[\x20-\x7e]+$/);
    expectProblem(
      await op.patch(`/api/news/${(await write()).id}`, article({ version: 1, state: "gone" })),
      400,
    );
  });
});

describe("covers", () => {
  const PNG = coverPng(1);

  it("an image is checked by its bytes; the published article's cover is everyone's, a draft's is not", async () => {
    const a = await write();
    const fake = multipartFile(Buffer.from("<svg onload=alert(1)>"), "cover.png", "image/png");
    const refused = expectProblem(await op.put(`/api/news/${a.id}/cover`, fake.payload, fake.headers), 400);
    expect(fieldErrors(refused).file).toMatch(/PNG, JPEG или WebP/);
    const up = multipartFile(PNG, "обложка.png", "image/png");
    expectProblem(await member.put(`/api/news/${a.id}/cover`, up.payload, up.headers), 403);
    const withCover = await ok<ArticleView>(op.put(`/api/news/${a.id}/cover`, up.payload, up.headers));
    expect(withCover.coverUrl).toBe(`/api/news/${a.id}/cover?v=${withCover.version}`);
    expectProblem(await guest.get(withCover.coverUrl!), 404);
    // the operator previews the draft's cover; no shared cache may keep it
    const preview = await op.get(withCover.coverUrl!);
    expect([preview.statusCode, preview.headers["cache-control"]]).toEqual([200, "private, no-store"]);
    const published = await ok<ArticleView>(edit(withCover, { state: "published" }));
    const img = await guest.get(published.coverUrl!);
    expect(img.statusCode).toBe(200);
    expect(img.headers["cache-control"]).toBe("public, max-age=86400");
    expect(img.headers["content-type"]).toBe("image/png");
    expect(img.rawPayload.equals(PNG)).toBe(true);
    // the article's page names its cover for link previews (Open Graph), by an absolute address
    const meta = await pageMeta(t.database.db, "https://innocluster.example", `/news/${published.slug}`);
    expect(withMeta("<head><title>x</title></head>", meta)).toContain(
      `<meta property="og:image" content="https://innocluster.example${published.coverUrl}" />`,
    );
    const removed = await ok<ArticleView>(op.delete(`/api/news/${a.id}/cover`));
    expect(removed.coverUrl).toBeNull();
    expectProblem(await guest.get(`/api/news/${a.id}/cover`), 404);
  });
});

describe("feeds", () => {
  it("RSS 2.0 and Atom are well-formed XML with absolute links, RFC 822 and RFC 3339 dates", async () => {
    const a = await write({ titleRu: "Новость для ленты <с & знаками>", state: "published" });
    const up = multipartFile(coverPng(2), "cover.png", "image/png");
    await ok(op.put(`/api/news/${a.id}/cover`, up.payload, up.headers));
    await write({ titleRu: "Черновик, которого нет в ленте" });
    const app = Fastify();
    registerNewsFeeds(app, { db: t.database.db, publicUrl: "https://innocluster.example/" });
    const parse = (xml: string) => {
      const parser: DOMParser = new new JSDOM("").window.DOMParser();
      const doc = parser.parseFromString(xml, "application/xml");
      expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
      return doc;
    };

    const rssRes = await app.inject("/news/rss.xml");
    expect(rssRes.headers["content-type"]).toMatch(/^application\/rss\+xml/);
    const rss = parse(rssRes.body);
    expect(rss.documentElement.getAttribute("version")).toBe("2.0");
    const items = [...rss.getElementsByTagName("item")];
    const titles = items.map((i) => i.getElementsByTagName("title")[0]!.textContent);
    expect(titles).toContain("Новость для ленты <с & знаками>");
    expect(titles).not.toContain("Черновик, которого нет в ленте");
    for (const i of items) {
      expect(i.getElementsByTagName("link")[0]!.textContent).toMatch(
        /^https:\/\/innocluster\.example\/news\/[a-z0-9-]+$/,
      );
      const date = i.getElementsByTagName("pubDate")[0]!.textContent!;
      expect(date).toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      );
    }
    const mine = items.find((i) =>
      i.getElementsByTagName("title")[0]!.textContent?.startsWith("Новость для"),
    )!;
    const enclosure = mine.getElementsByTagName("enclosure")[0]!;
    expect(enclosure.getAttribute("url")).toMatch(
      /^https:\/\/innocluster\.example\/api\/news\/[0-9a-f-]+\/cover\?v=\d+$/,
    );
    expect(enclosure.getAttribute("type")).toBe("image/png");
    // the body's markup is the format's own: the author's text escaped, never raw HTML
    const content = mine.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")[0]!;
    expect(content.textContent).toContain("<strong>до 50%</strong>");
    expect(content.textContent).toContain('<a href="https://example.ru/grants">условия</a>');

    const atomRes = await app.inject("/news/atom.xml");
    expect(atomRes.headers["content-type"]).toMatch(/^application\/atom\+xml/);
    const atom = parse(atomRes.body);
    expect(atom.documentElement.namespaceURI).toBe("http://www.w3.org/2005/Atom");
    const entries = [...atom.getElementsByTagName("entry")];
    expect(entries.length).toBe(items.length);
    for (const e of entries) {
      expect(e.getElementsByTagName("updated")[0]!.textContent).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
      );
      expect(e.getElementsByTagName("link")[0]!.getAttribute("href")).toMatch(
        /^https:\/\/innocluster\.example\/news\//,
      );
    }
    const self = [...atom.documentElement.children].find(
      (c) => c.localName === "link" && c.getAttribute("rel") === "self",
    );
    expect(self?.getAttribute("href")).toBe("https://innocluster.example/news/atom.xml");
    await app.close();
  });
});
