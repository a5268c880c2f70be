import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../shared/constants.js";
import { PROBLEM_CODES } from "../shared/problems.js";
import { messages } from "./core/i18n.js";
import { ROOT } from "./core/paths.js";
import { installAllModules } from "./test/helpers.js";

installAllModules();

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [file] : [];
  });

describe("problem codes", () => {
  it("every registered code has a title in every language", () => {
    for (const locale of LOCALES) {
      const missing = PROBLEM_CODES.filter((code) => !messages[locale][`problem.${code}`]);
      expect(missing, `problem titles missing in ${locale}`).toEqual([]);
    }
  });

  it("every code the server and the web use is registered, and listed once", () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    const registered = new Set<string>(PROBLEM_CODES);
    const used = new Set<string>();
    const patterns = [
      /AppError\(\s*[\w.]+\s*,\s*"([a-z0-9-]+)"/g, // new AppError(409, "inn-taken"…)
      /problem\(\s*req\s*,\s*\w+\s*,\s*"([a-z0-9-]+)"/g, // problem(req, 404, "route-not-found")
      /\.is\("([a-z0-9-]+)"\)/g, // the web's ApiError.is("…")
      /\/problems\/([a-z0-9-]+)/g,
    ];
    for (const file of [...sources(path.join(ROOT, "src/server")), ...sources(path.join(ROOT, "src/web"))]) {
      const text = fs.readFileSync(file, "utf8");
      for (const re of patterns) for (const m of text.matchAll(re)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((code) => !registered.has(code))).toEqual([]);
  });
});
