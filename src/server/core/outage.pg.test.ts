// Needs a PostgreSQL server (a proxy in front of it plays the outage): runs in `npm run test:pg`.
import net from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { Client, createUser, pgTestDatabase, signedIn, testConfig } from "../test/helpers.js";
import { type Database, openDatabase } from "./db.js";

/** A TCP proxy to PostgreSQL that can go away (refusing and cutting every connection) and come back. */
function outageProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
  };
  return {
    get port() {
      return port;
    },
    async up() {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        track(client);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      await new Promise<void>((resolve) => server?.listen(port, "127.0.0.1", resolve));
      port = (server.address() as net.AddressInfo).port;
    },
    async down() {
      await new Promise<void>((resolve) => {
        server?.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

let db: { url: string; drop(): Promise<void> };
let proxy: ReturnType<typeof outageProxy>;
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  db = await pgTestDatabase();
  proxy = outageProxy(new URL(db.url));
  await proxy.up();
  const viaProxy = new URL(db.url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  database = await openDatabase({ databaseUrl: viaProxy.toString(), poolSize: 3 });
  app = await buildApp({
    services: { database, config: testConfig(), mailQueued: () => {} },
    logger: false,
    serveWeb: false,
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await proxy.down().catch(() => {});
  await database.close().catch(() => {});
  await db.drop();
});

describe("the database goes away and comes back", () => {
  it("answers 503 problem+json with Retry-After while it is away, and recovers by itself", async () => {
    const user = await createUser(database);
    const guest = new Client(app);
    const member = await signedIn({ app } as Parameters<typeof signedIn>[0], user);
    expect((await guest.get("/api/health/ready")).json()).toEqual({ status: "ready" });
    expect((await guest.get("/api/measures")).statusCode).toBe(200);

    await proxy.down();
    // A burst of requests under the outage: reads, a signed-in request (its session is looked up in the
    // database before the route runs) and readiness — none is a 500.
    const burst = await Promise.all([
      ...Array.from({ length: 8 }, () => guest.get("/api/measures")),
      ...Array.from({ length: 4 }, () => member.get("/api/me")),
      guest.get("/api/health/ready"),
    ]);
    for (const res of burst) {
      expect(res.statusCode).toBe(503);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(res.headers["retry-after"]).toBe("5");
      expect(res.json()).toMatchObject({ status: 503, type: "/problems/unavailable" });
    }
    expect(burst[0]?.json().title).toBe("Сервис временно недоступен");
    const en = await new Client(app, "en").get("/api/measures");
    expect(en.json().title).toBe("The service is temporarily unavailable");
    // Liveness does not ask the database: the process is fine, only not ready.
    expect((await guest.get("/api/health")).statusCode).toBe(200);

    await proxy.up();
    await expect
      .poll(async () => (await guest.get("/api/measures")).statusCode, { timeout: 15_000, interval: 200 })
      .toBe(200);
    expect((await member.get("/api/me")).json().user.email).toBe(user.email);
    expect((await guest.get("/api/health/ready")).statusCode).toBe(200);
  });
});
