// `npm run perf:web`: Largest Contentful Paint of the public pages, measured in headless Chromium.
// Builds the web app and the server if their sources changed, starts the compiled server on a fresh,
// seeded PGlite folder, and loads home, the directory, an organization's page, the navigator and a
// measure's page with a cold cache, on localhost and under Slow 4G emulation (Chrome DevTools
// Protocol: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower). Prints the median of
// `--runs` loads (default 3) and exits 1 when a page misses the aim (1.0 s / 2.5 s) with `--check`.
//
//   npm run perf:web [-- --runs 5] [-- --only localhost|slow4g] [-- --check]
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { buildServer } from "./build-server.mjs";
import { buildWeb } from "./build-web.mjs";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    only: { type: "string" },
    check: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const CONDITIONS = [
  { name: "localhost", aimMs: 1000 },
  {
    name: "slow4g",
    aimMs: 2500,
    network: {
      offline: false,
      latency: 150,
      downloadThroughput: 1_600_000 / 8,
      uploadThroughput: 750_000 / 8,
    },
    cpuSlowdown: 4,
  },
];

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** The compiled server (as `npm start` runs it) on a free port and a fresh PGlite folder, demo-seeded. */
async function startServer() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "innocluster-perf-"));
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  const child = spawn(process.execPath, ["dist/server/main.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      NODE_ENV: "development",
      LOG_LEVEL: "warn",
      RATE_LIMIT: "off",
      // as in production: the development mailbox would give a guest on this machine a staff menu
      DEV_MAILBOX: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${out}`);
    try {
      const r = await fetch(`${url}/api/health/ready`);
      // the web app may still be building in a fresh checkout: wait for its page too
      if (r.ok && (await fetch(url)).status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start in 180 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The pages to measure; an organization and a measure are taken from the seeded data. */
async function pagesOf(url) {
  const dir = await (await fetch(`${url}/api/directory?pageSize=1`)).json();
  const measures = await (await fetch(`${url}/api/measures?pageSize=1`)).json();
  const orgId = dir.items?.[0]?.id;
  const measureId = measures.items?.[0]?.id;
  if (!orgId || !measureId) throw new Error("the seeded data has no organization or measure");
  return [
    { name: "home", path: "/" },
    { name: "directory", path: "/directory" },
    { name: "organization", path: `/directory/${orgId}` },
    { name: "navigator", path: "/measures" },
    { name: "measure", path: `/measures/${measureId}` },
  ];
}

// Collected in the page: the last LCP candidate, first contentful paint, bytes of script on the wire.
const OBSERVE = `
  window.__perf = { lcp: 0, fcp: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.__perf.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
`;

/** One cold load (a new browser context: empty cache and cookies) of a page; times in ms. */
async function loadOnce(browser, url, condition) {
  const context = await browser.newContext({ locale: "ru-RU", viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const cdp = await context.newCDPSession(page);
  if (condition.network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", condition.network);
  }
  if (condition.cpuSlowdown)
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: condition.cpuSlowdown });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForLoadState("networkidle", { timeout: 120_000 });
  // the main content is on the screen (a page's heading), and LCP has had a frame to settle
  await page.locator("main h1").first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(condition.network ? 1000 : 300);
  const result = await page.evaluate(() => {
    const scripts = performance
      .getEntriesByType("resource")
      .filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"));
    return {
      ...window.__perf,
      jsBytes: scripts.reduce((n, e) => n + e.transferSize, 0),
      jsFiles: scripts.length,
    };
  });
  await context.close();
  return result;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium)`);
  if (!args["no-build"]) await Promise.all([buildWeb(), buildServer()]);
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const misses = [];
  try {
    const pages = await pagesOf(server.url);
    // one warm-up load, so the server's first queries (cold caches, JIT) do not count
    await loadOnce(browser, `${server.url}/`, CONDITIONS[0]);
    for (const condition of CONDITIONS.filter((c) => !args.only || c.name === args.only)) {
      console.log(
        `\n${condition.name}: median of ${RUNS} cold loads (aim: LCP ≤ ${condition.aimMs / 1000} s)`,
      );
      console.log("  page           LCP       FCP    JS on the wire");
      for (const p of pages) {
        const runs = [];
        for (let i = 0; i < RUNS; i++)
          runs.push(await loadOnce(browser, `${server.url}${p.path}`, condition));
        const lcp = median(runs.map((r) => r.lcp));
        const fcp = median(runs.map((r) => r.fcp));
        const js = median(runs.map((r) => r.jsBytes));
        const miss = lcp > condition.aimMs;
        if (miss) misses.push(`${condition.name} ${p.name}: LCP ${(lcp / 1000).toFixed(2)} s`);
        console.log(
          `  ${p.name.padEnd(13)} ${(lcp / 1000).toFixed(2).padStart(5)} s  ${(fcp / 1000).toFixed(2).padStart(5)} s  ${(js / 1000).toFixed(0).padStart(5)} kB in ${median(runs.map((r) => r.jsFiles))} files${miss ? "  (misses the aim)" : ""}`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  if (misses.length) {
    console.log(`\nMissing the aim: ${misses.join("; ")}`);
    if (args.check) process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
