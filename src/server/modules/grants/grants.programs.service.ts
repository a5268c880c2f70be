import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { GRANT_COMMITTED } from "../../../shared/grants.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError, badRequest, type FieldError, notFound } from "../../core/errors.js";
import { can } from "../../core/policy.js";
import type { Program, ProgramBody, ProgramCard, UpdateProgramBody } from "./grants.contract.js";
import { grantApplications, grantPrograms } from "./grants.schema.js";

/*
 * Grant programs (src/shared/grants.ts): created and edited by operators (a stale edit is 409
 * "grant-program-changed" with the program as it is now), public with their rules and the budget left
 * (the budget less the amounts approved in applications from `approved` on).
 */

export type ProgramRow = typeof grantPrograms.$inferSelect;
type CardView = z.infer<typeof ProgramCard>;

export const windowOf = (p: Pick<ProgramRow, "opensAt" | "closesAt">, now = new Date()) =>
  now < p.opensAt ? "upcoming" : now >= p.closesAt ? "closed" : "open";

/** The sum approved in a program's committed applications, kopecks. */
export async function committedOf(ex: Executor, programId: string, organizationId?: string): Promise<number> {
  const [r] = await ex
    .select({ n: sql<string>`coalesce(sum(${grantApplications.approved}), 0)::text` })
    .from(grantApplications)
    .where(
      and(
        eq(grantApplications.programId, programId),
        inArray(grantApplications.state, [...GRANT_COMMITTED]),
        organizationId ? eq(grantApplications.organizationId, organizationId) : undefined,
      ),
    );
  return Number(r?.n ?? 0);
}

const card = (p: ProgramRow, committed: number): CardView => ({
  id: p.id,
  titleRu: p.titleRu,
  legalBasisRu: p.legalBasisRu,
  legalBasisNumber: p.legalBasisNumber,
  categories: p.categories,
  maxPerApplicant: p.maxPerApplicant,
  budget: p.budget,
  remaining: Math.max(0, p.budget - committed),
  opensAt: p.opensAt.toISOString(),
  closesAt: p.closesAt.toISOString(),
  window: windowOf(p),
});

export async function programRow(ex: Executor, id: string, lock = false): Promise<ProgramRow> {
  const q = ex.select().from(grantPrograms).where(eq(grantPrograms.id, id));
  const [p] = lock ? await q.for("update") : await q;
  if (!p) throw notFound();
  return p;
}

async function programView(ctx: Ctx, ex: Executor, id: string): Promise<z.infer<typeof Program>> {
  const p = await programRow(ex, id);
  return {
    ...card(p, await committedOf(ex, id)),
    descriptionRu: p.descriptionRu,
    eligibility: p.eligibility,
    checkDays: p.checkDays,
    version: p.version,
    me: { manage: can(ctx.actor, "operator.grants.manage") },
  };
}

/** Every program, the open ones first, then the upcoming, then the closed; by closing day within. */
export async function listPrograms(ctx: Ctx) {
  const list = await ctx.db.select().from(grantPrograms).orderBy(asc(grantPrograms.closesAt));
  const committed = list.length
    ? await ctx.db
        .select({
          programId: grantApplications.programId,
          n: sql<string>`coalesce(sum(${grantApplications.approved}), 0)::text`,
        })
        .from(grantApplications)
        .where(inArray(grantApplications.state, [...GRANT_COMMITTED]))
        .groupBy(grantApplications.programId)
    : [];
  const by = new Map(committed.map((c) => [c.programId, Number(c.n)]));
  const rank = { open: 0, upcoming: 1, closed: 2 } as const;
  const items = list.map((p) => card(p, by.get(p.id) ?? 0)).sort((a, b) => rank[a.window] - rank[b.window]);
  return { items, total: items.length };
}

export const getProgram = (ctx: Ctx, id: string) => programView(ctx, ctx.db, id);

function programContent(body: z.infer<typeof ProgramBody>) {
  const fields: FieldError[] = [];
  if (new Date(body.closesAt) <= new Date(body.opensAt))
    fields.push({ field: "closesAt", key: "field.grant.window-order" });
  const seen = new Set<string>();
  body.categories.forEach((c, i) => {
    if (seen.has(c.category))
      fields.push({ field: `categories.${i}.category`, key: "field.grant.category-twice" });
    seen.add(c.category);
  });
  if (body.maxPerApplicant > body.budget)
    fields.push({ field: "maxPerApplicant", key: "field.grant.max-over-budget" });
  if (fields.length) throw badRequest(fields);
  return { ...body, opensAt: new Date(body.opensAt), closesAt: new Date(body.closesAt) };
}

const audited = (p: Pick<ProgramRow, "titleRu" | "budget" | "maxPerApplicant" | "opensAt" | "closesAt">) => ({
  titleRu: p.titleRu,
  budget: p.budget,
  maxPerApplicant: p.maxPerApplicant,
  opensAt: p.opensAt.toISOString(),
  closesAt: p.closesAt.toISOString(),
});

export async function createProgram(ctx: Ctx, body: z.infer<typeof ProgramBody>) {
  const actor = requireActor(ctx);
  const content = programContent(body);
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .insert(grantPrograms)
      .values({ ...content, authorId: actor.id })
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "grant.program_create",
      entity: "grant_program",
      entityId: p!.id,
      after: audited(p!),
    });
    return programView(ctx, tx, p!.id);
  });
}

export async function updateProgram(ctx: Ctx, id: string, body: z.infer<typeof UpdateProgramBody>) {
  requireActor(ctx);
  const { version, ...rest } = body;
  const content = programContent(rest);
  return ctx.db.transaction(async (tx) => {
    const p = await programRow(tx, id, true);
    if (p.version !== version)
      throw new AppError(409, "grant-program-changed", {}, [], { current: await programView(ctx, tx, id) });
    const committed = await committedOf(tx, id);
    if (content.budget < committed)
      throw badRequest([
        { field: "budget", key: "field.grant.budget-below-committed", params: { committed } },
      ]);
    await tx
      .update(grantPrograms)
      .set({ ...content, version: sql`${grantPrograms.version} + 1`, updatedAt: sql`now()` })
      .where(eq(grantPrograms.id, id));
    await writeAudit(tx, auditCtx(ctx), {
      action: "grant.program_update",
      entity: "grant_program",
      entityId: id,
      before: audited(p),
      after: audited({ ...p, ...content }),
    });
    return programView(ctx, tx, id);
  });
}
