// Which organizations fully meet a set of eligibility criteria (src/shared/eligibility.ts), as SQL over
// the organizations table: the reverse of the navigator's question ("which measures suit this
// organization?"). When an operator publishes or changes a support measure, the measures module asks
// for the members of organizations for which it became eligible; at 35,000 organizations that is one
// statement instead of reading every profile into Node.
//
// "Eligible" is `verdictOf(criteria, profile) === "eligible"`: every criterion present is met, and a
// value the profile lacks (unknown) is not enough. Each criterion becomes one condition that is false
// (never null) when the organization's value is missing. A property test compares this with
// `verdictOf` for random organizations and criteria (measures.notices.test.ts).

import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Criteria, ELIGIBILITY_FLAGS, FOREIGN } from "../../../shared/eligibility.js";
import { type Executor, rows, textArray } from "../../core/db.js";
import { memberships, organizations as o } from "./organizations.schema.js";

const bound = (n: number | null | undefined): n is number =>
  n !== null && n !== undefined && Number.isFinite(n);

/** The organization row (table `organizations`) meets every criterion; `true` for no criteria. */
function meetsAllSql(c: Criteria, today: string): SQL {
  const conds: SQL[] = [];
  if (c.orgTypes?.length) conds.push(sql`${o.type}::text = any(${textArray(c.orgTypes)})`);
  if (c.regions?.length)
    conds.push(
      sql`(case when ${o.type} = 'foreign' then ${FOREIGN} else nullif(${o.regionCode}, '') end) = any(${textArray(c.regions)})`,
    );
  if (c.smeCategories?.length) conds.push(sql`${o.smeCategory} = any(${textArray(c.smeCategories)})`);
  const age = c.ageYears;
  if (age && (bound(age.min) || bound(age.max))) {
    // Whole months since founding ≥ m  ⟺  the founding date plus m months (the day clamped to the
    // month's end, as `wholeMonthsBetween` counts) is not after today. A future date counts as 0 months.
    conds.push(sql`${o.foundedOn} is not null`);
    const min = bound(age.min) ? Math.round(age.min * 12) : 0;
    if (min > 0) conds.push(sql`${o.foundedOn} + make_interval(months => ${min}::int) <= ${today}::date`);
    if (bound(age.max))
      conds.push(
        sql`${o.foundedOn} + make_interval(months => ${Math.round(age.max * 12) + 1}::int) > ${today}::date`,
      );
  }
  for (const [range, column] of [
    [c.headcount, o.headcount],
    [c.revenueMln, o.revenueMln],
  ] as const) {
    if (!range || !(bound(range.min) || bound(range.max))) continue;
    conds.push(sql`${column} is not null`);
    if (bound(range.min)) conds.push(sql`${column} >= ${String(range.min)}::numeric`);
    if (bound(range.max)) conds.push(sql`${column} <= ${String(range.max)}::numeric`);
  }
  if (c.requiredStatus?.length)
    conds.push(
      sql`${o.status}::text = any(${textArray(c.requiredStatus)}) and (${o.statusSuspendedAt} is null or ${o.status} = 'registered')`,
    );
  if (c.okvedSections?.length) conds.push(sql`${o.okvedSections} && ${textArray(c.okvedSections)}`);
  if (c.tags?.length) conds.push(sql`${o.tags} && ${textArray(c.tags)}`);
  for (const flag of c.flags ?? [])
    if ((ELIGIBILITY_FLAGS as readonly string[]).includes(flag))
      conds.push(sql`(${o.declaredFlags} -> ${flag}) = 'true'::jsonb`);
  return conds.length ? sql`(${sql.join(conds, sql` and `)})` : sql`true`;
}

/**
 * The organizations (with their members) that fully meet `after` and did not fully meet `before`
 * (null: met nothing, as for a newly published measure). Organizations without members are left out.
 */
export async function membersOfNewlyEligible(
  ex: Executor,
  after: Criteria,
  before: Criteria | null,
  today: string,
): Promise<{ id: string; shortName: string; memberIds: string[] }[]> {
  const was = before ? sql` and not ${meetsAllSql(before, today)}` : sql``;
  return rows(
    ex,
    sql`select ${o.id} as "id", ${o.shortName} as "shortName",
          array_agg(${memberships.userId} order by ${memberships.userId}) as "memberIds"
        from ${o} join ${memberships} on ${and(eq(memberships.organizationId, o.id))}
        where ${meetsAllSql(after, today)}${was}
        group by ${o.id}, ${o.shortName}
        order by ${o.id}`,
  );
}
