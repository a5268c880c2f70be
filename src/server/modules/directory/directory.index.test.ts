// Property test: the directory's search over the in-memory index answers exactly as its SQL statements
// (with every count exact) for many random requests over the demo data: the same total, the same facet
// counts, the same page in the same order with the same relevance.

import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, rows } from "../../core/db.js";
import { generation } from "../../core/search.js";
import { seed } from "../../seed/index.js";
import { testDatabase } from "../../test/helpers.js";
import { DirectoryQuery } from "./directory.contract.js";
import { FACETS, indexedDirectorySearch, sqlDirectorySearch } from "./directory.service.js";

let database: Database;
const values = new Map<string, string[]>();
let words: string[] = [];
type Org = Record<string, string | string[] | null> & { name: string };
let orgs: Org[] = [];

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
  const column: Record<string, string> = {
    region: "region_code",
    status: "status::text",
    type: "type::text",
    sme: "sme_category",
    okved: "unnest(okved_sections)",
    tag: "unnest(tags)",
  };
  for (const f of FACETS) {
    const found = await rows<{ v: string }>(
      database.db,
      sql.raw(
        `select distinct v from (select ${column[f]} as v from organizations) x where v is not null order by v`,
      ),
    );
    values.set(
      f,
      found.map((r) => r.v),
    );
  }
  orgs = await rows<Org>(
    database.db,
    sql`select short_name as name, region_code as region, status::text as status, type::text as type,
      sme_category as sme, okved_sections as okved, tags as tag from organizations order by id`,
  );
  words = (
    await rows<{ word: string }>(
      database.db,
      sql`select word from search_lexicon where catalog = 'directory' order by word limit 60`,
    )
  ).map((r) => r.word);
}, 240_000);

afterAll(async () => {
  await database?.close();
});

/** A request built around a random organization (its values as filters, a word of its name), so most find rows. */
const request = () =>
  fc
    .record({
      org: fc.nat(orgs.length - 1),
      facets: fc.uniqueArray(fc.constantFrom(...FACETS), { maxLength: 2 }),
      other: fc.boolean(),
      text: fc.constantFrom("none", "name", "typo", "word", "place"),
      sort: fc.constantFrom("relevance", "relevance", "name", "newest"),
      page: fc.constantFrom("1", "1", "2", "3"),
      pageSize: fc.constantFrom("5", "20"),
      pick: fc.nat(1000),
    })
    .map((r) => {
      const o = orgs[r.org]!;
      const raw: Record<string, string> = { sort: r.sort, page: r.page, pageSize: r.pageSize };
      for (const f of r.facets) {
        const own = o[f];
        const mine = (Array.isArray(own) ? own : own === null || own === undefined ? [] : [own]).slice(0, 1);
        const all = values.get(f)!;
        const chosen = [...mine, ...(r.other || !mine.length ? [all[r.pick % all.length]!] : [])];
        raw[f] = [...new Set(chosen)].join(",");
      }
      const nameWords = o.name
        .toLowerCase()
        .split(/[^a-zа-яё]+/)
        .filter((w) => w.length >= 5);
      const w = nameWords[r.pick % Math.max(1, nameWords.length)];
      if (r.text === "name" && w) raw.q = w;
      if (r.text === "typo" && w) raw.q = `${w.slice(0, 2)}${w.slice(3)}`;
      if (r.text === "word") raw.q = words[r.pick % words.length]!;
      if (r.text === "place")
        raw.q = ["Москва", "технологии Санкт-Петербург", "роботы Казань", "центр"][r.pick % 4]!;
      return DirectoryQuery.parse(raw);
    });

describe("the directory's in-memory search", () => {
  it("answers as the SQL statements do (exact counts) for random requests", async () => {
    let found = 0;
    let ranked = 0;
    await fc.assert(
      fc.asyncProperty(request(), async (q) => {
        const gen = await generation(database.db, "directory");
        const [memory, bySql] = await Promise.all([
          indexedDirectorySearch(database.db, gen, q),
          sqlDirectorySearch(database.db, q, { exact: true }),
        ]);
        expect(memory.total).toBe(bySql.total);
        expect(memory.facets).toEqual(bySql.facets);
        expect(memory.approximate).toEqual({ total: false, facets: [] });
        expect(memory.items.map((i) => [i.shortName, i.rank])).toEqual(
          bySql.items.map((i) => [i.shortName, i.rank]),
        );
        expect(memory.items).toEqual(bySql.items);
        if (memory.items.length) found++;
        if (memory.items.some((i) => i.rank !== null)) ranked++;
      }),
      { numRuns: 200 },
    );
    // The requests are not all empty: most find rows, many ranked by relevance.
    expect(found).toBeGreaterThan(60);
    expect(ranked).toBeGreaterThan(12);
  }, 240_000);
});
