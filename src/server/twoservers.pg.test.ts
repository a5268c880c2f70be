// Needs a PostgreSQL server (two app servers share one database): runs in `npm run test:pg`.
//
// Two app servers as main.ts builds them — each its own app on its own port, its own connection pool
// and its own job queue — on ONE PostgreSQL database, reached over real HTTP. What a load balancer in
// front of them relies on: a session is a row, not a server's memory; a search on one server sees a
// write committed on the other at once; a client's rate limit counts once across both servers; a
// scheduled job runs once per tick across both queues.
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { TestClock } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import { type Database, openDatabase } from "./core/db.js";
import { type Jobs, type ScheduledJob, startJobs } from "./core/jobs.js";
import { openConversation } from "./modules/conversations/conversations.api.js";
import { addMember, createOrg, profileOf } from "./modules/organizations/organizations.fixtures.js";
import { organizations } from "./modules/organizations/organizations.schema.js";
import { createUser, pgTestDatabase, TEST_PASSWORD, testConfig } from "./test/helpers.js";
import { cookieHeader, openSse } from "./test/sse.js";

/** One app server: its database pool, its app listening on a port of its own, its job queue. */
interface Server {
  name: string;
  database: Database;
  app: FastifyInstance;
  base: string;
  jobs?: Jobs;
}

/** A browser over real HTTP to one server or another (as a balancer may send it): one cookie jar. */
class Browser {
  cookies = new Map<string, string>();
  /** The client's address as the balancer reports it (X-Forwarded-For; the servers trust one hop). */
  constructor(readonly ip?: string) {}
  async request(server: Server, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { "accept-language": "ru" };
    if (this.ip) headers["x-forwarded-for"] = this.ip;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${server.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const gone =
        value === "" ||
        attrs.some((a) => /^max-age=0$/i.test(a)) ||
        attrs.some((a) => /^expires=/i.test(a) && new Date(a.slice(8)).getTime() <= Date.now());
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) };
  }
  get = (s: Server, path: string) => this.request(s, "GET", path);
  post = (s: Server, path: string, body: unknown = {}) => this.request(s, "POST", path, body);
  patch = (s: Server, path: string, body: unknown) => this.request(s, "PATCH", path, body);
}

let db: { url: string; drop(): Promise<void> };
let a: Server;
let b: Server;

async function startServer(name: string): Promise<Server> {
  const database = await openDatabase({ databaseUrl: db.url, poolSize: 3 });
  const app = await buildApp({
    services: {
      database,
      config: testConfig({ RATE_LIMIT_STORE: "database", TRUST_PROXY: "1" }),
      mailQueued: () => {},
    },
    logger: false,
    serveWeb: false,
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { name, database, app, base: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  db = await pgTestDatabase();
  [a, b] = await Promise.all([startServer("A"), startServer("B")]);
});

afterAll(async () => {
  for (const s of [a, b]) {
    await s?.jobs?.stop();
    await s?.app.close();
    await s?.database.close();
  }
  await db?.drop();
});

describe("two app servers on one PostgreSQL database", () => {
  it("listen on different ports", () => {
    expect(a.base).not.toBe(b.base);
  });

  it("a session made by signing in on one server works on the other, and signing out on that one ends it on both", async () => {
    const user = await createUser(a.database);
    const browser = new Browser();
    expect(
      (await browser.post(a, "/api/auth/signin", { email: user.email, password: TEST_PASSWORD })).status,
    ).toBe(200);
    const onB = await browser.get(b, "/api/me");
    expect(onB.status, onB.text).toBe(200);
    expect(onB.json().user.email).toBe(user.email);
    expect((await browser.get(a, "/api/me")).json().user.email).toBe(user.email);

    expect((await browser.get(b, "/api/me/organizations")).status).toBe(200);

    // The same cookie, kept by a copy of the browser, stops working on A (and B) after sign-out on B.
    const stolen = new Browser();
    stolen.cookies = new Map(browser.cookies);
    expect((await browser.post(b, "/api/auth/signout")).status).toBe(204);
    for (const s of [a, b]) {
      expect((await stolen.get(s, "/api/me")).json().user).toBeNull();
      expect((await stolen.get(s, "/api/me/organizations")).status).toBe(401);
    }
  });

  it("a profile edit committed on one server is found by a search on the other at once (its cache is keyed by the generation)", async () => {
    const org = await createOrg(a.database, { shortName: "Квазарлаб" });
    const owner = await createUser(a.database);
    await addMember(a.database, org.id, owner.id, "owner");
    const browser = new Browser();
    await browser.post(a, "/api/auth/signin", { email: owner.email, password: TEST_PASSWORD });
    const names = async (s: Server, q: string) => {
      const res = await new Browser().get(s, `/api/directory?q=${encodeURIComponent(q)}`);
      expect(res.status, res.text).toBe(200);
      return (res.json().items as { shortName: string }[]).map((i) => i.shortName);
    };
    // B answers (and caches) both searches before the edit.
    expect(await names(b, "Квазарлаб")).toEqual(["Квазарлаб"]);
    expect(await names(b, "Пульсарлаб")).toEqual([]);

    const edit = await browser.patch(a, `/api/organizations/${org.id}`, {
      ...profileOf(org),
      shortName: "Пульсарлаб",
      fullName: "Общество с ограниченной ответственностью «Пульсарлаб»",
      version: org.version,
    });
    expect(edit.status, edit.text).toBe(200);

    expect(await names(b, "Пульсарлаб")).toEqual(["Пульсарлаб"]);
    expect(await names(b, "Квазарлаб")).toEqual([]);
  });

  it("a region change committed through one server moves the organization in the other's filters and facet counts at once (its in-memory index follows the generation)", async () => {
    const org = await createOrg(a.database, { shortName: "Гелиолаб" });
    const search = async (s: Server, query: string) => {
      const res = await new Browser().get(s, `/api/directory?${query}`);
      expect(res.status, res.text).toBe(200);
      const page = res.json() as { total: number; facets: { region: { value: string; count: number }[] } };
      return { total: page.total, kazan: page.facets.region.find((f) => f.value === "16")?.count ?? 0 };
    };
    // B builds its index and answers before the change.
    const before = await search(b, "region=16");
    expect((await search(b, "q=Гелиолаб&region=16")).total).toBe(0);

    await a.database.db.update(organizations).set({ regionCode: "16" }).where(eq(organizations.id, org.id));

    const after = await search(b, "region=16");
    expect(after.total).toBe(before.total + 1);
    expect(after.kazan).toBe(before.kazan + 1);
    expect((await search(b, "q=Гелиолаб&region=16")).total).toBe(1);
  });

  it("a message sent through one server reaches an SSE client of the other within a second (LISTEN/NOTIFY)", async () => {
    const org = await createOrg(a.database, { shortName: "Сигма Фотоника" });
    const [member, operator] = await Promise.all([
      createUser(a.database),
      createUser(a.database, { role: "operator" }),
    ]);
    await addMember(a.database, org.id, member.id, "member");
    const conv = await a.database.db.transaction((tx) =>
      openConversation(tx, {
        subject: { kind: "status_application", id: crypto.randomUUID() },
        parties: [{ organizationId: org.id }, { operator: true }],
        title: "Сигма Фотоника",
      }),
    );
    const reader = new Browser();
    await reader.post(b, "/api/auth/signin", { email: member.email, password: TEST_PASSWORD });
    const writer = new Browser();
    await writer.post(a, "/api/auth/signin", { email: operator.email, password: TEST_PASSWORD });
    // The member's page is open on server B; the operator writes through server A.
    const stream = await openSse(`${b.base}/api/conversations/events`, cookieHeader(reader.cookies));
    expect(stream.status).toBe(200);
    await stream.next("ready");
    const sent = performance.now();
    const res = await writer.post(a, `/api/conversations/${conv.id}/messages`, {
      body: "Проверьте, пожалуйста, устав",
    });
    expect(res.status, res.text).toBe(201);
    const e = await stream.next("conversation", 1000);
    expect(e.data).toEqual({ conversationId: conv.id, kind: "message" });
    expect(e.at - sent).toBeLessThan(1000);
    // …and the member reads it on B at once.
    const thread = await reader.get(b, `/api/conversations/${conv.id}`);
    expect(thread.json().messages.at(-1).body).toBe("Проверьте, пожалуйста, устав");
    stream.close();
  });

  it("a client's rate limit counts once across both servers (RATE_LIMIT_STORE=database)", async () => {
    // Sign-in allows 30 attempts per 10 minutes from one address; the balancer alternates servers.
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await new Browser("203.0.113.7").post(i % 2 ? a : b, "/api/auth/signin", {
        email: `nobody-${i}@example.com`,
        password: "Wrong-Pass-1",
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
  });

  it("a scheduled job runs once per tick, not twice, with both servers' queues working", async () => {
    // One clock for both queues (pg-boss's TestClock: the database reads the same time through the
    // queue schema), moved by hand minute by minute.
    const clock = new TestClock(new Date("2026-03-02T06:00:10Z"));
    const runs: { server: string; at: number }[] = [];
    const everyMinute = (server: string): ScheduledJob => ({
      name: "test.every-minute",
      cron: "* * * * *",
      run: async () => {
        runs.push({ server, at: clock.now() });
        return undefined;
      },
    });
    const silent = { info: () => {}, error: () => {} };
    for (const s of [a, b]) {
      const config = s.app.services.config;
      s.jobs = await startJobs({
        database: s.database,
        config,
        storage: s.app.services.storage,
        scheduled: [everyMinute(s.name)],
        queued: [],
        mailQueued: () => {},
        log: silent,
        pollingIntervalSeconds: 1,
        clock,
      });
    }
    const minutes = async (n: number) => {
      for (let i = 0; i < n * 12; i++) await clock.tick(5_000);
    };
    // Handlers run after the fetch a tick waited for; the clock does not wait for them.
    const settled = async (count: number) => {
      await expect.poll(() => runs.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
      for (let i = 0; i < 4; i++) await clock.tick(1_000);
      await new Promise((r) => setTimeout(r, 300));
    };
    const minuteOf = (r: { at: number }) => Math.floor(r.at / 60_000);

    // 06:00:10 → 06:03:10: the occurrences of 06:00 (still due at start), 06:01, 06:02 and 06:03.
    await minutes(3);
    await settled(3);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(4);
    expect(new Set(runs.map(minuteOf)).size).toBe(runs.length);

    // Whichever server took a tick, the other did not run it too; with one server's queue stopped the
    // other keeps the schedule alone.
    const before = runs.length;
    const [taker, other] = runs.every((r) => r.server === "A") ? [a, b] : [b, a];
    await taker.jobs?.stop();
    taker.jobs = undefined;
    await minutes(2);
    await settled(before + 2);
    const later = runs.slice(before);
    expect(later.map((r) => r.server)).toEqual(later.map(() => other.name));
    expect(new Set(runs.map(minuteOf)).size).toBe(runs.length);
    expect(await other.jobs!.boss.findJobs("test.every-minute")).toHaveLength(runs.length);
  });
});
