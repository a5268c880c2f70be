import type { Readable } from "node:stream";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { clusterDate } from "../../../shared/clock.js";
import {
  GRANT_DECLARATIONS,
  GRANT_EDITABLE,
  type GrantDocument,
  type GrantState,
  grantAmount,
  grantEligibility,
  missingDocuments,
  vatValid,
} from "../../../shared/grants.js";
import { isValidInn } from "../../../shared/identifiers.js";
import type { SmeCategory } from "../../../shared/organizations.js";
import { addWorkingDays } from "../../../shared/workingDays.js";
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
import { users } from "../accounts/accounts.schema.js";
import { activeUserIdsWithRole } from "../accounts/accounts.service.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { accessOf, refusal } from "../organizations/access.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import { PROJECT_FILES } from "../projects/projects.entries.service.js";
import { projects } from "../projects/projects.schema.js";
import type {
  Application,
  ApplicationCard,
  CreateApplicationBody,
  ItemBody,
  MineQuery,
  UpdateApplicationBody,
} from "./grants.contract.js";
import { GRANT_NOTIFICATION_KINDS } from "./grants.notifications.js";
import { programRow, windowOf } from "./grants.programs.service.js";
import {
  grantApplications,
  grantDocuments,
  grantEvents,
  grantExperts,
  grantItems,
  grantPrograms,
} from "./grants.schema.js";

/*
 * Grant applications (src/shared/grants.ts): an organization's owner or admin drafts one for an open
 * program — expense items by category with their documents (stored files), declarations, KPIs; the
 * requested amount is computed by the shared rule on every save. Submitting checks the program's
 * eligibility rule and each item's required documents, and sets the completeness check's due day
 * (N working days of the production calendar). Only the organization's owners and admins, operators
 * and the experts an operator assigned see an application; anyone else gets 404. Every change bumps the
 * version: a stale one is 409 "grant-application-changed" with the application as it is now.
 */

export const GRANT_FILES = defineFilePurpose({
  name: "grant-document",
  maxBytes: PROJECT_FILES.maxBytes,
  types: PROJECT_FILES.types,
  maxPixels: PROJECT_FILES.maxPixels,
});

export type AppRow = typeof grantApplications.$inferSelect;
type View = z.infer<typeof Application>;
type CardView = z.infer<typeof ApplicationCard>;

/** Whether the user is an expert the operator assigned to the application. */
export async function isAssigned(ex: Executor, applicationId: string, userId: string | undefined) {
  if (!userId) return false;
  const [r] = await ex
    .select({ id: grantExperts.userId })
    .from(grantExperts)
    .where(and(eq(grantExperts.applicationId, applicationId), eq(grantExperts.userId, userId)));
  return !!r;
}

export const changed = async (ctx: Ctx, ex: Executor, id: string) =>
  new AppError(409, "grant-application-changed", {}, [], { current: await applicationView(ctx, ex, id) });

/** The application, for its organization's managers, operators and its assigned experts; else 404. */
export async function readable(ex: Executor, ctx: Ctx, id: string, lock = false): Promise<AppRow> {
  const q = ex.select().from(grantApplications).where(eq(grantApplications.id, id));
  const [a] = lock ? await q.for("update") : await q;
  if (!a) throw notFound();
  if (can(ctx.actor, "operator.grants.queue")) return a;
  if (can(ctx.actor, "grants.review") && (await isAssigned(ex, a.id, ctx.actor?.id))) return a;
  const access = await accessOf(ex, ctx.actor, a.organizationId);
  if (!can(ctx.actor, "grants.apply", access)) throw refusal(404, a.organizationId, "grants.apply");
  return a;
}

const overdue = (a: Pick<AppRow, "state" | "dueOn">) =>
  a.state === "submitted" && a.dueOn !== null && a.dueOn < clusterDate();

export const cardOf = (a: AppRow, program: string, org: string): CardView => ({
  id: a.id,
  titleRu: a.titleRu,
  state: a.state,
  program: { id: a.programId, titleRu: program },
  organization: { id: a.organizationId, shortName: org },
  requested: a.requested,
  approved: a.approved,
  submittedAt: a.submittedAt?.toISOString() ?? null,
  dueOn: a.dueOn,
  overdue: overdue(a),
  updatedAt: a.updatedAt.toISOString(),
  version: a.version,
});

async function applicantOf(ex: Executor, organizationId: string) {
  const [o] = await ex
    .select({
      status: organizations.status,
      statusSuspendedAt: organizations.statusSuspendedAt,
      type: organizations.type,
      smeCategory: organizations.smeCategory,
      foundedOn: organizations.foundedOn,
      shortName: organizations.shortName,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!o) throw notFound();
  return o;
}

export async function applicationView(ctx: Ctx, ex: Executor, id: string): Promise<View> {
  const [r] = await ex
    .select({ a: grantApplications, p: grantPrograms, org: organizations.shortName })
    .from(grantApplications)
    .innerJoin(grantPrograms, eq(grantPrograms.id, grantApplications.programId))
    .innerJoin(organizations, eq(organizations.id, grantApplications.organizationId))
    .where(eq(grantApplications.id, id));
  if (!r) throw notFound();
  const { a, p } = r;
  const items = await ex
    .select()
    .from(grantItems)
    .where(eq(grantItems.applicationId, id))
    .orderBy(asc(grantItems.position));
  const docs = items.length
    ? await ex
        .select({ d: grantDocuments, name: files.originalName, size: files.size })
        .from(grantDocuments)
        .innerJoin(files, eq(files.id, grantDocuments.fileId))
        .where(
          inArray(
            grantDocuments.itemId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(grantDocuments.createdAt))
    : [];
  const events = await ex
    .select()
    .from(grantEvents)
    .where(eq(grantEvents.applicationId, id))
    .orderBy(asc(grantEvents.at), asc(grantEvents.id));
  const amounts = grantAmount(p, items);
  const agreement = a.agreementFileId ? await findFile(ex, a.agreementFileId) : undefined;
  const o = await applicantOf(ex, a.organizationId);
  const eligibility = grantEligibility(
    p.eligibility,
    {
      ...o,
      smeCategory: o.smeCategory as SmeCategory | null,
      statusSuspended: !!o.statusSuspendedAt,
      declarations: a.declarations,
    },
    clusterDate(),
  );
  const access = ctx.actor ? await accessOf(ex, ctx.actor, a.organizationId) : undefined;
  const operate = can(ctx.actor, "operator.grants.decide");
  const assigned = await isAssigned(ex, id, ctx.actor?.id);
  const experts = operate
    ? await ex
        .select({ id: users.id, fullName: users.fullName, email: users.email })
        .from(grantExperts)
        .innerJoin(users, eq(users.id, grantExperts.userId))
        .where(eq(grantExperts.applicationId, id))
        .orderBy(asc(grantExperts.createdAt), asc(users.id))
    : [];
  return {
    ...cardOf(a, p.titleRu, r.org),
    projectId: a.projectId,
    declarations: a.declarations as Record<string, boolean>,
    kpis: a.kpis,
    items: items.map((it, i) => {
      const mine = docs.filter((d) => d.d.itemId === it.id);
      return {
        id: it.id,
        category: it.category,
        descriptionRu: it.descriptionRu,
        supplierName: it.supplierName,
        supplierInn: it.supplierInn,
        paidOn: it.paidOn,
        amount: it.amount,
        amountNoVat: it.amountNoVat,
        compensation: amounts.items[i] ?? 0,
        review: it.review,
        accepted: it.accepted,
        reviewReason: it.reviewReason,
        documents: mine.map((d) => ({ id: d.d.id, kind: d.d.kind, name: d.name, size: d.size })),
        missing: missingDocuments(
          it.category,
          mine.map((d) => d.d.kind),
        ),
      };
    }),
    returns: a.returns,
    missing: a.missing,
    reason: a.reason,
    agreement: agreement ? { id: agreement.id, name: agreement.originalName, size: agreement.size } : null,
    applicantSignedOn: a.applicantSignedOn,
    operatorSignedOn: a.operatorSignedOn,
    paidOn: a.paidOn,
    events: events.map((e) => ({
      move: e.move,
      state: e.state,
      byOperator: e.byOperator,
      note: e.note,
      at: e.at.toISOString(),
    })),
    eligibility: eligibility.reasons,
    experts,
    me: {
      edit: GRANT_EDITABLE.includes(a.state) && can(ctx.actor, "grants.apply", access),
      operate,
      review: a.state === "review" && (operate || (assigned && can(ctx.actor, "grants.review"))),
      assigned,
    },
  };
}

export async function getApplication(ctx: Ctx, id: string) {
  await readable(ctx.db, ctx, id);
  return applicationView(ctx, ctx.db, id);
}

/** Records a dated step of the timeline. */
export async function event(
  tx: Executor,
  ctx: Ctx,
  applicationId: string,
  move: string,
  state: GrantState,
  note: Record<string, unknown> = {},
) {
  await tx.insert(grantEvents).values({
    applicationId,
    move,
    state,
    actorId: ctx.actor?.id ?? null,
    byOperator: can(ctx.actor, "operator.grants.queue") || can(ctx.actor, "grants.review"),
    note,
    at: sql`clock_timestamp()`,
  });
}

// ---------- content ----------

type Content = Omit<z.infer<typeof UpdateApplicationBody>, "version">;

async function checkContent(
  tx: Executor,
  program: { categories: { category: string }[] },
  organizationId: string,
  c: Content,
) {
  const fields: FieldError[] = [];
  const offered = new Set(program.categories.map((x) => x.category));
  c.items.forEach((it, i) => {
    if (!offered.has(it.category))
      fields.push({ field: `items.${i}.category`, key: "field.grant.category-not-offered" });
    if (!isValidInn(it.supplierInn))
      fields.push({ field: `items.${i}.supplierInn`, key: "field.grant.inn-invalid" });
    if (!vatValid(it.amount, it.amountNoVat))
      fields.push({ field: `items.${i}.amountNoVat`, key: "field.grant.vat-over-amount" });
    if (it.paidOn > clusterDate())
      fields.push({ field: `items.${i}.paidOn`, key: "field.grant.paid-in-future" });
  });
  const years = c.kpis.map((k) => k.year);
  if (new Set(years).size !== years.length) fields.push({ field: "kpis", key: "field.grant.kpi-year-twice" });
  if (c.projectId) {
    const [p] = await tx
      .select({ lead: projects.leadOrganizationId })
      .from(projects)
      .where(eq(projects.id, c.projectId));
    if (!p || p.lead !== organizationId)
      fields.push({ field: "projectId", key: "field.grant.project-not-own" });
  }
  if (fields.length) throw badRequest(fields);
}

/** Writes the items: those with a known id are updated (keeping their documents), the rest inserted, the others removed. */
async function saveItems(tx: Executor, applicationId: string, items: z.infer<typeof ItemBody>[]) {
  const current = await tx
    .select({ id: grantItems.id })
    .from(grantItems)
    .where(eq(grantItems.applicationId, applicationId));
  const known = new Set(current.map((c) => c.id));
  const kept = items.filter((it) => it.id && known.has(it.id)).map((it) => it.id!);
  const gone = current.filter((c) => !kept.includes(c.id)).map((c) => c.id);
  if (gone.length) {
    const docs = await tx
      .select({ fileId: grantDocuments.fileId })
      .from(grantDocuments)
      .where(inArray(grantDocuments.itemId, gone));
    await tx.delete(grantItems).where(inArray(grantItems.id, gone));
    for (const d of docs) await forgetFile(tx, d.fileId);
  }
  for (const [position, { id, ...it }] of items.entries()) {
    if (id && known.has(id))
      await tx
        .update(grantItems)
        .set({ ...it, position })
        .where(eq(grantItems.id, id));
    else await tx.insert(grantItems).values({ ...it, position, applicationId });
  }
}

async function recompute(tx: Executor, applicationId: string, programId: string) {
  const p = await programRow(tx, programId);
  const items = await tx.select().from(grantItems).where(eq(grantItems.applicationId, applicationId));
  return grantAmount(p, items).total;
}

export async function createApplication(ctx: Ctx, body: z.infer<typeof CreateApplicationBody>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const access = await accessOf(tx, ctx.actor, body.organizationId);
    if (!can(ctx.actor, "grants.apply", access)) throw refusal(404, body.organizationId, "grants.apply");
    const p = await programRow(tx, body.programId);
    if (windowOf(p) !== "open") throw new AppError(409, "grant-window-closed");
    const { programId, organizationId, items, ...content } = body;
    await checkContent(tx, p, organizationId, body);
    const [a] = await tx
      .insert(grantApplications)
      .values({
        programId,
        organizationId,
        authorId: actor.id,
        ...content,
        projectId: content.projectId ?? null,
      })
      .returning();
    await saveItems(tx, a!.id, items);
    const requested = await recompute(tx, a!.id, programId);
    await tx.update(grantApplications).set({ requested }).where(eq(grantApplications.id, a!.id));
    await event(tx, ctx, a!.id, "create", "draft");
    await writeAudit(tx, auditCtx(ctx), {
      action: "grant.application_create",
      entity: "grant_application",
      entityId: a!.id,
      after: { programId, organizationId, items: items.length, requested },
    });
    return applicationView(ctx, tx, a!.id);
  });
}

/** The application locked for its organization's managers in a state they may edit (else 404 / 409). */
async function editable(tx: Executor, ctx: Ctx, id: string, version: number) {
  const a = await readable(tx, ctx, id, true);
  const access = await accessOf(tx, ctx.actor, a.organizationId);
  if (!can(ctx.actor, "grants.apply", access)) throw refusal(404, a.organizationId, "grants.apply");
  if (a.version !== version || !GRANT_EDITABLE.includes(a.state)) throw await changed(ctx, tx, id);
  return a;
}

const bump = () => ({ version: sql`${grantApplications.version} + 1`, updatedAt: sql`now()` });

export async function updateApplication(ctx: Ctx, id: string, body: z.infer<typeof UpdateApplicationBody>) {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await editable(tx, ctx, id, body.version);
    const p = await programRow(tx, a.programId);
    const { version: _v, items, ...content } = body;
    await checkContent(tx, p, a.organizationId, body);
    await saveItems(tx, id, items);
    const requested = await recompute(tx, id, a.programId);
    await tx
      .update(grantApplications)
      .set({ ...content, projectId: content.projectId ?? null, requested, ...bump() })
      .where(eq(grantApplications.id, id));
    await writeAudit(tx, auditCtx(ctx), {
      action: "grant.application_update",
      entity: "grant_application",
      entityId: id,
      before: { requested: a.requested, version: a.version },
      after: { requested, items: items.length },
    });
    return applicationView(ctx, tx, id);
  });
}

// ---------- documents ----------

async function itemOf(ex: Executor, ctx: Ctx, itemId: string, lock = false) {
  const [it] = await ex.select().from(grantItems).where(eq(grantItems.id, itemId));
  if (!it) throw notFound();
  const a = await readable(ex, ctx, it.applicationId, lock);
  return { it, a };
}

/** Who may not attach a document now is refused before the upload is read. */
export async function assertUploader(ctx: Ctx, itemId: string) {
  requireActor(ctx);
  const { a } = await itemOf(ctx.db, ctx, itemId);
  const access = await accessOf(ctx.db, ctx.actor, a.organizationId);
  if (!can(ctx.actor, "grants.apply", access)) throw refusal(404, a.organizationId, "grants.apply");
  if (!GRANT_EDITABLE.includes(a.state)) throw await changed(ctx, ctx.db, a.id);
}

/** Attaches an item's document of a kind (replacing one of the same kind): the type detected from its content. */
export async function uploadDocument(
  ctx: Ctx,
  itemId: string,
  kind: GrantDocument,
  upload: { stream: Readable; fileName?: string },
) {
  const actor = requireActor(ctx);
  await assertUploader(ctx, itemId);
  const f = await storeUpload(ctx.db, ctx.storage, {
    purpose: GRANT_FILES,
    stream: upload.stream,
    fileName: upload.fileName,
    uploadedBy: actor.id,
  });
  return ctx.db.transaction(async (tx) => {
    const { a } = await itemOf(tx, ctx, itemId, true);
    if (!GRANT_EDITABLE.includes(a.state)) throw await changed(ctx, tx, a.id);
    await attachFile(tx, { id: f.id, purpose: GRANT_FILES, uploadedBy: actor.id });
    const old = await tx
      .delete(grantDocuments)
      .where(and(eq(grantDocuments.itemId, itemId), eq(grantDocuments.kind, kind)))
      .returning({ fileId: grantDocuments.fileId });
    for (const o of old) await forgetFile(tx, o.fileId);
    await tx.insert(grantDocuments).values({ itemId, kind, fileId: f.id });
    await tx.update(grantApplications).set(bump()).where(eq(grantApplications.id, a.id));
    await writeAudit(tx, auditCtx(ctx), {
      action: "grant.document_upload",
      entity: "grant_application",
      entityId: a.id,
      after: { item: itemId, kind, file: f.id, name: f.originalName, size: f.size, replaced: old.length > 0 },
    });
    return applicationView(ctx, tx, a.id);
  });
}

/** A document's file: whoever may read the application (anyone else: 404). */
export async function documentFile(ctx: Ctx, id: string): Promise<StoredFile> {
  const [d] = await ctx.db
    .select({ fileId: grantDocuments.fileId, itemId: grantDocuments.itemId })
    .from(grantDocuments)
    .where(eq(grantDocuments.id, id));
  if (!d) throw notFound();
  await itemOf(ctx.db, ctx, d.itemId);
  const f = await findFile(ctx.db, d.fileId);
  if (!f) throw notFound();
  return f;
}

/** The agreement's file: whoever may read the application. */
export async function agreementFile(ctx: Ctx, id: string): Promise<StoredFile> {
  const a = await readable(ctx.db, ctx, id);
  const f = a.agreementFileId ? await findFile(ctx.db, a.agreementFileId) : undefined;
  if (!f) throw notFound();
  return f;
}

// ---------- submission ----------

/**
 * Submits (or resubmits after a return) the application: the program's window is open for a first
 * submission, the organization meets the eligibility rule (409 "grant-not-eligible" with the reasons),
 * every declaration is made, there is an item and each has its category's documents (field errors).
 * The completeness check is due N working days later; the operators are told.
 */
export async function submitApplication(ctx: Ctx, id: string, version: number) {
  const actor = requireActor(ctx);
  const out = await ctx.db.transaction(async (tx) => {
    const a = await editable(tx, ctx, id, version);
    const p = await programRow(tx, a.programId);
    if (a.state === "draft" && windowOf(p) !== "open") throw new AppError(409, "grant-window-closed");
    const o = await applicantOf(tx, a.organizationId);
    const today = clusterDate();
    const el = grantEligibility(
      p.eligibility,
      {
        ...o,
        smeCategory: o.smeCategory as SmeCategory | null,
        statusSuspended: !!o.statusSuspendedAt,
        declarations: a.declarations,
      },
      today,
    );
    if (!el.eligible) throw new AppError(409, "grant-not-eligible", {}, [], { reasons: el.reasons });
    const view = await applicationView(ctx, tx, id);
    const fields: FieldError[] = [];
    for (const d of GRANT_DECLARATIONS)
      if (a.declarations[d] !== true)
        fields.push({ field: `declarations.${d}`, key: "field.grant.declaration-required" });
    if (!view.items.length) fields.push({ field: "items", key: "field.grant.items-required" });
    if (!a.kpis.length) fields.push({ field: "kpis", key: "field.grant.kpis-required" });
    view.items.forEach((it, i) => {
      if (it.missing.length)
        fields.push({
          field: `items.${i}.documents`,
          key: "field.grant.documents-missing",
          params: { count: it.missing.length },
        });
    });
    if (fields.length) throw badRequest(fields);
    const dueOn = addWorkingDays(today, p.checkDays);
    const resubmit = a.state === "returned";
    await tx
      .update(grantApplications)
      .set({ state: "submitted", submittedAt: sql`now()`, dueOn, missing: [], ...bump() })
      .where(eq(grantApplications.id, id));
    await event(tx, ctx, id, resubmit ? "resubmit" : "submit", "submitted", { dueOn });
    await writeAudit(tx, auditCtx(ctx), {
      action: "grant.application_submit",
      entity: "grant_application",
      entityId: id,
      before: { state: a.state },
      after: { state: "submitted", dueOn, requested: a.requested },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: (await activeUserIdsWithRole(tx, "operator")).filter((u) => u !== actor.id),
        kind: GRANT_NOTIFICATION_KINDS.submitted,
        data: { title: a.titleRu, organization: o.shortName, due: dueOn },
        link: `/grants/applications/${id}`,
      },
    ]);
    return applicationView(ctx, tx, id);
  });
  ctx.mailQueued();
  return out;
}

/**
 * A page of application cards under a condition, in an order: the applications with their programs'
 * titles and organizations' names, and their count, in one statement (the count as a window over the
 * matching rows before the limit; a page past the end asks for the count alone).
 */
export async function cardPage(ctx: Ctx, cond: SQL, order: SQL[], q: { page: number; pageSize: number }) {
  const list = await ctx.db
    .select({
      a: grantApplications,
      program: grantPrograms.titleRu,
      org: organizations.shortName,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(grantApplications)
    .innerJoin(grantPrograms, eq(grantPrograms.id, grantApplications.programId))
    .innerJoin(organizations, eq(organizations.id, grantApplications.organizationId))
    .where(cond)
    .orderBy(...order, asc(grantApplications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const total =
    list[0]?.total ??
    (q.page === 1 ? 0 : Number((await countRows(ctx.db, grantApplications, cond))[0]?.n ?? 0));
  return {
    items: list.map((r) => cardOf(r.a, r.program, r.org)),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The applications of the organizations the reader owns or administers, newest first. */
export function myApplications(ctx: Ctx, q: z.infer<typeof MineQuery>) {
  const actor = requireActor(ctx);
  const mine = ctx.db
    .select({ id: memberships.organizationId })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.id), inArray(memberships.role, ["owner", "admin"])));
  return cardPage(
    ctx,
    inArray(grantApplications.organizationId, mine),
    [desc(grantApplications.updatedAt)],
    q,
  );
}

/** The applications an operator assigned to the reader (an expert), the latest assignment first. */
export function assignedApplications(ctx: Ctx, q: z.infer<typeof MineQuery>) {
  const actor = requireActor(ctx);
  const mine = ctx.db
    .select({ id: grantExperts.applicationId })
    .from(grantExperts)
    .where(eq(grantExperts.userId, actor.id));
  return cardPage(
    ctx,
    inArray(grantApplications.id, mine),
    [sql`${grantApplications.state} = 'review' desc`, asc(grantApplications.submittedAt)],
    q,
  );
}
