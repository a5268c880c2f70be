import type { Readable } from "node:stream";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { EntryState } from "../../../shared/projects.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor } from "../../core/db.js";
import { AppError, badRequest, type FieldError, notFound } from "../../core/errors.js";
import {
  attachFile,
  defineFilePurpose,
  findFile,
  forgetFile,
  type StoredFile,
  storeUpload,
} from "../../core/files.js";
import { files } from "../../core/files.schema.js";
import { can } from "../../core/policy.js";
import { measures } from "../measures/measures.schema.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { accessOf, refusal } from "../organizations/access.js";
import { managerIds } from "../organizations/membership.js";
import { organizations } from "../organizations/organizations.schema.js";
import type { EntryBody, EntryDecisionBody, ProjectEntry, QueueQuery } from "./projects.contract.js";
import { PROJECT_NOTIFICATION_KINDS } from "./projects.notifications.js";
import { projectEntries, projects } from "./projects.schema.js";

/*
 * Money recorded against a project (src/shared/projects.ts): investment attracted and city support
 * received, declared by the lead's owner or admin (or an operator on its behalf) with the day, the source
 * and a document (a stored file, its type detected from its content); an operator confirms it (with its
 * document) or rejects it with a reason. Only confirmed entries count in public totals and show on the
 * public page; the lead's managers and operators see every entry. A decision names the entry's version:
 * a stale one is 409 "project-entry-changed" with the entry as it is now.
 */

export const PROJECT_FILES = defineFilePurpose({
  name: "project-entry",
  maxBytes: 20 * 1024 * 1024,
  types: [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
  ],
  maxPixels: 100_000_000,
});

type EntryView = z.infer<typeof ProjectEntry>;
type EntryRow = typeof projectEntries.$inferSelect;

const selection = {
  e: projectEntries,
  measureTitle: measures.titleRu,
  fileName: files.originalName,
  fileSize: files.size,
  projectTitle: projects.titleRu,
  leadId: organizations.id,
  leadName: organizations.shortName,
};

function entryQuery(ex: Executor, where: SQL) {
  return ex
    .select(selection)
    .from(projectEntries)
    .innerJoin(projects, eq(projects.id, projectEntries.projectId))
    .innerJoin(organizations, eq(organizations.id, projects.leadOrganizationId))
    .leftJoin(measures, eq(measures.id, projectEntries.measureId))
    .leftJoin(files, eq(files.id, projectEntries.fileId))
    .where(where);
}

type Selected = Awaited<ReturnType<typeof entryQuery>>[number];

const view = (s: Selected): EntryView => ({
  id: s.e.id,
  kind: s.e.kind,
  state: s.e.state,
  investorRu: s.e.investorRu,
  investmentType: s.e.investmentType,
  measure: s.e.measureId && s.measureTitle ? { id: s.e.measureId, titleRu: s.measureTitle } : null,
  supportRu: s.e.supportRu,
  amount: s.e.amount,
  receivedOn: s.e.receivedOn,
  sourceRu: s.e.sourceRu,
  document: s.e.fileId && s.fileName ? { id: s.e.fileId, name: s.fileName, size: s.fileSize ?? 0 } : null,
  rejectReason: s.e.rejectReason,
  decidedAt: s.e.decidedAt?.toISOString() ?? null,
  createdAt: s.e.createdAt.toISOString(),
  version: s.e.version,
  project: { id: s.e.projectId, titleRu: s.projectTitle, lead: { id: s.leadId, shortName: s.leadName } },
});

/** A project's entries: the confirmed ones (the public), or all (its managers, operators). */
export async function entriesOf(ex: Executor, projectId: string, which: "confirmed" | "all") {
  const cond = and(
    eq(projectEntries.projectId, projectId),
    ...(which === "confirmed" ? [eq(projectEntries.state, "confirmed")] : []),
  )!;
  const list = await entryQuery(ex, cond).orderBy(asc(projectEntries.receivedOn), asc(projectEntries.id));
  return list.map(view);
}

/** A project's confirmed money, rubles: declared and rejected entries never count. */
export async function totalsOf(ex: Executor, projectId: string) {
  const [t] = await ex
    .select({
      investment: sql<string>`coalesce(sum(${projectEntries.amount}) filter (where ${projectEntries.kind} = 'investment'), 0)::text`,
      support: sql<string>`coalesce(sum(${projectEntries.amount}) filter (where ${projectEntries.kind} = 'support'), 0)::text`,
    })
    .from(projectEntries)
    .where(and(eq(projectEntries.projectId, projectId), eq(projectEntries.state, "confirmed")));
  return { investment: Number(t?.investment ?? 0), support: Number(t?.support ?? 0) };
}

async function entryView(ex: Executor, id: string): Promise<EntryView> {
  const [s] = await entryQuery(ex, eq(projectEntries.id, id));
  if (!s) throw notFound();
  return view(s);
}

/** The project locked by one who may manage it (anyone else: 404). */
async function managed(tx: Executor, ctx: Ctx, projectId: string) {
  const [p] = await tx
    .select({ id: projects.id, leadOrganizationId: projects.leadOrganizationId, titleRu: projects.titleRu })
    .from(projects)
    .where(eq(projects.id, projectId))
    .for("update");
  if (!p) throw notFound();
  const access = await accessOf(tx, ctx.actor, p.leadOrganizationId);
  if (!can(ctx.actor, "projects.manage", access)) throw refusal(404, p.leadOrganizationId, "projects.manage");
  return p;
}

/** An entry with its project, for one who may manage the project or an operator (anyone else: 404). */
async function readableEntry(
  tx: Executor,
  ctx: Ctx,
  id: string,
  lock = false,
): Promise<EntryRow & { lead: string }> {
  const q = tx
    .select({ e: projectEntries, lead: projects.leadOrganizationId })
    .from(projectEntries)
    .innerJoin(projects, eq(projects.id, projectEntries.projectId))
    .where(eq(projectEntries.id, id));
  const [r] = lock ? await q.for("update", { of: projectEntries }) : await q;
  if (!r) throw notFound();
  if (can(ctx.actor, "operator.projects.queue")) return { ...r.e, lead: r.lead };
  const access = await accessOf(tx, ctx.actor, r.lead);
  if (!can(ctx.actor, "projects.manage", access)) throw refusal(404, r.lead, "projects.manage");
  return { ...r.e, lead: r.lead };
}

function entryContent(body: z.infer<typeof EntryBody>) {
  const fields: FieldError[] = [];
  if (body.kind === "investment") {
    if (!body.investorRu) fields.push({ field: "investorRu", key: "field.project.investor-required" });
    if (!body.investmentType)
      fields.push({ field: "investmentType", key: "field.project.investment-type-required" });
  } else if (!body.measureId && !body.supportRu)
    fields.push({ field: "supportRu", key: "field.project.support-required" });
  if (fields.length) throw badRequest(fields);
  const investment = body.kind === "investment";
  return {
    kind: body.kind,
    investorRu: investment ? (body.investorRu ?? null) : null,
    investmentType: investment ? (body.investmentType ?? null) : null,
    measureId: investment ? null : (body.measureId ?? null),
    supportRu: investment ? null : (body.supportRu ?? null),
    amount: body.amount,
    receivedOn: body.receivedOn,
    sourceRu: body.sourceRu,
  };
}

const entryAudit = (
  e: Pick<EntryRow, "kind" | "amount" | "receivedOn" | "state" | "investmentType" | "measureId">,
) => ({
  kind: e.kind,
  amount: e.amount,
  receivedOn: e.receivedOn,
  state: e.state,
  investmentType: e.investmentType,
  measureId: e.measureId,
});

/** Declares money received by a project (its managers): "declared" until an operator decides. */
export async function declareEntry(ctx: Ctx, projectId: string, body: z.infer<typeof EntryBody>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    await managed(tx, ctx, projectId);
    const content = entryContent(body);
    if (content.measureId) {
      const [m] = await tx
        .select({ id: measures.id })
        .from(measures)
        .where(eq(measures.id, content.measureId));
      if (!m) throw badRequest([{ field: "measureId", key: "field.project.measure-unknown" }]);
    }
    const [e] = await tx
      .insert(projectEntries)
      .values({ projectId, authorId: actor.id, ...content })
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "project.entry_declare",
      entity: "project",
      entityId: projectId,
      after: { entry: e!.id, ...entryAudit(e!) },
    });
    return entryView(tx, e!.id);
  });
}

/** Who may not attach a document now is refused before the upload is read. */
export async function assertDocumentUploader(ctx: Ctx, id: string) {
  requireActor(ctx);
  const e = await readableEntry(ctx.db, ctx, id);
  if (e.state !== "declared")
    throw new AppError(409, "project-entry-changed", {}, [], { current: await entryView(ctx.db, id) });
}

/** Attaches (or replaces) a declared entry's document: the file's type is detected from its content. */
export async function uploadDocument(ctx: Ctx, id: string, upload: { stream: Readable; fileName?: string }) {
  const actor = requireActor(ctx);
  await assertDocumentUploader(ctx, id);
  const f = await storeUpload(ctx.db, ctx.storage, {
    purpose: PROJECT_FILES,
    stream: upload.stream,
    fileName: upload.fileName,
    uploadedBy: actor.id,
  });
  return ctx.db.transaction(async (tx) => {
    const e = await readableEntry(tx, ctx, id, true);
    if (e.state !== "declared")
      throw new AppError(409, "project-entry-changed", {}, [], { current: await entryView(tx, id) });
    await attachFile(tx, { id: f.id, purpose: PROJECT_FILES, uploadedBy: actor.id });
    await tx
      .update(projectEntries)
      .set({ fileId: f.id, version: sql`${projectEntries.version} + 1`, updatedAt: sql`now()` })
      .where(eq(projectEntries.id, id));
    if (e.fileId) await forgetFile(tx, e.fileId);
    await writeAudit(tx, auditCtx(ctx), {
      action: "project.entry_document",
      entity: "project",
      entityId: e.projectId,
      after: { entry: id, file: f.id, name: f.originalName, size: f.size, replaced: e.fileId },
    });
    return entryView(tx, id);
  });
}

/** An entry's document: the project's managers and operators (anyone else: 404). */
export async function entryDocument(ctx: Ctx, id: string): Promise<StoredFile> {
  const e = await readableEntry(ctx.db, ctx, id);
  const f = e.fileId ? await findFile(ctx.db, e.fileId) : undefined;
  if (!f) throw notFound();
  return f;
}

/**
 * The operator confirms a declared entry (which must have its document) or rejects it with a reason;
 * the lead's managers are told. A decided entry, or a stale version, is 409 with the entry as it is now.
 */
export async function decideEntry(ctx: Ctx, id: string, body: z.infer<typeof EntryDecisionBody>) {
  const actor = requireActor(ctx);
  const out = await ctx.db.transaction(async (tx) => {
    const e = await readableEntry(tx, ctx, id, true);
    if (e.version !== body.version || e.state !== "declared")
      throw new AppError(409, "project-entry-changed", {}, [], { current: await entryView(tx, id) });
    const confirm = body.decision === "confirm";
    if (!confirm && !body.reason)
      throw badRequest([{ field: "reason", key: "field.project.reason-required" }]);
    if (confirm && !e.fileId)
      throw badRequest([{ field: "decision", key: "field.project.document-required" }]);
    const state: EntryState = confirm ? "confirmed" : "rejected";
    await tx
      .update(projectEntries)
      .set({
        state,
        rejectReason: confirm ? null : body.reason!,
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        version: sql`${projectEntries.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(projectEntries.id, id), eq(projectEntries.version, body.version)));
    await writeAudit(tx, auditCtx(ctx), {
      action: `project.entry_${confirm ? "confirm" : "reject"}`,
      entity: "project",
      entityId: e.projectId,
      before: { entry: id, state: e.state, version: e.version },
      after: { entry: id, state, reason: confirm ? null : body.reason, amount: e.amount },
    });
    const after = await entryView(tx, id);
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: (await managerIds(tx, e.lead)).filter((u) => u !== actor.id),
        kind: PROJECT_NOTIFICATION_KINDS.entryDecided,
        data: { project: after.project.titleRu, decision: body.decision, reason: body.reason ?? null },
        link: `/projects/${e.projectId}`,
      },
    ]);
    return after;
  });
  ctx.mailQueued();
  return out;
}

/** The operator's queue: declared entries, oldest first. */
export async function entryQueue(ctx: Ctx, q: z.infer<typeof QueueQuery>) {
  const cond = eq(projectEntries.state, "declared");
  const [list, [n]] = await Promise.all([
    entryQuery(ctx.db, cond)
      .orderBy(asc(projectEntries.createdAt), asc(projectEntries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countRows(ctx.db, projectEntries, cond),
  ]);
  return { items: list.map(view), total: Number(n?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
