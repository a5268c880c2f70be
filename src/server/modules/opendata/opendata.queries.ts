import { type SQL, sql } from "drizzle-orm";
import type { OpenDatasetName } from "../../../shared/opendata.js";

/**
 * The organizations open data may name: the directory's (every organization is in the public directory)
 * but individual entrepreneurs, whose name and identifiers are a person's. A reference to one of those
 * from a challenge, a project or an event reads as null.
 */
export const PUBLIC_ORG = sql`o.type <> 'individual_entrepreneur'`;

/** An organization's column when open data may name it (`o` joined), else null. */
const named = (col: SQL) => sql`case when ${PUBLIC_ORG} then ${col} end`;

const ISO_DAY = (col: SQL) => sql`to_char(${col}, 'YYYY-MM-DD')`;

/**
 * Each data set's rows, one column per key of its definition (src/shared/opendata.ts), from public data
 * only — the same conditions as the public catalogs: the directory, published measures, challenges in a
 * public state, every project with its accepted partners and confirmed money only, events but drafts.
 * `base` is the public address the `url` column starts with. The rows are ordered by `id` by the caller.
 */
export function datasetQuery(name: OpenDatasetName, base: string): SQL {
  switch (name) {
    case "organizations":
      return sql`select o.id::text as "id", o.type::text as "type", o.inn, o.ogrn, o.country,
          o.region_code as "regionCode", o.full_name as "fullName", o.short_name as "shortName",
          ${ISO_DAY(sql`o.founded_on`)} as "foundedOn", o.website, o.sme_category as "smeCategory",
          o.okved_main as "okvedMain", o.okved_sections as "okvedSections", o.tags, o.status::text as "status",
          o.status_since as "statusSince", (o.status_suspended_at is not null) as "statusSuspended",
          (o.verified_at is not null) as "verified", ${base} || '/directory/' || o.id as "url"
        from organizations o where ${PUBLIC_ORG}`;
    case "measures":
      return sql`select m.id::text as "id", m.slug, m.title_ru as "titleRu", m.title_en as "titleEn", m.provider,
          m.provider_kind::text as "providerKind", m.level::text as "level", m.form::text as "form",
          m.amount_min as "amountMin", m.amount_max as "amountMax", m.cofinancing_share as "cofinancingShare",
          m.permanent, ${ISO_DAY(sql`m.opens_on`)} as "opensOn", ${ISO_DAY(sql`m.closes_on`)} as "closesOn",
          m.apply_url as "applyUrl", m.industries, m.tags, m.published_at as "publishedAt",
          ${base} || '/measures/' || coalesce(m.slug, m.id::text) as "url"
        from measures m where m.status = 'published'`;
    case "challenges":
      return sql`select c.id::text as "id", c.title_ru as "titleRu", c.title_en as "titleEn",
          ${named(sql`o.id::text`)} as "organizationId", ${named(sql`o.short_name`)} as "organizationName",
          c.state::text as "state", c.visibility, c.reward_type::text as "rewardType",
          c.reward_amount as "rewardAmount", c.deadline, c.stages,
          (select count(*) from challenge_submissions s where s.challenge_id = c.id and s.state = 'submitted') as "submissions",
          c.industries, c.tags, c.opened_at as "openedAt", ${base} || '/challenges/' || c.id as "url"
        from challenges c join organizations o on o.id = c.organization_id
        where c.state::text in ('accepting', 'evaluation', 'results', 'closed')`;
    case "projects":
      return sql`select p.id::text as "id", p.title_ru as "titleRu", p.stage::text as "stage", p.trl,
          ${ISO_DAY(sql`p.start_on`)} as "startOn", ${ISO_DAY(sql`p.end_on`)} as "endOn", p.budget, p.joint,
          ${named(sql`o.id::text`)} as "leadOrganizationId", ${named(sql`o.short_name`)} as "leadOrganizationName",
          coalesce((select array_agg(po.short_name order by po.short_name, po.id) from project_members pm
            join organizations po on po.id = pm.organization_id
            where pm.project_id = p.id and pm.state = 'accepted' and po.type <> 'individual_entrepreneur'),
            '{}'::text[]) as "partnerOrganizations",
          cl.id::text as "clusterId", cl.name_ru as "clusterName",
          (select coalesce(sum(e.amount), 0) from project_entries e
            where e.project_id = p.id and e.state = 'confirmed' and e.kind = 'investment') as "investmentConfirmed",
          (select coalesce(sum(e.amount), 0) from project_entries e
            where e.project_id = p.id and e.state = 'confirmed' and e.kind = 'support') as "supportConfirmed",
          p.industries, p.tags, ${base} || '/projects/' || p.id as "url"
        from projects p join organizations o on o.id = p.lead_organization_id
        left join clusters cl on cl.id = p.cluster_id`;
    case "events":
      return sql`select e.id::text as "id", e.title_ru as "titleRu", e.kind::text as "kind", e.format::text as "format",
          e.state::text as "state", e.starts_at as "startsAt", e.ends_at as "endsAt", e.venue_ru as "venueRu",
          e.country, ${named(sql`o.id::text`)} as "organizerId", ${named(sql`o.short_name`)} as "organizerName",
          e.capacity, e.audience::text as "audience", e.published_at as "publishedAt",
          ${base} || '/events/' || e.id as "url"
        from events e left join organizations o on o.id = e.organizer_id
        where e.state <> 'draft'`;
  }
}
