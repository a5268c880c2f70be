// Which organizations fully meet a set of eligibility criteria (src/shared/eligibility.ts), as SQL over
// the organizations table: the reverse of the navigator's question ("which measures suit this
// organization?"). When an operator publishes or changes a support measure, the measures module asks
// for the members of organizations for which it became eligible; at 35,000 organizations that is one
// statement instead of reading every profile into Node.
//
// "Eligible" is `verdictOf(criteria, profile) === "eligible"`: every criterion present is met, and a
// value the profile lacks (unknown) is not enough. Each criterion of the registry
// (src/shared/criteria.ts, `meets`) gives one condition that is false (never null) when the
// organization's value is missing. A property test compares this with
// `verdictOf` for random organizations and criteria (measures.notices.test.ts).

import { and, eq, type SQL, sql } from "drizzle-orm";
import { CRITERIA_LIST, criterionValue } from "../../../shared/criteria.js";
import type { Criteria } from "../../../shared/eligibility.js";
import { type Executor, rows } from "../../core/db.js";
import { fromFragment, tableColumns } from "../../core/fragment.js";
import { memberships, organizations as o } from "./organizations.schema.js";

const orgColumns = tableColumns(o);

/** The organization row (table `organizations`) meets every criterion of the registry; `true` for none. */
function meetsAllSql(c: Criteria, today: string): SQL {
  const conds: SQL[] = [];
  for (const criterion of CRITERIA_LIST) {
    const value = criterionValue(c, criterion.key);
    const cond = value === null || value === undefined ? null : criterion.meets(value as never, today);
    if (cond) conds.push(fromFragment(cond, orgColumns));
  }
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
  /** One page in id order: those after `afterId` (exclusive), at most `limit`. */
  page?: { afterId?: string; limit: number },
): Promise<{ id: string; shortName: string; memberIds: string[] }[]> {
  const was = before ? sql` and not ${meetsAllSql(before, today)}` : sql``;
  // Said of both sides of the join: the planner does not carry it over, and without it every page
  // would scan the memberships from the first organization (quadratic over a fan-out's pages).
  const from = page?.afterId
    ? sql` and ${o.id} > ${page.afterId} and ${memberships.organizationId} > ${page.afterId}`
    : sql``;
  const limit = page ? sql` limit ${page.limit}` : sql``;
  return rows(
    ex,
    sql`select ${o.id} as "id", ${o.shortName} as "shortName",
          array_agg(${memberships.userId} order by ${memberships.userId}) as "memberIds"
        from ${o} join ${memberships} on ${and(eq(memberships.organizationId, o.id))}
        where ${meetsAllSql(after, today)}${was}${from}
        group by ${o.id}, ${o.shortName}
        order by ${o.id}${limit}`,
  );
}
