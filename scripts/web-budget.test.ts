import { describe, expect, it } from "vitest";
import { type Manifest, measurePages, overBudget, PUBLIC_PAGES } from "./web-budget.mjs";

// A build's manifest in miniature: the entry, a shared chunk, two lazy pages and a lazy dialog.
const manifest: Manifest = {
  "index.html": { file: "assets/index.js", isEntry: true, imports: ["_react.js"], css: ["assets/index.css"] },
  "_react.js": { file: "assets/react.js" },
  "_mantine.js": { file: "assets/mantine.js", imports: ["_react.js"] },
  "features/home/HomePage.tsx": { file: "assets/HomePage.js", imports: ["index.html", "_mantine.js"] },
  "features/big/BigPage.tsx": {
    file: "assets/BigPage.js",
    imports: ["index.html", "_mantine.js"],
    dynamicImports: ["features/big/Dialog.tsx"],
  },
  "features/big/Dialog.tsx": { file: "assets/Dialog.js", imports: ["_react.js"] },
};
const SIZES: Record<string, number> = {
  "assets/index.js": 20_000,
  "assets/react.js": 60_000,
  "assets/mantine.js": 40_000,
  "assets/HomePage.js": 5_000,
  "assets/BigPage.js": 45_000,
  "assets/Dialog.js": 500_000,
  "assets/index.css": 30_000,
};
const sizeOf = (f: string) => SIZES[f] ?? 0;
const pages = [
  { name: "home", path: "/", module: "features/home/HomePage.tsx" },
  { name: "big", path: "/big", module: "features/big/BigPage.tsx" },
];

describe("the web app's bundle budget", () => {
  it("counts the entry, the page and their static imports once each, not what the page loads later", () => {
    const [home, big] = measurePages(manifest, pages, sizeOf);
    expect(home?.js.sort()).toEqual([
      "assets/HomePage.js",
      "assets/index.js",
      "assets/mantine.js",
      "assets/react.js",
    ]);
    expect(home?.jsBytes).toBe(125_000);
    expect(home?.cssBytes).toBe(30_000);
    expect(big?.jsBytes).toBe(165_000);
  });

  it("fails a page over 150 kB and passes one within it", () => {
    const rows = measurePages(manifest, pages, sizeOf);
    expect(overBudget(rows)).toEqual([
      "big (/big) needs 165.0 kB of gzip JavaScript at first paint, over its limit of 150.0 kB",
    ]);
    expect(overBudget(rows.filter((r) => r.name === "home"))).toEqual([]);
  });

  it("holds a page with a ceiling to its ceiling instead", () => {
    const rows = measurePages(manifest, [{ ...pages[1]!, ceiling: 160_000 }], sizeOf);
    expect(overBudget(rows)).toHaveLength(1);
    expect(overBudget(measurePages(manifest, [{ ...pages[1]!, ceiling: 170_000 }], sizeOf))).toEqual([]);
  });

  it("refuses a public page the build does not have", () => {
    expect(() =>
      measurePages(manifest, [{ name: "x", path: "/x", module: "features/x/X.tsx" }], sizeOf),
    ).toThrow(/not in the build's manifest/);
  });

  it("lists every public page the issue names, then the exchanges' catalogs, the challenges, the pilot sites, the projects, the cluster in numbers, the open data, the grants, the news, the events and the IP register", () => {
    expect(PUBLIC_PAGES.map((p) => p.name)).toEqual([
      "home",
      "directory",
      "organization",
      "navigator",
      "measure",
      "exchanges",
      "challenges",
      "pilot-sites",
      "projects",
      "numbers",
      "open-data",
      "grants",
      "news",
      "events",
      "ip-register",
      "ip-verify",
    ]);
  });

  it("holds home, the cluster in numbers and the open data to the 150 kB aim itself, and each other page to a ceiling until it gets there", () => {
    const withinAim = ["home", "numbers", "open-data"];
    for (const name of withinAim)
      expect(PUBLIC_PAGES.find((p) => p.name === name)?.ceiling, name).toBeUndefined();
    for (const page of PUBLIC_PAGES.filter((p) => !withinAim.includes(p.name)))
      expect(page.ceiling, page.name).toBeGreaterThan(150_000);
  });
});
