// Eligibility verdicts in SQL: the same rules as `verdictOf` (src/shared/eligibility.ts), as one
// expression over a measure's normalized criteria columns (`measure_index.crit_*`, generated from
// `criteria`) for one known profile. Each criterion of the registry (src/shared/criteria.ts) gives,
// for the profile, its "not met" and "unknown" conditions over its own columns (every branch that
// depends only on the profile — is the headcount known? which flags are declared? — is decided in
// JavaScript, so the database compares columns with parameters). A property test checks that this
// expression and `verdictOf` agree for random criteria and profiles (measures.eligibility.test.ts).

import { type SQL, sql } from "drizzle-orm";
import { CRITERIA_LIST } from "../../../shared/criteria.js";
import { type EligibilityProfile, VERDICTS, type Verdict } from "../../../shared/eligibility.js";
import { fromFragment, tableColumns } from "../../core/fragment.js";
import { measureIndex } from "./measures.schema.js";

const indexColumns = tableColumns(measureIndex);

/**
 * The verdict of the measure row in scope (table `measure_index`) for a profile, as 0 eligible, 1 check,
 * 2 not eligible (the index in VERDICTS): 2 when any criterion is not met, else 1 when any is unknown.
 */
export function verdictSql(p: EligibilityProfile, today: string): SQL {
  const notMet: SQL[] = [];
  const unknown: SQL[] = [];
  for (const criterion of CRITERIA_LIST) {
    const c = criterion.search(p, today);
    if (c.notMet) notMet.push(fromFragment(c.notMet, indexColumns));
    if (c.unknown) unknown.push(fromFragment(c.unknown, indexColumns));
  }
  const any = (conds: SQL[]) => (conds.length ? sql.join(conds, sql` or `) : sql`false`);
  return sql`(case when ${any(notMet)} then 2 when ${any(unknown)} then 1 else 0 end)`;
}

export const verdictName = (n: number): Verdict => VERDICTS[n] ?? "not_eligible";
