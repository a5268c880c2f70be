import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { randomEmail } from "../test/assert.js";
import { Client, testConfig, testDatabase } from "../test/helpers.js";
import type { Database } from "./db.js";
import {
  cleanUpRateLimits,
  defaultClaimSize,
  type SharedStoreOptions,
  sharedRateLimitStore,
} from "./ratelimit.js";
import { rateLimitCounters } from "./ratelimit.schema.js";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

/** One app server's store for one route, as the plugin makes it (`new Store(global).child(route)`). */
function serverStore(opts: Partial<SharedStoreOptions> = {}) {
  const Store = sharedRateLimitStore({ db: database.db, ...opts });
  return new Store({} as never).child({ routeInfo: { method: "GET", url: "/api/x" } } as never);
}

const incr = (store: ReturnType<typeof serverStore>, key: string, window: number, max: number) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (err, res) => (err ? reject(err) : resolve(res!)), window, max),
  );

describe("the shared rate-limit store", () => {
  it("without credit, two servers on one database admit exactly the limit between them, a claimed block per statement", async () => {
    let statements = 0;
    const opts = { claimSize: () => 5, credit: () => 0, onClaim: () => void statements++ };
    const a = serverStore(opts);
    const b = serverStore(opts);
    let admitted = 0;
    for (let i = 0; i < 130; i++) {
      const r = await incr(i % 2 ? a : b, "ip:10.1.1.1", 60_000, 100);
      if (r.current <= 100) admitted++;
    }
    expect(admitted).toBe(100);
    // 20 blocks of 5, and each server learns once that the limit is spent, then stops asking.
    expect(statements).toBeLessThanOrEqual(24);
  });

  it("with the default credit, a burst on two servers stays within max + servers × block, and nobody waits for a first claim", async () => {
    const a = serverStore();
    const b = serverStore();
    // 1,200 per window: blocks of 60, credit 60 per server.
    const results = await Promise.all(
      Array.from({ length: 1600 }, (_, i) => incr(i % 2 ? a : b, "ip:10.2.2.2", 60_000, 1200)),
    );
    const admitted = results.filter((r) => r.current <= 1200).length;
    expect(admitted).toBeGreaterThanOrEqual(1200 - 60);
    expect(admitted).toBeLessThanOrEqual(1200 + 2 * 60);
  });

  it("claims of many keys go in one statement, and concurrent requests of one key wait for a single claim", async () => {
    const sizes: number[] = [];
    const a = serverStore({ claimSize: () => 10, credit: () => 0, onClaim: (n) => void sizes.push(n) });
    const results = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => incr(a, `ip:10.3.3.${i}`, 60_000, 50)),
      ...Array.from({ length: 10 }, () => incr(a, "ip:10.3.4.1", 60_000, 50)),
    ]);
    expect(sizes).toEqual([51]);
    expect(results.every((r) => r.current <= 10 && r.ttl > 0 && r.ttl <= 60_000)).toBe(true);
  });

  it("the default claim is a twentieth of the limit, and one request at a time for small limits", () => {
    expect(defaultClaimSize(1200)).toBe(60);
    expect(defaultClaimSize(30)).toBe(1);
  });

  it("the clean-up job drops the counters of windows that ended", async () => {
    await database.db.insert(rateLimitCounters).values([
      { key: "GET /api/x ip:old", windowStart: 0, count: 3, expiresAt: new Date(Date.now() - 1000) },
      { key: "GET /api/x ip:live", windowStart: 1, count: 3, expiresAt: new Date(Date.now() + 60_000) },
    ]);
    expect(await cleanUpRateLimits(database.db)).toBeGreaterThanOrEqual(1);
    const keys = (await database.db.select({ key: rateLimitCounters.key }).from(rateLimitCounters)).map(
      (r) => r.key,
    );
    expect(keys).toContain("GET /api/x ip:live");
    expect(keys).not.toContain("GET /api/x ip:old");
  });
});

describe("two app servers on one database (PGlite)", () => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });
  const server = async (store: "memory" | "database") => {
    const app = await buildApp({
      services: { database, config: testConfig({ RATE_LIMIT_STORE: store }), mailQueued: () => {} },
      logger: false,
      serveWeb: false,
    });
    apps.push(app);
    return app;
  };
  /** 40 sign-ins from one address (30 per 10 minutes are allowed), alternating between two servers. */
  const signins = async (a: FastifyInstance, b: FastifyInstance) => {
    const ip = `10.77.${apps.length}.1`;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await new Client(i % 2 ? a : b, "ru", ip).post("/api/auth/signin", {
        email: randomEmail(),
        password: "Wrong-Pass-1",
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  };

  it("with RATE_LIMIT_STORE=database a client gets its limit once, whichever server answers", async () => {
    const statuses = await signins(await server("database"), await server("database"));
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  });

  it("with the in-memory store each server counts alone (the client gets twice the limit)", async () => {
    const statuses = await signins(await server("memory"), await server("memory"));
    expect(statuses.every((s) => s === 401)).toBe(true);
  });
});
