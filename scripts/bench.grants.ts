// The grants' endpoints as raw SQL, for `npm run bench`'s comparison.
//
// The operator's queue (`GET /api/operator/grant-applications?state=…`): the service reads a page of the
// applications in the state (oldest submission first) with their programs' titles and organizations'
// names and their count (a window count before the limit) in one statement; here the same statement by
// hand, with only the columns the cards show.
import { type SQL, sql } from "drizzle-orm";
import { clusterDate } from "../src/shared/clock.js";
import type { GrantState } from "../src/shared/grants.js";

export function grantQueueStatement(state: GrantState, page = 1, pageSize = 20): SQL {
  return sql`select a.id, a.title_ru, a.state::text as state, a.program_id, p.title_ru as program,
      a.organization_id, o.short_name as org, a.requested::text as requested, a.approved::text as approved,
      a.submitted_at, a.due_on::text as due_on, a.updated_at, a.version, count(*) over ()::int as total
    from grant_applications a
      join grant_programs p on p.id = a.program_id
      join organizations o on o.id = a.organization_id
    where a.state = ${state}
    order by a.submitted_at asc nulls last, a.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/** The queue's raw rows as the API answers them (to check the two agree). */
export function grantQueueAnswer(rows: Record<string, unknown>[], page = 1, pageSize = 20) {
  const today = clusterDate();
  return {
    items: rows.map((r) => ({
      id: r.id,
      titleRu: r.title_ru,
      state: r.state,
      program: { id: r.program_id, titleRu: r.program },
      organization: { id: r.organization_id, shortName: r.org },
      requested: Number(r.requested),
      approved: r.approved == null ? null : Number(r.approved),
      submittedAt: iso(r.submitted_at),
      dueOn: r.due_on ?? null,
      overdue: r.state === "submitted" && r.due_on != null && (r.due_on as string) < today,
      updatedAt: iso(r.updated_at),
      version: r.version,
    })),
    total: Number(rows[0]?.total ?? 0),
    page,
    pageSize,
  };
}
