// The pilot-testing sites' catalog as raw SQL, for `npm run bench`'s comparison.
//
// The catalog's search (`GET /api/pilot-sites`): the service reads the filtered page (the sites with
// their owners' names and the places taken by agreed and running pilots, ranked by the Russian full text,
// then by name) and the total, two statements at once; here the same answer from one statement.
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { textArray } from "../src/server/core/db.js";
import type { SitesQuery } from "../src/server/modules/pilots/pilots.contract.js";

export function sitesSearchStatement(q: z.infer<typeof SitesQuery>): SQL {
  const conds: SQL[] = [sql`true`];
  if (q.type?.length) conds.push(sql`s.type::text = any(${textArray(q.type)})`);
  if (q.okrug) conds.push(sql`s.okrug = ${q.okrug}`);
  if (q.district) conds.push(sql`s.district = ${q.district}`);
  if (q.price) conds.push(sql`s.paid = ${q.price === "paid"}`);
  if (q.owner) conds.push(sql`s.organization_id = ${q.owner}`);
  const text = q.q?.trim();
  const query = text ? sql`websearch_to_tsquery('russian', ${text})` : null;
  if (query) conds.push(sql`s.search @@ ${query}`);
  const order = query ? sql`ts_rank(s.search, ${query}) desc, s.name, s.id` : sql`s.name, s.id`;
  return sql`with r as materialized (
      select s.*, count(*) over () as total from pilot_sites s where ${sql.join(conds, sql` and `)}
      order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
    )
    select r.total::int, r.id, r.name, r.type, r.okrug, r.district, r.address, r.region, r.testable,
      r.capacity, r.period_from, r.period_to, r.paid, r.price, o.id as org_id, o.short_name,
      (select count(*)::int from pilots p where p.site_id = r.id and p.state::text in ('agreed', 'running')) as busy
    from r join organizations o on o.id = r.organization_id`;
}
