// Needs a PostgreSQL server: runs in `npm run test:pg`.
//
// Two real app servers — the compiled `dist/server/main.mjs` that `npm start` runs, two processes on two
// ports — started at the same moment on one EMPTY PostgreSQL database, as a rolling deploy or a
// scale-out does: one migrates while the other waits on the lock, both come up, both schedule the same
// jobs (once in the database), a session made on one works on the other, and both stop cleanly on SIGTERM.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "./core/db.js";
import { createUser, installAllModules, TEST_PASSWORD } from "./test/helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

interface Proc {
  url: string;
  child: ChildProcess;
  output: () => string;
}

async function spawnServer(databaseUrl: string, dataDir: string): Promise<Proc> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  const child = spawn(process.execPath, ["--enable-source-maps", "dist/server/main.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      NODE_ENV: "development",
      DEV_MAILBOX: "off",
      SEED: "never",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (d: Buffer) => {
    out += d.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return { url, child, output: () => out };
}

async function ready(p: Proc) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (p.child.exitCode !== null) throw new Error(`server exited early:\n${p.output()}`);
    const ok = await fetch(`${p.url}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`server not ready in 45 s:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const stop = async (p: Proc) => {
  if (p.child.exitCode !== null) return p.child.exitCode;
  const exited = new Promise<number | null>((r) => p.child.once("exit", (code) => r(code)));
  p.child.kill("SIGTERM");
  return exited;
};

let admin: string;
let dbName: string;
let databaseUrl: string;
let dataDir: string;
let servers: Proc[] = [];
let database: Database | undefined;
let startedIn = 0;

beforeAll(async () => {
  // The compiled server, as `npm start` builds it (nothing to do when the sources did not change).
  const build = spawnSync(process.execPath, ["scripts/build-server.mjs"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the server build failed:\n${build.stdout}${build.stderr}`);

  const t = inject("dbTemplate");
  if (t.kind !== "pg") throw new Error("this test needs PostgreSQL: run it with npm run test:pg");
  admin = t.serverUrl;
  dbName = `ic_two_${randomBytes(4).toString("hex")}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${dbName}`); // empty: the servers migrate it
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "innocluster-two-"));

  const t0 = Date.now();
  servers = await Promise.all([0, 1].map((i) => spawnServer(databaseUrl, path.join(dataDir, String(i)))));
  await Promise.all(servers.map(ready));
  startedIn = Date.now() - t0;
  installAllModules();
  database = await openDatabase({ databaseUrl, poolSize: 2 });
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map(stop));
  await database?.close();
  if (dbName) {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("two app server processes started together on one empty PostgreSQL database", () => {
  it("both come up: one migrated while the other waited, and the jobs are scheduled once", async () => {
    const [a, b] = servers as [Proc, Proc];
    expect(a.url).not.toBe(b.url);
    expect(startedIn).toBeLessThan(45_000);
    const migrations = await database!.rawQuery<{ n: number }>(
      "select count(*)::int as n from drizzle.__drizzle_migrations",
    );
    const files = fs
      .readdirSync(path.join(ROOT, "src/server/db/migrations"))
      .filter((f) => f.endsWith(".sql"));
    expect(migrations[0]?.n).toBe(files.length);
    const schedules = await database!.rawQuery<{ name: string; n: number }>(
      "select name, count(*)::int as n from pgboss.schedule group by name",
    );
    expect(schedules.map((s) => s.name)).toEqual(expect.arrayContaining(["mail.clean-up", "files.clean-up"]));
    for (const s of schedules) expect(s.n).toBe(1);
  });

  it("a session made on one process works on the other", async () => {
    const [a, b] = servers as [Proc, Proc];
    const user = await createUser(database!);
    const signin = await fetch(`${a.url}/api/auth/signin`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(signin.status).toBe(200);
    const cookie = signin.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const me = await fetch(`${b.url}/api/me`, { headers: { cookie } });
    expect((await me.json()).user?.email).toBe(user.email);
  });

  it("each stops cleanly on SIGTERM", async () => {
    const codes = await Promise.all(servers.map(stop));
    expect(codes).toEqual([0, 0]);
  });
});
