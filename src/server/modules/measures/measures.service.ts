// Support measures: the public navigator (search with facets and verdicts, the measure page, the guest
// questionnaire) and the operator's editing with versions.
//
// How a search runs: one statement reads the published measures that match the text (Russian
// morphology over title/description/provider with prefixes, or a title similar to the query — pg_trgm
// word similarity, the typo tolerance) with the columns filters, facets and sorts need, the relevance
// rank and the criteria. Filters, facet counts (each facet over the other filters), eligibility
// verdicts (verdict only, no sentences: `verdictOf`), sorting and paging are then done here over those
// rows; a second read fetches the returned page's cards, whose full evaluations (with sentences) are
// built for that page alone. At 10,000 measures the cost is the transfer of the candidate rows to
// Node (~100 ms here); the next step is to compute verdicts and facet counts in SQL (see `npm run bench`).

import { and, asc, desc, eq, getTableColumns, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type Criteria,
  type EligibilityProfile,
  type Evaluation,
  evaluate,
  FOREIGN,
  VERDICTS,
  type Verdict,
  verdictOf,
} from "../../../shared/eligibility.js";
import { isRegionCode } from "../../../shared/regions.js";
import { writeAudit } from "../../core/audit.js";
import { moscowToday } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { type Executor, isUniqueViolation, likePattern } from "../../core/db.js";
import { badRequest, conflict, type FieldError, notFound } from "../../core/errors.js";
import { can } from "../../core/policy.js";
import { usersByIds } from "../accounts/accounts.service.js";
import {
  activeOrganizationFacts,
  activeOrganizationFactsQuery,
} from "../organizations/organizations.service.js";
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
  type SearchPage,
  type SearchQuery,
} from "./measures.contract.js";
import { MEASURE_COLUMNS, type MeasureRow, measures, measureVersions } from "./measures.schema.js";
import "./measures.messages.js";
import "./measures.policy.js";
import { onMeasurePublishedOrChanged } from "./measures.subscriptions.service.js";

type SearchQueryInput = z.infer<typeof SearchQuery>;
type Card = z.infer<typeof MeasureCard>;

export type { MeasureRow };

/** The card's columns (no long texts): what search reads for every match. */
const {
  descriptionRu: _d1,
  descriptionEn: _d2,
  requiredDocuments: _d3,
  contacts: _d4,
  applyUrl: _d5,
  ...CARD_COLUMNS
} = MEASURE_COLUMNS;
type CardRow = Omit<
  MeasureRow,
  "descriptionRu" | "descriptionEn" | "requiredDocuments" | "contacts" | "applyUrl"
>;

/** Open now: permanent, or today within [opensOn, closesOn] (a missing bound does not limit). */
export function isOpen(r: Pick<MeasureRow, "permanent" | "opensOn" | "closesOn">, today: string): boolean {
  if (r.permanent) return true;
  return (!r.opensOn || r.opensOn <= today) && (!r.closesOn || r.closesOn >= today);
}

// ---------- presentation ----------

export function presentCard(r: CardRow, today: string, rank: number | null, eligibility?: Evaluation): Card {
  return {
    id: r.id,
    slug: r.slug,
    titleRu: r.titleRu,
    titleEn: r.titleEn,
    provider: r.provider,
    providerKind: r.providerKind,
    level: r.level,
    form: r.form,
    amountMin: r.amountMin === null ? null : Number(r.amountMin),
    amountMax: r.amountMax === null ? null : Number(r.amountMax),
    cofinancingShare: r.cofinancingShare === null ? null : Number(r.cofinancingShare),
    permanent: r.permanent,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
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

export function presentAdmin(r: MeasureRow, today = moscowToday()): z.infer<typeof MeasureAdmin> {
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
export function questionnaireProfile(a: z.infer<typeof Questionnaire>): EligibilityProfile {
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

/**
 * The text query: Russian morphology, then every lexeme of four or more characters as a prefix
 * ("гранты" → 'грант':*), as in the organization directory.
 */
const tsQuery = (q: string) =>
  sql`to_tsquery('simple', regexp_replace(websearch_to_tsquery('russian', ${q})::text, '''([^'']{4,})''', '''\\1'':*', 'g'))`;

export const SEARCH_FACETS = [
  "level",
  "provider",
  "form",
  "openNow",
  "industry",
  "tag",
  "amount",
  "eligibility",
] as const;
type FacetName = (typeof SEARCH_FACETS)[number];

/** What search reads of every candidate (filters, facets, verdicts, sorts); the page's cards come after. */
const SEARCH_COLUMNS = {
  id: measures.id,
  level: measures.level,
  provider: measures.provider,
  form: measures.form,
  permanent: measures.permanent,
  opensOn: measures.opensOn,
  closesOn: measures.closesOn,
  industries: measures.industries,
  tags: measures.tags,
  amountMin: measures.amountMin,
  amountMax: measures.amountMax,
  publishedAt: measures.publishedAt,
  criteria: measures.criteria,
};
type SearchRow = Pick<CardRow, keyof typeof SEARCH_COLUMNS>;

type Candidate = {
  row: SearchRow & { rank: number | null };
  open: boolean;
  /** The amount a measure is bucketed and filtered by: its maximum, else its minimum. */
  amount: number | null;
  /** The verdict only (no sentences): the full evaluation is built for the returned page alone. */
  verdict?: Verdict;
};

const amountBucket = (amount: number | null) =>
  amount === null
    ? null
    : (AMOUNT_BUCKETS.find((b) => (b.min === null || amount >= b.min) && (b.max === null || amount < b.max))
        ?.key ?? null);

/** Whether a candidate passes one facet's filter (true when the filter is not set). */
function passes(f: FacetName, c: Candidate, q: SearchQueryInput, withVerdicts: boolean): boolean {
  const r = c.row;
  switch (f) {
    case "level":
      return !q.level?.length || q.level.includes(r.level);
    case "provider":
      return !q.provider?.length || q.provider.includes(r.provider);
    case "form":
      return !q.form?.length || q.form.includes(r.form);
    case "openNow":
      return !q.openNow || c.open;
    case "industry":
      return !q.industry?.length || r.industries.some((i) => q.industry!.includes(i));
    case "tag":
      return !q.tag?.length || r.tags.some((t) => q.tag!.includes(t as never));
    case "amount": {
      if (q.amountMin === undefined && q.amountMax === undefined) return true;
      const hi = r.amountMax ?? r.amountMin;
      const lo = r.amountMin ?? r.amountMax;
      if (hi === null || lo === null) return false;
      return (
        (q.amountMin === undefined || hi >= q.amountMin) && (q.amountMax === undefined || lo <= q.amountMax)
      );
    }
    case "eligibility":
      return !withVerdicts || !q.eligibility?.length || q.eligibility.includes(c.verdict!);
  }
}

function facetValues(f: FacetName, c: Candidate): string[] {
  const r = c.row;
  switch (f) {
    case "level":
      return [r.level];
    case "provider":
      return [r.provider];
    case "form":
      return [r.form];
    case "openNow":
      return [String(c.open)];
    case "industry":
      return r.industries;
    case "tag":
      return r.tags;
    case "amount": {
      const b = amountBucket(c.amount);
      return b ? [b] : [];
    }
    case "eligibility":
      return c.verdict ? [c.verdict] : [];
  }
}

/**
 * Deadline order: measures still to close, soonest first; then those without a closing date; then the
 * permanent ones; then those already closed, most recently closed first.
 */
type DeadlineRow = Pick<CardRow, "permanent" | "closesOn">;
type NewestRow = Pick<CardRow, "publishedAt" | "id">;

function deadlineKey(r: DeadlineRow, today: string): [number, string] {
  if (r.permanent) return [2, ""];
  if (!r.closesOn) return [1, ""];
  if (r.closesOn < today) return [3, r.closesOn];
  return [0, r.closesOn];
}

function compareDeadline(a: DeadlineRow, b: DeadlineRow, today: string): number {
  const [ta, da] = deadlineKey(a, today);
  const [tb, db] = deadlineKey(b, today);
  if (ta !== tb) return ta - tb;
  if (da !== db) return ta === 3 ? (da < db ? 1 : -1) : da < db ? -1 : 1;
  return 0;
}

const newestFirst = (a: NewestRow, b: NewestRow) =>
  (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1);

const byAmount = (a: Candidate, b: Candidate) =>
  (b.amount ?? -1) - (a.amount ?? -1) || (b.row.amountMin ?? -1) - (a.row.amountMin ?? -1);

/** Published measures matching the text (all of them without one), with card columns and rank. */
export function candidatesQuery(ex: Executor, text: string | undefined) {
  return matchingQuery(ex, text, CARD_COLUMNS);
}

function matchingQuery<C extends typeof SEARCH_COLUMNS>(ex: Executor, text: string | undefined, columns: C) {
  const q = text?.trim();
  const rank = q
    ? sql<number>`(ts_rank_cd(${measures.search}, ${tsQuery(q)}) + word_similarity(${q}, ${measures.titleRu}))::float8`
    : sql<null>`null::float8`;
  const match = q ? sql`(${measures.search} @@ ${tsQuery(q)} or ${q} <% ${measures.titleRu})` : undefined;
  return ex
    .select({ ...columns, rank })
    .from(measures)
    .where(and(eq(measures.status, "published"), match));
}

/** The cards of one page, by id (any order). */
const cardsQuery = (ex: Executor, ids: string[]) =>
  ex.select(CARD_COLUMNS).from(measures).where(inArray(measures.id, ids));

/**
 * The statements a search runs, concurrently (exported for the benchmark's raw-SQL comparison): the
 * actor's active organization (when signed in) and the candidates.
 */
export function searchStatements(ex: Executor, userId: string | null, q: Pick<SearchQueryInput, "q">) {
  return {
    organization: userId ? activeOrganizationFactsQuery(ex, userId) : null,
    candidates: matchingQuery(ex, q.q, SEARCH_COLUMNS),
    /** Then, one after: the returned page's cards. */
    cards: (ids: string[]) => cardsQuery(ex, ids),
  };
}

export async function searchMeasures(ctx: Ctx, q: SearchQueryInput): Promise<z.infer<typeof SearchPage>> {
  const today = moscowToday();
  const [org, found] = await Promise.all([activeOrg(ctx), matchingQuery(ctx.db, q.q, SEARCH_COLUMNS)]);
  const withVerdicts = org !== null;
  const candidates: Candidate[] = found.map((row) => ({
    row: { ...row, rank: row.rank === null ? null : Number(row.rank) },
    open: isOpen(row, today),
    amount: row.amountMax ?? row.amountMin,
    verdict: org ? verdictOf(row.criteria, org.profile, today) : undefined,
  }));

  const facetNames = SEARCH_FACETS.filter((f) => f !== "eligibility" || withVerdicts);
  const counts = new Map<FacetName, Map<string, number>>(facetNames.map((f) => [f, new Map()]));
  const results: Candidate[] = [];
  for (const c of candidates) {
    const ok = facetNames.map((f) => passes(f, c, q, withVerdicts));
    const failing = ok.filter((x) => !x).length;
    if (failing === 0) results.push(c);
    if (failing > 1) continue;
    // A facet counts the rows that pass every other filter.
    facetNames.forEach((f, i) => {
      if (failing === 1 && ok[i]) return;
      const m = counts.get(f)!;
      for (const v of new Set(facetValues(f, c))) m.set(v, (m.get(v) ?? 0) + 1);
    });
  }
  // A selected value stays listed (with 0) so it can be unselected.
  const selected: Partial<Record<FacetName, readonly string[] | undefined>> = {
    level: q.level,
    provider: q.provider,
    form: q.form,
    industry: q.industry,
    tag: q.tag,
    eligibility: withVerdicts ? q.eligibility : undefined,
  };
  for (const [f, values] of Object.entries(selected))
    for (const v of values ?? []) {
      const m = counts.get(f as FacetName);
      if (m && !m.has(v)) m.set(v, 0);
    }
  if (withVerdicts)
    for (const v of VERDICTS) counts.get("eligibility")!.set(v, counts.get("eligibility")!.get(v) ?? 0);

  const sortFacet = (f: FacetName) => {
    const entries = [...counts.get(f)!].map(([value, count]) => ({ value, count }));
    if (f === "amount") {
      const order = AMOUNT_BUCKETS.map((b) => b.key as string);
      return entries.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
    }
    if (f === "eligibility")
      return entries.sort(
        (a, b) => VERDICTS.indexOf(a.value as Verdict) - VERDICTS.indexOf(b.value as Verdict),
      );
    return entries.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };

  if (q.sort === "deadline")
    results.sort((a, b) => compareDeadline(a.row, b.row, today) || newestFirst(a.row, b.row));
  else if (q.sort === "amount") results.sort((a, b) => byAmount(a, b) || newestFirst(a.row, b.row));
  else if (q.q?.trim())
    results.sort((a, b) => (b.row.rank ?? 0) - (a.row.rank ?? 0) || newestFirst(a.row, b.row));
  else results.sort((a, b) => newestFirst(a.row, b.row));

  const start = (q.page - 1) * q.pageSize;
  const page = results.slice(start, start + q.pageSize);
  const cards = new Map(
    page.length
      ? (
          await cardsQuery(
            ctx.db,
            page.map((c) => c.row.id),
          )
        ).map((r) => [r.id, r])
      : [],
  );
  return {
    // Sentences are built for the page alone; a card archived between the two reads is left out.
    items: page.flatMap((c) => {
      const card = cards.get(c.row.id);
      if (!card) return [];
      const evaluation = org ? evaluate(card.criteria, org.profile, today) : undefined;
      return [presentCard(card, today, c.row.rank, evaluation)];
    }),
    total: results.length,
    page: q.page,
    pageSize: q.pageSize,
    facets: {
      level: sortFacet("level"),
      provider: sortFacet("provider"),
      form: sortFacet("form"),
      openNow: sortFacet("openNow"),
      industry: sortFacet("industry"),
      tag: sortFacet("tag"),
      amount: sortFacet("amount"),
      ...(withVerdicts ? { eligibility: sortFacet("eligibility") } : {}),
    },
    organization: org ? { id: org.id, shortName: org.shortName } : null,
  };
}

// ---------- the guest questionnaire ----------

export async function checkQuestionnaire(
  ctx: Ctx,
  body: z.infer<typeof CheckBody>,
): Promise<z.infer<typeof CheckPage>> {
  const today = moscowToday();
  const profile = questionnaireProfile(body.answers);
  const found = await candidatesQuery(ctx.db, undefined);
  const all = found.map((row) => ({
    row: { ...row, rank: null },
    open: isOpen(row, today),
    amount: row.amountMax ?? row.amountMin,
    verdict: verdictOf(row.criteria, profile, today),
  }));
  const verdicts = new Map<string, number>(VERDICTS.map((v) => [v, 0]));
  for (const c of all) verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
  const results = body.eligibility?.length ? all.filter((c) => body.eligibility!.includes(c.verdict)) : all;
  const byVerdict = (a: (typeof all)[number], b: (typeof all)[number]) =>
    VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict);
  if (body.sort === "amount") results.sort((a, b) => byAmount(a, b) || newestFirst(a.row, b.row));
  else if (body.sort === "deadline")
    results.sort((a, b) => compareDeadline(a.row, b.row, today) || newestFirst(a.row, b.row));
  else
    results.sort(
      (a, b) => byVerdict(a, b) || compareDeadline(a.row, b.row, today) || newestFirst(a.row, b.row),
    );
  const start = (body.page - 1) * body.pageSize;
  return {
    items: results.slice(start, start + body.pageSize).map((c) => {
      const evaluation = evaluate(c.row.criteria, profile, today);
      return { ...presentCard(c.row, today, null, evaluation), eligibility: evaluation };
    }),
    total: results.length,
    page: body.page,
    pageSize: body.pageSize,
    verdicts: [...verdicts].map(([value, count]) => ({ value, count })),
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
 * counter, not de-duplicated per session: it measures interest, not unique visitors).
 */
export async function getMeasure(ctx: Ctx, idOrSlug: string): Promise<z.infer<typeof MeasureView>> {
  const staff = isStaff(ctx);
  const [[row], org] = await Promise.all([
    ctx.db.select(MEASURE_COLUMNS).from(measures).where(byIdOrSlug(idOrSlug)),
    activeOrg(ctx),
  ]);
  if (!row || (row.status !== "published" && !staff)) throw notFound();
  if (!staff && row.status === "published")
    await ctx.db
      .update(measures)
      .set({ views: sql`${measures.views} + 1` })
      .where(eq(measures.id, row.id));
  const today = moscowToday();
  return {
    measure: presentMeasure(row, today, org ? evaluate(row.criteria, org.profile, today) : undefined),
    organization: org ? { id: org.id, shortName: org.shortName } : null,
  };
}

/** Counts a "go to apply" click on a published measure and returns where to go. */
export async function applyClick(ctx: Ctx, idOrSlug: string) {
  const [row] = await ctx.db
    .update(measures)
    .set({ applyClicks: sql`${measures.applyClicks} + 1` })
    .where(and(byIdOrSlug(idOrSlug), eq(measures.status, "published")))
    .returning({ applyUrl: measures.applyUrl });
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

function editable(r: MeasureRow): Editable {
  return {
    slug: r.slug,
    titleRu: r.titleRu,
    titleEn: r.titleEn,
    descriptionRu: r.descriptionRu,
    descriptionEn: r.descriptionEn,
    provider: r.provider,
    providerKind: r.providerKind,
    level: r.level,
    form: r.form,
    amountMin: r.amountMin === null ? null : Number(r.amountMin),
    amountMax: r.amountMax === null ? null : Number(r.amountMax),
    cofinancingShare: r.cofinancingShare === null ? null : Number(r.cofinancingShare),
    permanent: r.permanent,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
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
  let mails = 0;
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
      mails = await onMeasurePublishedOrChanged(tx, ctx, row, after);
      return presentAdmin(after);
    });
    if (mails) ctx.mailQueued();
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
  let mails = 0;
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
    mails = await onMeasurePublishedOrChanged(tx, ctx, row, after!);
    return presentAdmin(after!);
  });
  if (mails) ctx.mailQueued();
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
          sql`${measures.search} @@ ${tsQuery(text)}`,
          ilike(measures.titleRu, likePattern(text)),
          ilike(measures.provider, likePattern(text)),
          eq(measures.slug, text),
        )
      : undefined,
  ];
  const where = and(...conds);
  const [list, [total]] = await Promise.all([
    ctx.db
      .select(MEASURE_COLUMNS)
      .from(measures)
      .where(where)
      .orderBy(desc(measures.updatedAt), asc(measures.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(measures).where(where),
  ]);
  const today = moscowToday();
  return {
    items: list.map((r) => presentAdmin(r, today)),
    total: Number(total?.n ?? 0),
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
