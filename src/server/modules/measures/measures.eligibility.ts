// Eligibility verdicts in SQL: the same rules as `verdictOf` (src/shared/eligibility.ts), written as
// one expression over a measure's normalized criteria columns (crit_*, generated from `criteria`: bit
// masks and numbers, measures.masks.ts) for one known profile. The profile is known before the statement is built, so every branch that depends
// only on the profile (is the headcount known? which flags are declared?) is decided here and the
// database compares columns with parameters. A property test checks that this expression and
// `verdictOf` agree for random criteria and profiles (measures.eligibility.test.ts).

import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  ELIGIBILITY_FLAGS,
  type EligibilityProfile,
  profileAgeMonths,
  profileRegion,
  VERDICTS,
  type Verdict,
} from "../../../shared/eligibility.js";
import { smeCategory } from "../../../shared/organizations.js";
import { MASK_BITS, profileMask, type Vocabulary } from "./measures.masks.js";
import { measureIndex } from "./measures.schema.js";

const known = (n: number | null | undefined): n is number =>
  n !== null && n !== undefined && Number.isFinite(n);
const int8 = (mask: bigint) => sql`${mask.toString()}::int8`;

type Column = SQL | AnyPgColumn;

/**
 * The verdict of the measure row in scope (table `measure_index`) for a profile, as 0 eligible, 1 check,
 * 2 not eligible (the index in VERDICTS): 2 when any criterion is not met, else 1 when any is unknown.
 * Each criterion adds a "not met" condition when the profile knows the value it reads, an "unknown"
 * condition when it does not.
 */
export function verdictSql(p: EligibilityProfile, today: string): SQL {
  const notMet: SQL[] = [];
  const unknown: SQL[] = [];

  const anyOf = (column: Column, vocabulary: Vocabulary, have: readonly string[] | null | undefined) => {
    if (!have || have.length === 0) unknown.push(sql`${column} <> 0`);
    else notMet.push(sql`(${column} <> 0 and (${column} & ${int8(profileMask(vocabulary, have))}) = 0)`);
  };
  const range = (min: Column, max: Column, value: number | null, type: SQL) => {
    if (value === null) unknown.push(sql`(${min} is not null or ${max} is not null)`);
    else notMet.push(sql`(${min} > ${value}${type} or ${max} < ${value}${type})`);
  };

  anyOf(measureIndex.critTypes, "orgTypes", p.type ? [p.type] : null);
  const region = profileRegion(p);
  const lo = measureIndex.critRegionsLo;
  const hi = measureIndex.critRegionsHi;
  if (!region) unknown.push(sql`(${lo} <> 0 or ${hi} <> 0)`);
  else
    notMet.push(
      sql`((${lo} <> 0 or ${hi} <> 0) and (${lo} & ${int8(profileMask("regions", [region], 0))}) = 0 and (${hi} & ${int8(profileMask("regions", [region], MASK_BITS))}) = 0)`,
    );
  const sme = smeCategory(p.headcount, p.revenueMln);
  anyOf(measureIndex.critSme, "smeCategories", sme ? [sme] : null);
  range(measureIndex.critAgeMinMonths, measureIndex.critAgeMaxMonths, profileAgeMonths(p, today), sql`::int`);
  range(
    measureIndex.critHeadcountMin,
    measureIndex.critHeadcountMax,
    known(p.headcount) ? p.headcount : null,
    sql`::float8`,
  );
  range(
    measureIndex.critRevenueMin,
    measureIndex.critRevenueMax,
    known(p.revenueMln) ? p.revenueMln : null,
    sql`::float8`,
  );
  // Status: unknown; suspended (holds nothing, "registered" aside); or one of the required ones.
  if (!p.status) unknown.push(sql`${measureIndex.critStatus} <> 0`);
  else if (p.statusSuspended && p.status !== "registered") notMet.push(sql`${measureIndex.critStatus} <> 0`);
  else anyOf(measureIndex.critStatus, "requiredStatus", [p.status]);
  anyOf(measureIndex.critOkved, "okvedSections", p.okvedSections);
  anyOf(measureIndex.critTags, "tags", p.tags);
  // Flags: a required flag declared false fails; one not declared is unknown; names that are not flags
  // (bit 62) are ignored, as `evaluate` ignores them.
  const no = ELIGIBILITY_FLAGS.filter((f) => p.flags?.[f] === false);
  const unstated = ELIGIBILITY_FLAGS.filter((f) => p.flags?.[f] !== true && p.flags?.[f] !== false);
  if (no.length) notMet.push(sql`(${measureIndex.critFlags} & ${int8(profileMask("flags", no))}) <> 0`);
  if (unstated.length)
    unknown.push(sql`(${measureIndex.critFlags} & ${int8(profileMask("flags", unstated))}) <> 0`);

  const any = (conds: SQL[]) => (conds.length ? sql.join(conds, sql` or `) : sql`false`);
  return sql`(case when ${any(notMet)} then 2 when ${any(unknown)} then 1 else 0 end)`;
}

export const verdictName = (n: number): Verdict => VERDICTS[n] ?? "not_eligible";
