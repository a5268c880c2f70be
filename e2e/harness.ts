import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

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

export interface Server {
  url: string;
  dataDir: string;
  output: () => string;
  /**
   * Stops the server, runs `change` on its database (PGlite is one process's: the test may write to it
   * only while the server is down), and starts it again on the same address and data — the browsers'
   * sessions stay valid. For what the UI must not do, such as time passing.
   */
  whileStopped(change: (query: Query) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** A statement on the stopped server's database: its rows. */
export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Starts the real server — compiled, as `npm start` runs it (`dist/server/main.mjs`, built by
 * `npm run test:e2e`) — on a free port with a fresh, seeded PGlite folder. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "innocluster-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  const launch = async () => {
    const child: ChildProcess = spawn(process.execPath, ["--enable-source-maps", "dist/server/main.mjs"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        PUBLIC_URL: url,
        NODE_ENV: "development",
        LOG_LEVEL: "warn",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const deadline = Date.now() + 160_000; // a loaded 2-core machine seeds slowly
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
      try {
        const r = await fetch(`${url}/api/health`);
        if (r.ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`server did not start in 160 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return child;
  };
  const halt = async (child: ChildProcess) => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  let child = await launch();
  return {
    url,
    dataDir,
    output: () => out,
    async whileStopped(change) {
      await halt(child);
      try {
        // loaded here: only the tests that change the data while the server is down pay for PGlite
        const { openDatabase } = await import("../src/server/core/db.js");
        const { acquireDataDirLock } = await import("../src/server/core/lock.js");
        const release = acquireDataDirLock(dataDir);
        const database = await openDatabase({ dataDir });
        try {
          await change((sql, params) => database.rawQuery(sql, params));
        } finally {
          await database.close();
          release();
        }
      } finally {
        child = await launch();
      }
    },
    async stop() {
      await halt(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** axe-core on the current page: no serious or critical violation (WCAG 2.x A/AA rules). */
export async function expectAccessible(page: Page, label: string) {
  // From the top of the page: axe counts a target the sticky header happens to cover at the current
  // scroll position as too small, so what it reports would depend on where the last action scrolled.
  await page.evaluate(() => window.scrollTo(0, 0));
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** The demo accounts' password (src/server/seed). */
export const DEMO_PASSWORD = "Innocluster-demo-2026";

/**
 * A server on a fresh data folder and a browser for one test file: started before its tests, stopped
 * after them. Read `env.server` and `env.browser` inside the tests.
 */
export function serverAndBrowser(extraEnv: () => Record<string, string> = () => ({})): {
  server: Server;
  browser: Browser;
} {
  const env = {} as { server: Server; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer(extraEnv());
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** A new Russian-language browser context signed in as a demo account (desktop unless told otherwise). */
export async function signInAs(
  env: { server: Server; browser: Browser },
  email: string,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const ctx = await env.browser.newContext({ locale: "ru-RU", viewport });
  const page = await ctx.newPage();
  await page.goto(`${env.server.url}/signin`);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(/\/(cabinet|desk)$/);
  return page;
}

/** What the registration helper types into the new-organization form (a legal entity). */
export interface NewOrganization {
  inn: string;
  ogrn: string;
  kpp: string;
  fullName: string;
  shortName: string;
  address: string;
}

/**
 * Registers a legal entity through the form's steps (identifiers → about → contacts → review), the
 * region as the INN gives it, running axe on each step when `check` is given; stops before the final
 * click when `submit` is false. The page must be on /organizations/new.
 */
export async function registerOrganization(
  page: Page,
  org: NewOrganization,
  opts: { check?: boolean; submit?: boolean } = {},
) {
  const next = () => page.getByRole("button", { name: "Далее", exact: true }).click();
  await page.getByRole("radio", { name: "Юридическое лицо" }).check();
  await page.getByRole("textbox", { name: "ИНН", exact: true }).fill(org.inn);
  await page.getByRole("textbox", { name: "ОГРН", exact: true }).fill(org.ogrn);
  await page.getByRole("textbox", { name: "КПП", exact: true }).fill(org.kpp);
  if (opts.check) await expectAccessible(page, "registration: identifiers");
  await next();
  await page.getByRole("heading", { name: /^Шаг 2 из 4/ }).waitFor();
  await page.getByRole("textbox", { name: "Полное наименование", exact: true }).fill(org.fullName);
  await page.getByRole("textbox", { name: "Краткое наименование", exact: true }).fill(org.shortName);
  await page.getByRole("textbox", { name: "Юридический адрес", exact: true }).fill(org.address);
  if (opts.check) await expectAccessible(page, "registration: about");
  await next();
  await page.getByRole("heading", { name: /^Шаг 3 из 4/ }).waitFor();
  if (opts.check) await expectAccessible(page, "registration: contacts");
  await next();
  await page.getByRole("heading", { name: /^Шаг 4 из 4/ }).waitFor();
  if (opts.check) await expectAccessible(page, "registration: review");
  if (opts.submit !== false) await page.getByRole("button", { name: "Зарегистрировать организацию" }).click();
}

/** A deterministic generator, so the identifiers are valid and the same on every run. */
export function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A one-page PDF, for the documents the forms take. */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

/** Picks a PDF named `name` in the file chooser that `click` opens. */
export async function uploadPdf(page: Page, click: () => Promise<void>, name: string) {
  const chooser = page.waitForEvent("filechooser");
  await click();
  await (await chooser).setFiles({ name, mimeType: "application/pdf", buffer: PDF });
}

/** Ticks the four declarations of the grant application form. */
export async function declareForGrant(page: Page) {
  for (const d of [
    "У организации нет просроченной задолженности по налогам и сборам",
    "Организация не находится в процессе ликвидации, реорганизации или банкротства",
    "На те же затраты не получена поддержка из бюджета города Москвы по другим программам",
    "Сведения в заявке и приложенные документы достоверны",
  ])
    await page.getByRole("checkbox", { name: d }).check();
}
