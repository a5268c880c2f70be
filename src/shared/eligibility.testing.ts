// fast-check arbitraries for eligibility criteria and profiles, shared by the property tests of the
// pure function (src/shared/eligibility.test.ts) and of its SQL twin (measures.eligibility.test.ts).
import fc from "fast-check";
import { type Criteria, ELIGIBILITY_FLAGS, type EligibilityProfile } from "./eligibility.js";
import { ORG_STATUSES, ORG_TYPES, SME_CATEGORIES } from "./organizations.js";

const range = (max: number) =>
  fc
    .record({
      min: fc.option(fc.integer({ min: 0, max }), { nil: undefined }),
      max: fc.option(fc.integer({ min: 0, max }), { nil: undefined }),
    })
    .map((r) =>
      r.min !== undefined && r.max !== undefined && r.min > r.max ? { min: r.max, max: r.min } : r,
    );
const regionCode = fc.constantFrom("77", "50", "78", "16", "foreign");
const sections = fc.constantFrom("A", "C", "J", "M", "Q");
const tagSlugs = fc.constantFrom("ai", "robotics", "biotech", "fintech");

/**
 * One arbitrary per criterion of the registry (src/shared/criteria.ts): the type makes a new criterion
 * without its arbitrary a compile error, so the property tests cover it.
 */
export const CRITERION_ARBS: { readonly [K in keyof Criteria]-?: fc.Arbitrary<NonNullable<Criteria[K]>> } = {
  orgTypes: fc.uniqueArray(fc.constantFrom(...ORG_TYPES), { maxLength: 3 }),
  regions: fc.uniqueArray(regionCode, { maxLength: 3 }),
  smeCategories: fc.uniqueArray(fc.constantFrom(...SME_CATEGORIES), { maxLength: 3 }),
  ageYears: range(30),
  headcount: range(500),
  revenueMln: range(3000),
  requiredStatus: fc.uniqueArray(fc.constantFrom("participant" as const, "partner" as const), {
    maxLength: 2,
  }),
  okvedSections: fc.uniqueArray(sections, { maxLength: 3 }),
  tags: fc.uniqueArray(tagSlugs, { maxLength: 3 }),
  flags: fc.uniqueArray(fc.constantFrom(...ELIGIBILITY_FLAGS), { maxLength: 2 }),
};

/** Random criteria: any subset of the registry's criteria with random values. */
export const criteriaArb: fc.Arbitrary<Criteria> = fc.record(CRITERION_ARBS, { requiredKeys: [] });

/** Criteria with exactly one criterion of the registry (its key and value). */
export const singleCriterionArb = (key: keyof Criteria): fc.Arbitrary<Criteria> =>
  (CRITERION_ARBS[key] as fc.Arbitrary<unknown>).map((v) => ({ [key]: v }) as Criteria);

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const date = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2026, 10, 23) })
  .map((t) => new Date(t).toISOString().slice(0, 10));

export const profileArb: fc.Arbitrary<EligibilityProfile> = fc.record(
  {
    type: maybe(fc.constantFrom(...ORG_TYPES)),
    regionCode: maybe(regionCode),
    foundedOn: maybe(date),
    ageYears: maybe(fc.integer({ min: 0, max: 40 })),
    headcount: maybe(fc.integer({ min: 0, max: 600 })),
    revenueMln: maybe(fc.integer({ min: 0, max: 4000 })),
    status: maybe(fc.constantFrom(...ORG_STATUSES)),
    statusSuspended: maybe(fc.boolean()),
    okvedSections: maybe(fc.uniqueArray(sections, { maxLength: 3 })),
    tags: maybe(fc.uniqueArray(tagSlugs, { maxLength: 3 })),
    flags: maybe(
      fc.record(
        Object.fromEntries(ELIGIBILITY_FLAGS.map((f) => [f, maybe(fc.boolean())])) as Record<
          (typeof ELIGIBILITY_FLAGS)[number],
          fc.Arbitrary<boolean | null>
        >,
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);
