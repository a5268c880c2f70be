// The SQL verdict (measures.eligibility.ts) is the pure function's twin: for random criteria stored as
// measures and random profiles, the database's verdict equals `verdictOf` — on PGlite here and on
// PostgreSQL 15 under `npm run test:pg`. Each criterion of the registry is also checked alone, so a
// new criterion's `search` SQL is pinned to its `check` as soon as it has its arbitrary.
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRITERIA_LIST } from "../../../shared/criteria.js";
import { type Criteria, type EligibilityProfile, verdictOf } from "../../../shared/eligibility.js";
import { criteriaArb, profileArb, singleCriterionArb } from "../../../shared/eligibility.testing.js";
import { type Database, rows } from "../../core/db.js";
import { testDatabase } from "../../test/helpers.js";
import { verdictName, verdictSql } from "./measures.eligibility.js";
import { measureIndex, measures } from "./measures.schema.js";

let database: Database;
const stored = new Map<string, Criteria>();
/** Criterion key → the ids of the stored measures with that criterion alone. */
const alone = new Map<string, Set<string>>();

/** Criteria the generators rarely make: empty, half-open ranges, fractional ages, nulls, a stray key. */
const EDGE: Criteria[] = [
  {},
  { ageYears: { min: 0.5 } },
  { ageYears: { min: 1.5, max: 2.25 } },
  { ageYears: { min: null, max: null } },
  { headcount: { max: 15 }, revenueMln: { min: 0.5, max: 120.75 } },
  { orgTypes: [], regions: [], flags: [] },
  { regions: ["foreign"] },
  { requiredStatus: ["participant"], flags: ["exporter", "no_tax_debt"] },
  { flags: ["not_a_flag" as never] },
  { regions: ["zz"], orgTypes: ["spaceship" as never] },
  { regions: ["77", "16"], requiredStatus: ["registered" as never] },
  { headcount: { min: 15, max: 15 }, revenueMln: { max: 82.93 } },
];

beforeAll(async () => {
  database = await testDatabase();
  // As JSON, as the API stores it (fast-check may build objects without a prototype).
  const single = CRITERIA_LIST.flatMap((c) => fc.sample(singleCriterionArb(c.key), { numRuns: 25, seed: 5 }));
  const all = [...EDGE, ...fc.sample(criteriaArb, { numRuns: 400, seed: 20261123 }), ...single].map(
    (c) => JSON.parse(JSON.stringify(c)) as Criteria,
  );
  const inserted = await database.db
    .insert(measures)
    .values(
      all.map((criteria, i) => ({
        titleRu: `Мера ${i}`,
        provider: "Фонд",
        level: "city" as const,
        form: "grant" as const,
        criteria,
      })),
    )
    .returning({ id: measures.id, criteria: measures.criteria });
  for (const r of inserted) {
    stored.set(r.id, r.criteria);
    const keys = Object.keys(r.criteria);
    if (keys.length === 1) alone.set(keys[0]!, (alone.get(keys[0]!) ?? new Set()).add(r.id));
  }
});

afterAll(async () => {
  await database?.close();
});

async function sqlVerdicts(profile: EligibilityProfile, today: string) {
  const out = await rows<{ id: string; v: number }>(
    database.db,
    sql`select ${measureIndex.id} as id, ${verdictSql(profile, today)} as v from ${measureIndex}`,
  );
  return new Map(out.map((r) => [r.id, verdictName(Number(r.v))]));
}

describe("eligibility in SQL", () => {
  it("gives the verdict of verdictOf for every stored criteria and random profiles", async () => {
    await fc.assert(
      fc.asyncProperty(
        profileArb,
        fc.constantFrom("2026-11-23", "2021-02-28", "2030-01-31"),
        async (p, day) => {
          const got = await sqlVerdicts(p, day);
          expect(got.size).toBe(stored.size);
          for (const [id, criteria] of stored) {
            const expected = verdictOf(criteria, p, day);
            if (got.get(id) !== expected)
              expect({ criteria, profile: p, day, sql: got.get(id) }).toEqual({
                criteria,
                profile: p,
                day,
                sql: expected,
              });
          }
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

  it("an empty profile gets eligible only where there is no criterion, and check elsewhere", async () => {
    const got = await sqlVerdicts({}, "2026-11-23");
    const empty = [...stored].find(([, c]) => Object.keys(c).length === 0)![0];
    expect(got.get(empty)).toBe("eligible");
    for (const [id, c] of stored) expect(got.get(id)).toBe(verdictOf(c, {}, "2026-11-23"));
    expect([...got.values()]).not.toContain("not_eligible");
  });

  for (const criterion of CRITERIA_LIST)
    it(`${criterion.key} alone: its search SQL gives the verdict of its check`, async () => {
      const ids = alone.get(criterion.key) ?? new Set();
      expect(ids.size).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(profileArb, fc.constantFrom("2026-11-23", "2021-02-28"), async (p, day) => {
          const got = await sqlVerdicts(p, day);
          for (const id of ids) {
            const criteria = stored.get(id)!;
            expect({ criteria, profile: p, day, sql: got.get(id) }).toEqual({
              criteria,
              profile: p,
              day,
              sql: verdictOf(criteria, p, day),
            });
          }
        }),
        { numRuns: 8, seed: 3 },
      );
    });
});
