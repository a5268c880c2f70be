// The web app's bundle budget: for each public page, the gzip size of the JavaScript a browser needs
// before that page's first paint — the entry with its static imports, plus the page's lazy chunk with
// its static imports — read from Vite's manifest (`build.manifest`). scripts/build-web.mjs runs it
// after every build and fails the build when a page is over budget.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** The aim: 150 kB (1 kB = 1000 bytes) of gzip-compressed JavaScript before a public page's first paint. */
export const BUDGET_BYTES = 150_000;

/**
 * The public pages and the module each one renders (a key of the manifest: a path under src/web).
 * A new public page is added here, so the build keeps its first screen within the budget.
 *
 * `ceiling`: a page not yet within the 150 kB aim (React, React Router, i18next and TanStack Query alone
 * are ~120 kB; see README › Performance) fails the build above its ceiling — today's size with about
 * 1 kB of room — and the report names the aim. Lower a ceiling when a page gets lighter; a page within
 * the aim has none (home), and the aim is enforced for it.
 */
// Raised 0.1–0.3 kB on 2026-12-07 (README › Performance, note ⁶): the charts' library shares one Mantine
// hook with the input fields, which Rolldown now emits as a chunk of its own, and the entry gained the
// routes of the clusters, the cluster in numbers, the grants and the participants' reports.
export const PUBLIC_PAGES = [
  { name: "home", path: "/", module: "features/home/HomePage.tsx" },
  { name: "directory", path: "/directory", module: "features/directory/DirectoryPage.tsx", ceiling: 176_700 },
  {
    name: "organization",
    path: "/directory/:id",
    module: "features/directory/OrganizationPublicPage.tsx",
    // +0.1 kB: the entry's routes and links of the pilots' operator queue and the projects, and the page's
    // one lazy chunk below the fold with the company's pilots and projects
    ceiling: 168_600,
  },
  { name: "navigator", path: "/measures", module: "features/measures/NavigatorPage.tsx", ceiling: 181_500 },
  { name: "measure", path: "/measures/:id", module: "features/measures/MeasurePage.tsx", ceiling: 168_500 },
  // the exchanges' public pages (the kinds, a kind's catalog, a listing) share one chunk
  {
    name: "exchanges",
    path: "/exchanges/:kind",
    module: "features/listings/pages.public.ts",
    // +0.3 kB: Moscow's okrugs and districts (src/shared/moscow.ts) are a chunk shared with the pilot sites;
    // +0.2 kB: the header's links to the pilot sites and the teams (every page's entry)
    ceiling: 195_900,
  },
  // the challenges' public pages (the catalog, a challenge) share one chunk; the industry and technology
  // facets and the cards' topics need the shared vocabulary's labels (OKVED sections, tags), and the
  // criteria are a list, not Mantine's Table (whose scroll container brings ScrollArea and floating-ui)
  {
    name: "challenges",
    path: "/challenges",
    module: "features/challenges/pages.public.ts",
    ceiling: 183_700,
  },
  // the pilot sites' public pages (the catalog, a site) share one chunk
  {
    name: "pilot-sites",
    path: "/pilot-sites",
    module: "features/pilots/pages.public.ts",
    ceiling: 163_600,
  },
  // the projects' public pages (the catalog, a project) share one chunk. Not within the aim, as no
  // catalog is: the shared catalog blocks (facets, the phone's filter drawer) and the OKVED and tag
  // labels are ~35 kB over the shell; the managers' and partners' panels are in the signed-in chunk
  {
    name: "projects",
    path: "/projects",
    module: "features/projects/pages.public.ts",
    ceiling: 186_900,
  },
  // the cluster in numbers: its figures and tables; the charts (@mantine/charts on recharts) are a lazy chunk
  { name: "numbers", path: "/numbers", module: "features/numbers/NumbersPage.tsx" },
  // the open data: the catalogue of the data sets, plain elements (a table, <details>), within the aim
  { name: "open-data", path: "/open-data", module: "features/opendata/OpenDataPage.tsx" },
  // the grants' public pages (the programs, a program) share one chunk; its ceiling has ~0.5 kB of room
  // (the server-rendered program page and the reports' timeline labels came in the same day)
  {
    name: "grants",
    path: "/grants",
    module: "features/grants/publicPages.ts",
    ceiling: 155_400,
  },
  // the news (list and article), the events (catalog and event page) and the IP register (register and
  // receipt check) came with issue 15, not yet within the aim; the events' registration and mission form
  // is a lazy chunk of its own, loaded for signed-in readers only (208.2 → 204.8 kB)
  { name: "news", path: "/news", module: "features/news/pages.public.ts", ceiling: 159_200 },
  { name: "events", path: "/events", module: "features/events/publicPages.ts", ceiling: 205_100 },
  {
    name: "ip-register",
    path: "/ipregistry",
    module: "features/ipregistry/publicPages.tsx",
    ceiling: 157_500,
  },
  // the receipt verifier, a chunk of its own since its hashing (src/shared/merkle.ts) and file field
  // left the register's first load
  {
    name: "ip-verify",
    path: "/ipregistry/verify",
    module: "features/ipregistry/VerifyPage.tsx",
    ceiling: 157_900,
  },
];

/**
 * The files a module needs before it runs: itself and its static imports, transitively (dynamic
 * imports are left out: they load later). Returns JS files and CSS files, each once.
 */
export function staticClosure(manifest, key, seen = new Set()) {
  const js = [];
  const css = [];
  const visit = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    const chunk = manifest[k];
    if (!chunk) throw new Error(`${k} is not in the build's manifest`);
    for (const imported of chunk.imports ?? []) visit(imported);
    if (chunk.file.endsWith(".js")) js.push(chunk.file);
    for (const c of chunk.css ?? []) css.push(c);
  };
  visit(key);
  return { js, css };
}

/** The entry of the app: the manifest's one `isEntry` chunk (index.html). */
export function entryKey(manifest) {
  const keys = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  if (keys.length !== 1) throw new Error(`expected one entry in the manifest, found ${keys.length}`);
  return keys[0];
}

/**
 * For every page: the JS and CSS it needs at first paint and their gzip sizes. `sizeOf(file)` gives
 * the gzip size of a built file (a path relative to the build folder).
 */
export function measurePages(manifest, pages, sizeOf) {
  const entry = entryKey(manifest);
  return pages.map((page) => {
    const seen = new Set();
    const first = staticClosure(manifest, entry, seen);
    if (!manifest[page.module])
      throw new Error(`${page.name}: ${page.module} is not in the build's manifest`);
    const own = staticClosure(manifest, page.module, seen);
    const js = [...first.js, ...own.js];
    const css = [...new Set([...first.css, ...own.css])];
    const sum = (files) => files.reduce((n, f) => n + sizeOf(f), 0);
    return { ...page, js, css, jsBytes: sum(js), cssBytes: sum(css) };
  });
}

/** A page's limit: its ceiling while it has one, else the budget. */
export const limitOf = (page, budget = BUDGET_BYTES) => page.ceiling ?? budget;

/** The pages over their limit, as sentences; empty when all are within it. */
export function overBudget(rows, budget = BUDGET_BYTES) {
  return rows
    .filter((r) => r.jsBytes > limitOf(r, budget))
    .map(
      (r) =>
        `${r.name} (${r.path}) needs ${kb(r.jsBytes)} of gzip JavaScript at first paint, over its limit of ${kb(limitOf(r, budget))}`,
    );
}

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** gzip size of a file, level 9 (what the build ships as .gz). */
export function gzipSizeOf(dir) {
  const cache = new Map();
  return (file) => {
    let n = cache.get(file);
    if (n === undefined) {
      n = zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length;
      cache.set(file, n);
    }
    return n;
  };
}

/**
 * The report: a line per page, then what the largest first-paint chunks are made of (from
 * .vite/modules.json, written by vite.config.ts), so a regression names its module.
 */
export function formatReport(rows, { budget = BUDGET_BYTES, sizeOf, modules = {} } = {}) {
  const lines = [
    `Initial JavaScript per public page (gzip; aim ${kb(budget)}; the build fails over a page's limit):`,
  ];
  for (const r of rows) {
    const limit = limitOf(r, budget);
    const mark =
      r.jsBytes > limit
        ? "  OVER ITS LIMIT"
        : r.jsBytes > budget
          ? `  over the aim (limit ${kb(limit)})`
          : "";
    lines.push(
      `  ${r.name.padEnd(13)} ${r.path.padEnd(15)} JS ${kb(r.jsBytes).padStart(9)} in ${String(r.js.length).padStart(2)} files, CSS ${kb(r.cssBytes).padStart(8)}${mark}`,
    );
  }
  const files = [...new Set(rows.flatMap((r) => r.js))];
  if (sizeOf) {
    lines.push("", "First-paint chunks (gzip) and their largest modules (minified bytes):");
    for (const f of files.sort((a, b) => sizeOf(b) - sizeOf(a))) {
      const top = (modules[path.basename(f)] ?? modules[f] ?? [])
        .slice(0, 4)
        .map((m) => `${m.module.replace(/^.*node_modules\//, "")} ${(m.bytes / 1000).toFixed(1)}k`);
      lines.push(`  ${kb(sizeOf(f)).padStart(9)} ${f}${top.length ? `  — ${top.join(", ")}` : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
