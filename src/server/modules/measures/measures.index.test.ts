// Property test: the navigator's search over the in-memory index answers exactly as its one SQL
// statement for many random searches over the demo catalog (filters, words, sorts, pages, random
// profiles with the eligibility filter, several days): the same total, facet counts, page and order,
// with the same ranks and verdicts.
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileArb } from "../../../shared/eligibility.testing.js";
import { VERDICTS } from "../../../shared/vocabularies.js";
import { type Database, rows } from "../../core/db.js";
import { generation } from "../../core/search.js";
import { seed } from "../../seed/index.js";
import { testDatabase } from "../../test/helpers.js";
import { runSearchIndexed, runSearchSql, type SearchSpec } from "./measures.search.js";

let database: Database;
const values = new Map<string, string[]>();
let words: string[] = [];

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
  const column: Record<string, string> = {
    level: "level::text",
    provider: "provider",
    form: "form::text",
    industry: "unnest(industries)",
    tag: "unnest(tags)",
  };
  for (const [f, c] of Object.entries(column)) {
    const found = await rows<{ v: string }>(
      database.db,
      sql.raw(
        `select v from (select ${c} as v from measures where status = 'published') x group by v order by count(*) desc, v limit 12`,
      ),
    );
    values.set(
      f,
      found.map((r) => r.v),
    );
  }
  words = (
    await rows<{ word: string }>(
      database.db,
      sql`select word from search_lexicon where catalog = 'measures' order by word limit 80`,
    )
  ).map((r) => r.word);
}, 240_000);

afterAll(async () => {
  await database?.close();
});

const some = (f: string) =>
  fc.uniqueArray(fc.constantFrom(...values.get(f)!), { minLength: 1, maxLength: 2 });

const spec = () =>
  fc
    .record(
      {
        text: fc.oneof(
          fc.constantFrom(...words),
          fc.constantFrom(...words).map((w) => `${w.slice(0, 2)}${w.slice(3)}`),
          fc.constantFrom("грант", "льготный заём", "субсидия экспорт"),
        ),
        level: some("level"),
        provider: some("provider"),
        form: some("form"),
        openNow: fc.constant(true),
        industry: some("industry"),
        tag: some("tag"),
        amount: fc.constantFrom([1_000_000, 10_000_000], [undefined, 1_000_000], [100_000_000, undefined]),
        eligibility: fc.uniqueArray(fc.constantFrom(...VERDICTS), { minLength: 1, maxLength: 2 }),
        profile: profileArb,
      },
      { requiredKeys: [] },
    )
    .chain((r) =>
      fc
        .record({
          // At most three filters, so that most searches find measures.
          keep: fc.shuffledSubarray(Object.keys(r), { maxLength: 3 }),
          sort: fc.constantFrom("relevance", "deadline", "amount", "verdict"),
          page: fc.constantFrom(1, 1, 2, 4),
          pageSize: fc.constantFrom(5, 20),
          today: fc.constantFrom("2026-01-15", "2026-11-23", "2027-06-01"),
          withProfile: fc.boolean(),
        })
        .map((o): SearchSpec => {
          const kept = Object.fromEntries(
            Object.entries(r).filter(([k]) => o.keep.includes(k) || k === "profile"),
          );
          const profile = o.withProfile ? (kept.profile ?? {}) : null;
          const [amountMin, amountMax] = (kept.amount as (number | undefined)[] | undefined) ?? [];
          return {
            text: kept.text as string | undefined,
            level: kept.level as string[] | undefined,
            provider: kept.provider as string[] | undefined,
            form: kept.form as string[] | undefined,
            openNow: kept.openNow as boolean | undefined,
            industry: kept.industry as string[] | undefined,
            tag: kept.tag as string[] | undefined,
            amountMin,
            amountMax,
            eligibility: profile ? (kept.eligibility as SearchSpec["eligibility"]) : undefined,
            sort: o.sort as SearchSpec["sort"],
            page: o.page,
            pageSize: o.pageSize,
            profile: profile as SearchSpec["profile"],
            today: o.today,
          };
        }),
    );

describe("the navigator's in-memory search", () => {
  it("answers as the SQL statement does for random searches, profiles and days", async () => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(spec(), async (s) => {
        const gen = await generation(database.db, "measures");
        const [memory, bySql] = await Promise.all([
          runSearchIndexed(database.db, gen, s),
          runSearchSql(database.db, s),
        ]);
        expect(memory.total).toBe(bySql.total);
        expect(memory.facets).toEqual(bySql.facets);
        expect(memory.page.map((p) => [p.card.titleRu, p.rank, p.verdict])).toEqual(
          bySql.page.map((p) => [p.card.titleRu, p.rank, p.verdict]),
        );
        expect(memory.page).toEqual(bySql.page);
        if (memory.page.length) found++;
      }),
      { numRuns: 200 },
    );
    expect(found).toBeGreaterThan(60);
  }, 240_000);
});
