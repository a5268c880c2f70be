// The organizations for which a measure is eligible, in SQL (organizations.eligibility.ts), are exactly
// those whose profile `verdictOf` finds eligible: random organizations × random criteria, on PGlite
// here and on PostgreSQL 15 under `npm run test:pg`; then each criterion of the registry alone.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRITERIA_LIST } from "../../../shared/criteria.js";
import { type Criteria, ELIGIBILITY_FLAGS, verdictOf } from "../../../shared/eligibility.js";
import { criteriaArb, singleCriterionArb } from "../../../shared/eligibility.testing.js";
import { ORG_STATUSES, ORG_TYPES } from "../../../shared/organizations.js";
import type { Database } from "../../core/db.js";
import { createUser, testDatabase } from "../../test/helpers.js";
import { membersOfNewlyEligible } from "../organizations/organizations.eligibility.js";
import { addMember, createOrg } from "../organizations/organizations.fixtures.js";
import { activeOrganizations, organizations } from "../organizations/organizations.schema.js";
import { activeOrganizationFacts } from "../organizations/organizations.service.js";
import { orgProfile } from "./measures.service.js";

let database: Database;
const TODAY = "2026-11-23";
/** Organization id → its profile as the navigator sees it. */
const profiles = new Map<string, ReturnType<typeof orgProfile>>();
/** Organization id → its one member. */
const memberOf = new Map<string, string>();

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const orgArb = fc.record({
  type: fc.constantFrom(...ORG_TYPES),
  regionCode: maybe(fc.constantFrom("77", "50", "78", "16")),
  // Around the month ends and the ages the criteria ask (0–30 years), some in the future.
  foundedOn: maybe(
    fc
      .integer({ min: Date.UTC(1994, 0, 1), max: Date.UTC(2027, 1, 28) })
      .map((t) => new Date(t).toISOString().slice(0, 10)),
  ),
  headcount: maybe(fc.integer({ min: 0, max: 600 })),
  revenueMln: maybe(fc.integer({ min: 0, max: 400_000 }).map((n) => n / 100)),
  status: fc.constantFrom(...ORG_STATUSES),
  suspended: fc.boolean(),
  okvedSections: fc.uniqueArray(fc.constantFrom("A", "C", "J", "M", "Q"), { maxLength: 3 }),
  tags: fc.uniqueArray(fc.constantFrom("ai", "robotics", "biotech", "fintech"), { maxLength: 3 }),
  flags: fc.dictionary(fc.constantFrom(...ELIGIBILITY_FLAGS), fc.boolean(), { maxKeys: 5 }),
});

/** Founding dates on and around the anniversaries and month ends the age test's days ask about. */
const BOUNDARY_DATES = [
  "2024-11-23",
  "2024-11-24",
  "2025-11-23",
  "2025-11-24",
  "2025-12-24",
  "2024-02-29",
  "2025-01-31",
  "2025-02-28",
  "2025-11-30",
  "2026-01-31",
  "2026-05-31",
  "2026-08-31",
  "2027-01-01",
];

beforeAll(async () => {
  database = await testDatabase();
  const orgs = [
    ...fc.sample(orgArb, { numRuns: 150, seed: 42 }),
    ...fc
      .sample(orgArb, { numRuns: BOUNDARY_DATES.length * 3, seed: 43 })
      .map((x, i) => ({ ...x, foundedOn: BOUNDARY_DATES[Math.floor(i / 3)]! })),
  ];
  for (const [i, x] of orgs.entries()) {
    const org = await createOrg(database, {
      type: x.type,
      regionCode: x.type === "foreign" ? null : (x.regionCode ?? "77"),
    });
    await database.db
      .update(organizations)
      .set({
        regionCode: x.type === "foreign" ? null : x.regionCode,
        foundedOn: x.foundedOn,
        headcount: x.headcount,
        revenueMln: x.revenueMln,
        status: x.status,
        statusSuspendedAt: x.suspended ? new Date() : null,
        okvedSections: x.okvedSections,
        tags: x.tags,
        declaredFlags: JSON.parse(JSON.stringify(x.flags)),
      })
      .where(eq(organizations.id, org.id));
    // Every third organization has no members: it is never listed.
    if (i % 3 === 2) continue;
    const u = await createUser(database);
    await addMember(database, org.id, u.id, "owner");
    await database.db.insert(activeOrganizations).values({ userId: u.id, organizationId: org.id });
    const facts = await activeOrganizationFacts(database.db, u.id);
    profiles.set(org.id, orgProfile(facts!));
    memberOf.set(org.id, u.id);
  }
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const expected = (after: Criteria, before: Criteria | null, today = TODAY) =>
  [...profiles]
    .filter(
      ([, p]) =>
        verdictOf(after, p, today) === "eligible" && (!before || verdictOf(before, p, today) !== "eligible"),
    )
    .map(([id]) => id)
    .sort();

const json = (c: Criteria) => JSON.parse(JSON.stringify(c)) as Criteria;

describe("organizations for which a measure became eligible, in SQL", () => {
  it("are those verdictOf finds eligible now and not before, with their members", async () => {
    await fc.assert(
      fc.asyncProperty(
        criteriaArb.map(json),
        fc.option(criteriaArb.map(json), { nil: null }),
        async (after, before) => {
          const got = await membersOfNewlyEligible(database.db, after, before, TODAY);
          expect(got.map((o) => o.id).sort()).toEqual(expected(after, before));
          for (const o of got) expect(o.memberIds).toEqual([memberOf.get(o.id)]);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });

  for (const criterion of CRITERIA_LIST)
    it(`${criterion.key} alone: its "meets" SQL finds those its check finds eligible`, async () => {
      await fc.assert(
        fc.asyncProperty(singleCriterionArb(criterion.key).map(json), async (after) => {
          const got = await membersOfNewlyEligible(database.db, after, null, TODAY);
          expect({ after, got: got.map((o) => o.id).sort() }).toEqual({ after, got: expected(after, null) });
        }),
        { numRuns: 12, seed: 13 },
      );
    });

  it("a measure without criteria is eligible for every organization with members", async () => {
    const got = await membersOfNewlyEligible(database.db, {}, null, TODAY);
    expect(got).toHaveLength(profiles.size);
    expect(await membersOfNewlyEligible(database.db, { ageYears: { min: 0.5, max: 1 } }, {}, TODAY)).toEqual(
      [],
    );
  });

  it("ages count whole months with month-end days clamped, as the pure function does", async () => {
    const ages: Criteria[] = [
      { ageYears: { min: 1 } },
      { ageYears: { max: 1 } },
      { ageYears: { max: 2 } },
      { ageYears: { min: 1, max: 1 } },
      { ageYears: { min: 0.25, max: 0.75 } },
      { ageYears: { min: 0 } },
    ];
    let found = 0;
    for (const today of [TODAY, "2026-11-24", "2026-02-28", "2027-02-28", "2026-12-31", "2026-06-30"])
      for (const c of ages) {
        const got = (await membersOfNewlyEligible(database.db, c, null, today)).map((o) => o.id).sort();
        expect(got, `${JSON.stringify(c)} on ${today}`).toEqual(expected(c, null, today));
        found += got.length;
      }
    expect(found).toBeGreaterThan(0);
  });
});
