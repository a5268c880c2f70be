import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { criterionAverages, rank, type Sheet, scoreOf } from "../../../shared/challenges.js";
import { type Database, rows } from "../../core/db.js";
import { testDatabase } from "../../test/helpers.js";
import { averagesOf, rankOrder, scoreAggregates, sheetComplete } from "./challenges.scoring.js";

// The scoring rule exists twice — the shared functions the feedback uses and their SQL, which ranks a
// stage's submissions in the database: these properties pin the two to one result.

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

/**
 * Mostly whole scores 0–10, sometimes a gap or a whole score out of range (sheets that do not count).
 * Whole numbers: the contract stores no other (`ScoreBody`).
 */
const cellArb = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 11, 12) },
);
const fieldArb = fc
  .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 })
  .chain((weights) =>
    fc.record({
      weights: fc.constant(weights),
      subs: fc.uniqueArray(
        fc.record({
          id: fc.uuid(),
          sheets: fc.array(
            fc.record({
              expert: fc.uuid(),
              scores: fc.oneof(
                {
                  weight: 8,
                  arbitrary: fc.array(cellArb, { minLength: weights.length, maxLength: weights.length }),
                },
                { weight: 1, arbitrary: fc.array(cellArb, { maxLength: weights.length + 1 }) },
              ),
            }),
            { maxLength: 4 },
          ),
        }),
        { minLength: 1, maxLength: 12, selector: (s) => s.id },
      ),
    }),
  );

type Out = { id: string; total: number; experts: number; given: number[] };

/** The SQL's answer for these submissions' sheets, in its order. */
async function inSql(weights: number[], subs: { id: string; sheets: Sheet[] }[]) {
  const agg = scoreAggregates(weights, sql`x.scores`, sql`x.complete`);
  const ids = sql.join(
    subs.map((s) => sql`(${s.id}::uuid)`),
    sql`, `,
  );
  const sheets = subs.flatMap((s) =>
    s.sheets.map((x) => sql`(${s.id}::uuid, ${JSON.stringify(x.scores)}::jsonb)`),
  );
  const values = sheets.length
    ? sql`(values ${sql.join(sheets, sql`, `)}) as v(submission_id, scores)`
    : sql`(select null::uuid as submission_id, null::jsonb as scores where false) as v`;
  const x = sql`(select v.submission_id, v.scores, ${sheetComplete(weights.length, sql`v.scores`)} as complete
    from ${values}) as x`;
  return rows<Out>(
    database.db,
    sql`select s.id::text as id, ${agg.total} as total, ${agg.experts} as experts, ${agg.given} as given
      from (values ${ids}) as s(id) left join ${x} on x.submission_id = s.id
      group by s.id order by ${rankOrder(agg.total, agg.experts, sql`s.id`)}`,
  );
}

describe("the scoring in SQL and the shared scoring", () => {
  it("give every submission the same exact score and averages, and the ranking's order", async () => {
    await fc.assert(
      fc.asyncProperty(fieldArb, async ({ weights, subs }) => {
        const got = await inSql(weights, subs);
        const want = new Map(
          subs.map((s) => [
            s.id,
            { ...scoreOf(weights, s.sheets), averages: criterionAverages(weights.length, s.sheets) },
          ]),
        );
        for (const r of got)
          expect({ total: r.total, experts: r.experts, averages: averagesOf(r.given) }).toEqual(
            want.get(r.id),
          );
        expect(got).toHaveLength(subs.length);
        const ranked = rank(
          subs,
          (s) => scoreOf(weights, s.sheets),
          (s) => s.id,
        );
        expect(got.map((r) => r.id)).toEqual(ranked.map((r) => r.item.id));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps equal fractions equal: 7.5 from two experts ties with 7.5 from one", async () => {
    const a = "00000000-0000-4000-8000-00000000000a";
    const b = "00000000-0000-4000-8000-00000000000b";
    const got = await inSql(
      [50, 50],
      [
        { id: b, sheets: [{ expert: "x", scores: [7, 8] }] },
        {
          id: a,
          sheets: [
            { expert: "x", scores: [10, 10] },
            { expert: "y", scores: [5, 5] },
          ],
        },
      ],
    );
    const ranked = rank(
      got,
      (r) => ({ total: r.total, experts: r.experts }),
      (r) => r.id,
    );
    expect(ranked.map((r) => [r.item.id, r.rank, r.tied])).toEqual([
      [a, 1, true],
      [b, 1, true],
    ]);
  });
});
