import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { desc, eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { buildApp } from "../app.js";
import { type Config, loadConfig } from "../core/config.js";
import { type Database, openDatabase } from "../core/db.js";
import { JobQueue, type QueuedJob } from "../core/jobs.js";
import { mailOutbox } from "../core/mail.schema.js";
import { installModules, queuedJobsOf } from "../core/module.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { hashPassword } from "../modules/accounts/passwords.js";
import { MODULES } from "../modules/index.js";
import { newSigningKey } from "../modules/ipregistry/ipregistry.log.js";

/** The modules' rules, messages, templates and kinds, as an app installs them (for tests that call services directly). */
export const installAllModules = () => installModules(MODULES);

/** A fresh, migrated database for one test file (a copy of the run's template). */
export async function testDatabase(): Promise<Database> {
  installAllModules();
  const t = inject("dbTemplate");
  if (t.kind === "pglite") {
    const data = fs.readFileSync(t.file);
    return openDatabase({ loadDataDir: new Blob([data]) });
  }
  const { url, drop } = await pgTestDatabase();
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  const close = database.close;
  database.close = async () => {
    await close();
    await drop();
  };
  return database;
}

/** A fresh, migrated PostgreSQL database cloned from the run's template (`npm run test:pg` only). */
export async function pgTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const t = inject("dbTemplate");
  if (t.kind !== "pg") throw new Error("this test needs PostgreSQL: run it with npm run test:pg");
  const name = `ic_t_${t.template.split("_").pop()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: t.serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${t.template}`);
  await admin.end();
  const url = new URL(t.serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: t.serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Files written by a test run's apps go to one temporary folder, never into the repository. */
const testDataDir = path.join(os.tmpdir(), `innocluster-test-${process.pid}`);

/** The settings production requires (over testConfig's), for tests of the production behaviour. */
export const PRODUCTION_ENV = {
  NODE_ENV: "production",
  SESSION_SECRET: "x".repeat(40),
  IPLOG_SIGNING_KEY: newSigningKey(),
} as const;

export const testConfig = (env: Record<string, string> = {}): Config =>
  loadConfig({
    NODE_ENV: "test",
    PUBLIC_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
    DATA_DIR: testDataDir,
    ...env,
  });

/** Starts a test app's job queue for real (pg-boss on its database), polling often and retrying at once. */
export async function startTestJobs(t: TestApp) {
  const s = t.app.services;
  await s.jobs.start({
    database: t.database,
    config: t.config,
    storage: s.storage,
    scheduled: [],
    mailQueued: s.mailQueued,
    log: { info: () => {}, error: () => {} },
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 1,
  });
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  mailQueued: number;
  close(): Promise<void>;
  /** Runs the jobs requests sent (the queue is not started in tests unless one starts it). */
  runJobs(): Promise<number>;
}

export async function testApp(
  env: Record<string, string> = {},
  opts: { queued?: readonly QueuedJob<never>[] } = {},
): Promise<TestApp> {
  const database = await testDatabase();
  const config = testConfig(env);
  const t: TestApp = {
    database,
    config,
    mailQueued: 0,
    app: undefined as unknown as FastifyInstance,
    async close() {
      await t.app.services.jobs.stop();
      await t.app.close();
      await database.close();
    },
    async runJobs() {
      const s = t.app.services;
      const mails = await s.jobs.runHeld({ db: database.db, config, storage: s.storage });
      if (mails) s.mailQueued();
      return mails;
    },
  };
  t.app = await buildApp({
    services: {
      database,
      config,
      mailQueued: () => void t.mailQueued++,
      jobs: new JobQueue([...queuedJobsOf(MODULES), ...(opts.queued ?? [])]),
    },
    logger: false,
    serveWeb: false,
  });
  await t.app.ready();
  return t;
}

/**
 * The app of a test file: `const t = testAppForFile();` builds it before the file's tests (`testApp(env, opts)`)
 * and closes it after them; `t` reads through to the app built.
 */
export function testAppForFile(...args: Parameters<typeof testApp>): TestApp {
  let built: TestApp | undefined;
  beforeAll(async () => {
    built = await testApp(...args);
  });
  afterAll(() => built?.close());
  const app = () => {
    if (!built) throw new Error("the test app is built in beforeAll");
    return built;
  };
  return new Proxy({} as TestApp, {
    get: (_, key) => Reflect.get(app(), key),
    set: (_, key, value) => Reflect.set(app(), key, value),
  });
}

let ipCounter = 0;

type Res = LightMyRequestResponse & { body: string };

/** A browser-like client over app.inject: keeps its cookies, has its own IP, speaks one language. */
export class Client {
  cookies = new Map<string, string>();
  readonly ip: string;
  constructor(
    private readonly app: FastifyInstance,
    public lang = "ru",
    ip?: string,
  ) {
    ipCounter++;
    this.ip = ip ?? `10.${(process.pid >> 8) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
  }

  async request(
    method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: { "accept-language": this.lang, ...(cookie ? { cookie } : {}), ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now()) || c.value === "";
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res as Res;
  }
  get = (url: string, headers?: Record<string, string>) => this.request("GET", url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request("POST", url, body ?? {}, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request("PATCH", url, body ?? {}, headers);
  put = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request("PUT", url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request("DELETE", url, undefined, headers);
  /** Signs in with the user's e-mail and a password (the test users' one unless given). */
  signIn = (user: { email: string }, password: string = TEST_PASSWORD) =>
    this.post("/api/auth/signin", { email: user.email, password });
}

export const TEST_PASSWORD = "Correct-Horse-42";
let testHash: Promise<string> | undefined;

/** Factory: a confirmed user (unless told otherwise) with TEST_PASSWORD. */
export async function createUser(
  db: Database,
  o: {
    email?: string;
    fullName?: string;
    role?: "admin" | "operator" | "expert" | "user";
    confirmed?: boolean;
    locale?: "ru" | "en";
  } = {},
) {
  testHash ??= hashPassword(TEST_PASSWORD);
  const [u] = await db.db
    .insert(users)
    .values({
      email: o.email ?? `user-${randomBytes(5).toString("hex")}@example.ru`,
      fullName: o.fullName ?? "Петров Пётр Петрович",
      role: o.role ?? "user",
      locale: o.locale ?? "ru",
      passwordHash: await testHash,
      emailConfirmedAt: o.confirmed === false ? null : new Date(),
    })
    .returning();
  return u!;
}

/** Signs a new client in as the given user. */
export async function signedIn(t: TestApp, user: { email: string }, lang = "ru", ip?: string) {
  const c = new Client(t.app, lang, ip);
  const res = await c.signIn(user);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return c;
}

export async function mailsTo(db: Database, to: string) {
  return db.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.createdAt));
}

/** The token of the newest link mailed to an address (confirmation or reset). */
export async function tokenFromMail(db: Database, to: string, path: "/confirm" | "/reset") {
  const [m] = await mailsTo(db, to);
  const match = m?.text.match(new RegExp(`${path}\\?token=([\\w%-]+)`));
  if (!match) throw new Error(`no ${path} link mailed to ${to}`);
  return decodeURIComponent(match[1]!);
}

/** Solves the proof-of-work challenge of a 428 challenge-required answer, as the web app does. */
export async function solveFrom(res: { json(): unknown }): Promise<string> {
  const { challenge } = res.json() as { challenge: Challenge };
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("challenge not solved");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

/** A multipart/form-data body with one file part (what a browser's FormData upload sends). */
export function multipartFile(data: Buffer, filename: string, type: string, field = "file") {
  const boundary = `----innocluster${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
