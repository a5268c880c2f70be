// Set criteria as bit masks. Each list criterion of a measure (organization types, regions, SME
// categories, statuses, OKVED sections, tags, flags) is stored as a bigint whose bit i says "the i-th
// value of the vocabulary is listed"; a value outside the vocabulary sets bit 62, which no profile has.
// An organization's facts become masks over the same vocabulary, so an any-of criterion is
// `mask = 0 or mask & profile <> 0` — integer arithmetic instead of array comparisons for each of
// thousands of measures per search. Regions (89 subjects and "foreign") need two masks.
//
// The vocabularies are the code's own lists; the generated columns' expressions are built from them, so
// changing a list changes the schema and `npm run db:generate` writes the migration that recomputes
// the masks. Appending keeps the existing bits.

import { type SQL, sql } from "drizzle-orm";
import { ELIGIBILITY_FLAGS, FOREIGN } from "../../../shared/eligibility.js";
import { OKVED_SECTION_LETTERS } from "../../../shared/okved.js";
import { ORG_STATUSES, ORG_TYPES, SME_CATEGORIES } from "../../../shared/organizations.js";
import { REGIONS } from "../../../shared/regions.js";
import { TAG_SLUGS } from "../../../shared/tags.js";

/** Bits per mask for vocabulary values; bit 62 marks a value outside the vocabulary. */
export const MASK_BITS = 62;

const REGION_VOCABULARY = [...REGIONS.map((r) => r.code), FOREIGN];

const VOCABULARIES = {
  orgTypes: ORG_TYPES,
  smeCategories: SME_CATEGORIES,
  requiredStatus: ORG_STATUSES,
  okvedSections: OKVED_SECTION_LETTERS,
  tags: TAG_SLUGS,
  flags: ELIGIBILITY_FLAGS,
  regions: REGION_VOCABULARY,
} as const satisfies Record<string, readonly string[]>;
export type Vocabulary = keyof typeof VOCABULARIES;

for (const [name, words] of Object.entries(VOCABULARIES))
  if (name !== "regions" && words.length > MASK_BITS)
    throw new Error(`the ${name} vocabulary has more than ${MASK_BITS} values: split it like regions`);
if (REGION_VOCABULARY.length > 2 * MASK_BITS) throw new Error("regions need a third mask");

const literal = (words: readonly string[]) =>
  `array[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(",")}]::text[]`;

/**
 * The generated-column expression of a mask: the criteria key's values over the vocabulary's window
 * [offset, offset + 62) (values of the vocabulary outside the window are left to the other mask).
 */
export function maskColumnSql(key: string, vocabulary: Vocabulary, offset = 0): SQL {
  return sql.raw(`ic_jsonb_mask(criteria -> '${key}', ${literal(VOCABULARIES[vocabulary])}, ${offset})`);
}

/** A profile's values as a mask over a vocabulary's window (unknown values are simply not set). */
export function profileMask(vocabulary: Vocabulary, values: readonly string[], offset = 0): bigint {
  const words = VOCABULARIES[vocabulary] as readonly string[];
  let mask = 0n;
  for (const v of values) {
    const i = words.indexOf(v) - offset;
    if (i >= 0 && i < MASK_BITS) mask |= 1n << BigInt(i);
  }
  return mask;
}
