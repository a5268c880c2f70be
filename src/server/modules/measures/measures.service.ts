// Support measures: the public navigator (search with facets and verdicts, the measure page, the guest
// questionnaire) and the operator's editing with versions.
//
// A search is one SQL statement (measures.search.ts: verdicts, filters, facets, total and the page's
// cards computed in the database); this file turns its result into the response, building the
// explained evaluations (sentences) for the page's cards alone.

import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type Criteria,
  type EligibilityProfile,
  type Evaluation,
  evaluate,
  FOREIGN,
  VERDICTS,
  type Verdict,
} from "../../../shared/eligibility.js";
import { isRegionCode } from "../../../shared/regions.js";
import { writeAudit } from "../../core/audit.js";
import { moscowToday } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import {
  countRows,
  type Executor,
  isUniqueViolation,
  likePattern,
  pageOf,
  prefixTsQuery,
} from "../../core/db.js";
import { badRequest, conflict, type FieldError, notFound } from "../../core/errors.js";
import { can } from "../../core/policy.js";
import { cachedJson, generation } from "../../core/search.js";
import { usersByIds } from "../accounts/accounts.service.js";
import { activeOrganizationFacts } from "../organizations/organizations.service.js";
import {
  AMOUNT_BUCKETS,
  type CheckBody,
  type CheckPage,
  type Measure,
  type MeasureAdmin,
  type MeasureCard,
  type MeasureInput,
  type MeasurePatch,
  type MeasureVersions,
  type MeasureView,
  type OperatorPage,
  type OperatorQuery,
  type Questionnaire,
  SearchPage,
  type SearchQuery,
} from "./measures.contract.js";
import {
  MEASURE_COLUMNS,
  type MeasureRow,
  type MeasureTerms,
  measures,
  measureVersions,
} from "./measures.schema.js";
import {
  type FacetName,
  type PageCard,
  runSearch,
  type SearchResult,
  type SearchSpec,
} from "./measures.search.js";
import { onMeasurePublishedOrChanged } from "./measures.subscriptions.service.js";
import { countMeasureUsage, countNavigatorSearch, isNavigatorSearch } from "./measures.usage.js";

type SearchQueryInput = z.infer<typeof SearchQuery>;
type Card = z.infer<typeof MeasureCard>;

export type { MeasureRow };

/** Open now: permanent, or today within [opensOn, closesOn] (a missing bound does not limit). */
export function isOpen(r: Pick<MeasureRow, "permanent" | "opensOn" | "closesOn">, today: string): boolean {
  if (r.permanent) return true;
  return (!r.opensOn || r.opensOn <= today) && (!r.closesOn || r.closesOn >= today);
}

// ---------- presentation ----------

const toNumber = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * A measure's terms, as a card and the editor show them: who gives what, how much (as numbers: numeric
 * and bigint columns may come as strings) and when applications are taken.
 */
function termsOf(r: MeasureTerms) {
  return {
    provider: r.provider,
    providerKind: r.providerKind,
    level: r.level,
    form: r.form,
    amountMin: toNumber(r.amountMin),
    amountMax: toNumber(r.amountMax),
    cofinancingShare: toNumber(r.cofinancingShare),
    permanent: r.permanent,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
  };
}

export function presentCard(r: PageCard, today: string, rank: number | null, eligibility?: Evaluation): Card {
  return {
    id: r.id,
    slug: r.slug,
    titleRu: r.titleRu,
    titleEn: r.titleEn,
    ...termsOf(r),
    openNow: isOpen(r, today),
    industries: r.industries,
    tags: r.tags,
    isDemo: r.isDemo,
    rank,
    ...(eligibility ? { eligibility } : {}),
  };
}

function presentMeasure(r: MeasureRow, today: string, eligibility?: Evaluation): z.infer<typeof Measure> {
  return {
    ...presentCard(r, today, null, eligibility),
    descriptionRu: r.descriptionRu,
    descriptionEn: r.descriptionEn,
    requiredDocuments: r.requiredDocuments,
    applyUrl: r.applyUrl,
    contacts: r.contacts,
    criteria: (r.criteria ?? {}) as z.infer<typeof Measure>["criteria"],
    publishedAt: r.publishedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function presentAdmin(r: MeasureRow, today = moscowToday()): z.infer<typeof MeasureAdmin> {
  return {
    ...presentMeasure(r, today),
    status: r.status,
    views: r.views,
    applyClicks: r.applyClicks,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

// ---------- eligibility profiles ----------

type OrgFacts = NonNullable<Awaited<ReturnType<typeof activeOrganizationFacts>>>;

/** An organization's facts as eligibility sees them (a flag it has not declared is unknown). */
export function orgProfile(o: OrgFacts): EligibilityProfile {
  return {
    type: o.type,
    regionCode: o.regionCode,
    foundedOn: o.foundedOn,
    headcount: o.headcount,
    revenueMln: o.revenueMln === null ? null : Number(o.revenueMln),
    status: o.status,
    statusSuspended: o.statusSuspended,
    okvedSections: o.okvedSections,
    tags: o.tags,
    flags: o.declaredFlags ?? null,
  };
}

/** The guest questionnaire's answers as a profile (unanswered = unknown). */
function questionnaireProfile(a: z.infer<typeof Questionnaire>): EligibilityProfile {
  return {
    type: a.type ?? null,
    regionCode: a.region ?? null,
    ageYears: a.ageYears ?? null,
    headcount: a.headcount ?? null,
    revenueMln: a.revenueMln ?? null,
    status: a.status ?? null,
    okvedSections: a.industry ? [a.industry] : null,
    tags: null,
    flags: null,
  };
}

/** The signed-in user's active organization with its eligibility profile, or null. */
async function activeOrg(ctx: Ctx) {
  if (!ctx.actor) return null;
  const facts = await activeOrganizationFacts(ctx.db, ctx.actor.id);
  return facts ? { id: facts.id, shortName: facts.shortName, profile: orgProfile(facts) } : null;
}

// ---------- search ----------

/** A search's page as cards, each with its explained evaluation when there is a profile. */
function pageCards(result: SearchResult, profile: EligibilityProfile | null, today: string): Card[] {
  return result.page.map((p) =>
    presentCard(p.card, today, p.rank, profile ? evaluate(p.card.criteria, profile, today) : undefined),
  );
}

/** A facet's values for the response: selected values stay listed (with 0) so they can be unselected. */
function facetList(f: FacetName, counts: Map<string, number>, selected: readonly string[] = []) {
  for (const v of selected) if (!counts.has(v)) counts.set(v, 0);
  if (f === "eligibility") for (const v of VERDICTS) if (!counts.has(v)) counts.set(v, 0);
  const entries = [...counts].map(([value, count]) => ({ value, count }));
  if (f === "amount") {
    const order = AMOUNT_BUCKETS.map((b) => b.key as string);
    return entries.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  }
  if (f === "eligibility")
    return entries.sort(
      (a, b) => VERDICTS.indexOf(a.value as Verdict) - VERDICTS.indexOf(b.value as Verdict),
    );
  return entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The search a navigator query asks for, for a profile or none (exported for the benchmark). */
export function searchSpec(
  q: SearchQueryInput,
  profile: EligibilityProfile | null,
  today: string,
): SearchSpec {
  return {
    text: q.q,
    level: q.level,
    provider: q.provider,
    form: q.form,
    openNow: q.openNow,
    industry: q.industry,
    tag: q.tag,
    amountMin: q.amountMin,
    amountMax: q.amountMax,
    eligibility: profile ? q.eligibility : undefined,
    sort: q.sort,
    page: q.page,
    pageSize: q.pageSize,
    profile,
    today,
  };
}

/** A search as the response's JSON (cards with their explanations), cached by the catalog's generation. */
export async function searchMeasures(ctx: Ctx, q: SearchQueryInput): Promise<string> {
  const today = moscowToday();
  // A search by anyone but staff counts for the dashboards, whether or not the answer is cached.
  if (isNavigatorSearch(q) && !isStaff(ctx)) countNavigatorSearch(ctx.db);
  // The catalog's generation is read alongside the member's organization (two statements at once).
  const gen = generation(ctx.db, "measures");
  gen.catch(() => {}); // awaited below; an error there goes to the request
  const org = await activeOrg(ctx);
  const profile = org?.profile ?? null;
  // The whole answer (cards with their explanations) is cached by the catalog's generation.
  const key = JSON.stringify([q, profile, today, org?.id, org?.shortName]);
  return cachedJson(
    ctx.db,
    "measures",
    `page:${key}`,
    SearchPage,
    async () => {
      const result = await runSearch(ctx.db, searchSpec(q, profile, today));
      const facet = (f: FacetName, selected?: readonly string[]) =>
        facetList(f, result.facets.get(f) ?? new Map(), selected);
      return {
        items: pageCards(result, profile, today),
        total: result.total,
        page: q.page,
        pageSize: q.pageSize,
        facets: {
          level: facet("level", q.level),
          provider: facet("provider", q.provider),
          form: facet("form", q.form),
          openNow: facet("openNow"),
          industry: facet("industry", q.industry),
          tag: facet("tag", q.tag),
          amount: facet("amount"),
          ...(profile ? { eligibility: facet("eligibility", q.eligibility) } : {}),
        },
        organization: org ? { id: org.id, shortName: org.shortName } : null,
      };
    },
    gen,
  );
}

// ---------- the guest questionnaire ----------

export async function checkQuestionnaire(
  ctx: Ctx,
  body: z.infer<typeof CheckBody>,
): Promise<z.infer<typeof CheckPage>> {
  const today = moscowToday();
  const profile = questionnaireProfile(body.answers);
  const result = await runSearch(ctx.db, {
    eligibility: body.eligibility,
    sort: body.sort,
    page: body.page,
    pageSize: body.pageSize,
    profile,
    today,
  });
  const items = pageCards(result, profile, today);
  return {
    items: items.map((c) => ({ ...c, eligibility: c.eligibility! })),
    total: result.total,
    page: body.page,
    pageSize: body.pageSize,
    // Over all published measures: the verdict filter is the only one, and a facet ignores its own.
    verdicts: facetList("eligibility", result.facets.get("eligibility") ?? new Map()),
  };
}

// ---------- the measure page ----------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const byIdOrSlug = (idOrSlug: string) =>
  UUID.test(idOrSlug) ? eq(measures.id, idOrSlug) : eq(measures.slug, idOrSlug);

const isStaff = (ctx: Ctx) => can(ctx.actor, "measures.manage");

/**
 * A published measure (any status for staff), by id or slug, with the full eligibility breakdown for
 * a member's active organization. Each view by someone other than staff adds one to `views` (a plain
 * counter, not de-duplicated per session: it measures interest, not unique visitors) and to the day's
 * row of `measure_usage_daily` (the dashboards).
 */
export async function getMeasure(ctx: Ctx, idOrSlug: string): Promise<z.infer<typeof MeasureView>> {
  const staff = isStaff(ctx);
  const [[row], org] = await Promise.all([
    ctx.db.select(MEASURE_COLUMNS).from(measures).where(byIdOrSlug(idOrSlug)),
    activeOrg(ctx),
  ]);
  if (!row || (row.status !== "published" && !staff)) throw notFound();
  if (!staff && row.status === "published")
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(measures)
        .set({ views: sql`${measures.views} + 1` })
        .where(eq(measures.id, row.id));
      await countMeasureUsage(tx, row.id, "view");
    });
  const today = moscowToday();
  return {
    measure: presentMeasure(row, today, org ? evaluate(row.criteria, org.profile, today) : undefined),
    organization: org ? { id: org.id, shortName: org.shortName } : null,
  };
}

/** Counts a "go to apply" click on a published measure and returns where to go. */
export async function applyClick(ctx: Ctx, idOrSlug: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .update(measures)
      .set({ applyClicks: sql`${measures.applyClicks} + 1` })
      .where(and(byIdOrSlug(idOrSlug), eq(measures.status, "published")))
      .returning({ id: measures.id, applyUrl: measures.applyUrl });
    // the day's row counts readers only, as views do (an operator checking the link is no interest)
    if (r && !isStaff(ctx)) await countMeasureUsage(tx, r.id, "applyClick");
    return r;
  });
  if (!row) throw notFound();
  return { applyUrl: row.applyUrl };
}

// ---------- operator ----------

type Input = z.infer<typeof MeasureInput>;
type Patch = z.infer<typeof MeasurePatch>;

/** The fields an operator edits (and the history records). */
export const EDIT_KEYS = [
  "slug",
  "titleRu",
  "titleEn",
  "descriptionRu",
  "descriptionEn",
  "provider",
  "providerKind",
  "level",
  "form",
  "amountMin",
  "amountMax",
  "cofinancingShare",
  "permanent",
  "opensOn",
  "closesOn",
  "requiredDocuments",
  "applyUrl",
  "contacts",
  "industries",
  "tags",
  "criteria",
  "isDemo",
] as const satisfies readonly (keyof Input)[];
type EditKey = (typeof EDIT_KEYS)[number];
type Editable = Pick<Input, EditKey>;

/** A measure's fields an operator edits, as the API takes them (also the columns of an export). */
export function editable(r: MeasureRow): Editable {
  return {
    slug: r.slug,
    titleRu: r.titleRu,
    titleEn: r.titleEn,
    descriptionRu: r.descriptionRu,
    descriptionEn: r.descriptionEn,
    ...termsOf(r),
    requiredDocuments: r.requiredDocuments,
    applyUrl: r.applyUrl,
    contacts: r.contacts,
    industries: r.industries,
    tags: r.tags as Editable["tags"],
    criteria: (r.criteria ?? {}) as Criteria & Input["criteria"],
    isDemo: r.isDemo,
  };
}

/** JSON equality with object keys in any order (criteria are compared as data). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v ?? null;
}
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Checks the service makes beyond the contract's shapes (region codes exist, ranges hold after a merge). */
function inputErrors(v: Partial<Editable>): FieldError[] {
  const errors: FieldError[] = [];
  (v.criteria?.regions ?? []).forEach((code, i) => {
    if (code !== FOREIGN && !isRegionCode(code))
      errors.push({ field: `criteria.regions.${i}`, key: "field.measure.region" });
  });
  if (v.amountMin != null && v.amountMax != null && v.amountMin > v.amountMax)
    errors.push({ field: "amountMax", key: "field.range" });
  if (v.opensOn && v.closesOn && v.opensOn > v.closesOn)
    errors.push({ field: "closesOn", key: "field.date-range" });
  return errors;
}

const slugTaken = () => badRequest([{ field: "slug", key: "field.measure.slug-taken" }]);

async function recordVersion(
  ex: Executor,
  ctx: Ctx,
  m: { id: string; version: number },
  action: string,
  changes: Record<string, { before: unknown; after: unknown }>,
) {
  await ex.insert(measureVersions).values({
    measureId: m.id,
    version: m.version,
    actorId: ctx.actor?.id ?? null,
    action,
    changes,
  });
  await writeAudit(ex, auditCtx(ctx), {
    action: `measure.${action}`,
    entity: "measure",
    entityId: m.id,
    before: { ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.before])) },
    after: {
      ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.after])),
      version: m.version,
    },
  });
}

export async function createMeasure(ctx: Ctx, body: Input) {
  const actor = requireActor(ctx);
  const errors = inputErrors(body);
  if (errors.length) throw badRequest(errors);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(measures)
        .values({ ...body, status: "draft", createdBy: actor.id })
        .returning(MEASURE_COLUMNS);
      const after = editable(row!);
      await recordVersion(
        tx,
        ctx,
        row!,
        "create",
        Object.fromEntries(EDIT_KEYS.map((k) => [k, { before: null, after: after[k] ?? null }])),
      );
      return presentAdmin(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err, "measures_slug_key")) throw slugTaken();
    throw err;
  }
}

async function lockMeasure(tx: Executor, id: string) {
  const [row] = await tx.select(MEASURE_COLUMNS).from(measures).where(eq(measures.id, id)).for("update");
  if (!row) throw notFound();
  return row;
}

export async function updateMeasure(ctx: Ctx, id: string, body: Patch) {
  requireActor(ctx);
  const { version, ...rest } = body;
  try {
    const out = await ctx.db.transaction(async (tx) => {
      const row = await lockMeasure(tx, id);
      if (row.version !== version) throw conflict({ current: presentAdmin(row) });
      const before = editable(row);
      const given = Object.fromEntries(
        Object.entries(rest).filter(([, v]) => v !== undefined),
      ) as Partial<Editable>;
      const next = { ...before, ...given };
      const errors = inputErrors(next);
      if (errors.length) throw badRequest(errors);
      const changed = EDIT_KEYS.filter((k) => k in given && !same(before[k], next[k]));
      if (!changed.length) return presentAdmin(row);
      const [after] = await tx
        .update(measures)
        .set({
          ...Object.fromEntries(changed.map((k) => [k, next[k] ?? null])),
          version: row.version + 1,
          updatedAt: sql`now()`,
        })
        .where(and(eq(measures.id, id), eq(measures.version, version)))
        .returning(MEASURE_COLUMNS);
      if (!after) throw conflict({ current: presentAdmin(row) });
      await recordVersion(
        tx,
        ctx,
        after,
        "update",
        Object.fromEntries(changed.map((k) => [k, { before: before[k] ?? null, after: next[k] ?? null }])),
      );
      await onMeasurePublishedOrChanged(tx, ctx, row, after);
      return presentAdmin(after);
    });
    return out;
  } catch (err) {
    if (isUniqueViolation(err, "measures_slug_key")) throw slugTaken();
    throw err;
  }
}

/**
 * Publish (from draft or archived) or archive (from draft or published). The same status again changes
 * nothing. `version`, when given, must be the current one (409 otherwise).
 */
export async function setStatus(ctx: Ctx, id: string, to: "published" | "archived", version?: number) {
  requireActor(ctx);
  const out = await ctx.db.transaction(async (tx) => {
    const row = await lockMeasure(tx, id);
    if (version !== undefined && row.version !== version) throw conflict({ current: presentAdmin(row) });
    if (row.status === to) return presentAdmin(row);
    const [after] = await tx
      .update(measures)
      .set({
        status: to,
        version: row.version + 1,
        updatedAt: sql`now()`,
        ...(to === "published" ? { publishedAt: sql`now()` } : {}),
      })
      .where(eq(measures.id, id))
      .returning(MEASURE_COLUMNS);
    await recordVersion(tx, ctx, after!, to === "published" ? "publish" : "archive", {
      status: { before: row.status, after: to },
    });
    await onMeasurePublishedOrChanged(tx, ctx, row, after!);
    return presentAdmin(after!);
  });
  return out;
}

export async function operatorMeasure(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select(MEASURE_COLUMNS).from(measures).where(eq(measures.id, id));
  if (!row) throw notFound();
  return presentAdmin(row);
}

export async function operatorList(
  ctx: Ctx,
  q: z.infer<typeof OperatorQuery>,
): Promise<z.infer<typeof OperatorPage>> {
  const text = q.q?.trim();
  const conds: (SQL | undefined)[] = [
    q.status?.length ? inArray(measures.status, q.status) : undefined,
    q.level?.length ? inArray(measures.level, q.level) : undefined,
    q.form?.length ? inArray(measures.form, q.form) : undefined,
    q.isDemo === undefined ? undefined : eq(measures.isDemo, q.isDemo),
    text
      ? or(
          sql`${measures.search} @@ ${prefixTsQuery(text)}`,
          ilike(measures.titleRu, likePattern(text)),
          ilike(measures.provider, likePattern(text)),
          eq(measures.slug, text),
        )
      : undefined,
  ];
  const where = and(...conds);
  const { items: list, total } = await pageOf(
    ctx.db
      .select(MEASURE_COLUMNS)
      .from(measures)
      .where(where)
      .orderBy(desc(measures.updatedAt), asc(measures.id))
      .$dynamic(),
    countRows(ctx.db, measures, where),
    q,
  );
  const today = moscowToday();
  return {
    items: list.map((r) => presentAdmin(r, today)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function versions(ctx: Ctx, id: string): Promise<z.infer<typeof MeasureVersions>> {
  const [exists] = await ctx.db.select({ id: measures.id }).from(measures).where(eq(measures.id, id));
  if (!exists) throw notFound();
  const list = await ctx.db
    .select()
    .from(measureVersions)
    .where(eq(measureVersions.measureId, id))
    .orderBy(desc(measureVersions.version));
  const people = await usersByIds(ctx.db, [
    ...new Set(list.map((v) => v.actorId).filter((x): x is string => !!x)),
  ]);
  return {
    items: list.map((v) => {
      const u = v.actorId ? people.get(v.actorId) : undefined;
      return {
        version: v.version,
        action: v.action,
        at: v.at.toISOString(),
        actor: v.actorId ? { id: v.actorId, fullName: u?.fullName ?? "" } : null,
        changes: v.changes,
      };
    }),
  };
}
