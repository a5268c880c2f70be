import type { Readable } from "node:stream";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  GRANT_ASSIGNABLE,
  GRANT_TRANSITIONS,
  type GrantMove,
  grantAmount,
  grantMove,
  kopecksToRubles,
} from "../../../shared/grants.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError, badRequest, type FieldError, notFound } from "../../core/errors.js";
import { attachFile, storeUpload } from "../../core/files.js";
import { can } from "../../core/policy.js";
import { expertsByEmail } from "../accounts/accounts.service.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { assertNotOwnOrganization, memberOrgIds } from "../organizations/access.js";
import { managerIds } from "../organizations/membership.js";
import { projectEntries } from "../projects/projects.schema.js";
import type {
  AgreementQuery,
  CheckBody,
  DecisionBody,
  ExpertsBody,
  PaymentBody,
  QueueQuery,
  ReviewBody,
} from "./grants.contract.js";
import { GRANT_NOTIFICATION_KINDS } from "./grants.notifications.js";
import { committedOf, programRow } from "./grants.programs.service.js";
import { scheduleReports } from "./grants.reports.schedule.js";
import { grantApplications, grantExperts, grantItems } from "./grants.schema.js";
import {
  type AppRow,
  applicationView,
  cardPage,
  changed,
  event,
  GRANT_FILES,
  isAssigned,
  readable,
} from "./grants.service.js";

/*
 * The operator's and the experts' side of an application: the completeness check (accept into the
 * review, or return once with the missing documents: a second return is 409 "grant-returned-once"), the
 * expert review of each item (accepted, partly with the part and the reason, rejected with the reason;
 * the approved amount recomputed by the shared rule), the commission's decision (approve an amount, at
 * most the reviewed one, or refuse with reasons), the signed agreement and the payment. Each is one
 * transaction: the move table's check, the version (stale: 409 with the application as it is now), the
 * timeline's dated step, the audit entry and the applicant's notice.
 *
 * The budget: approving locks the program's row (SELECT … FOR UPDATE) before the application's, then
 * sums the approved amounts of the committed applications; what does not fit is 409
 * "grant-budget-exhausted". Two approvals racing for the last money queue on the program's lock: the
 * second sees the first's amount.
 */

type Step = {
  set?: Partial<typeof grantApplications.$inferInsert> & Record<string, unknown>;
  note?: Record<string, unknown>;
  reason?: string | null;
};

export async function moveApplication(
  ctx: Ctx,
  id: string,
  version: number,
  move: GrantMove,
  step: (tx: Executor, a: AppRow) => Promise<Step> | Step,
  opts: { lockProgram?: boolean } = {},
) {
  const actor = requireActor(ctx);
  const out = await ctx.db.transaction(async (tx) => {
    if (opts.lockProgram) {
      const [r] = await tx
        .select({ programId: grantApplications.programId })
        .from(grantApplications)
        .where(eq(grantApplications.id, id));
      if (r) await programRow(tx, r.programId, true);
    }
    const a = await readable(tx, ctx, id, true);
    // an operator or expert never decides on an application of an organization they belong to (403
    // own-organization, as for statuses and verification): another one does
    if (GRANT_TRANSITIONS[move].by !== "applicant")
      await assertNotOwnOrganization(tx, actor, [a.organizationId]);
    const to = grantMove(a.state, move);
    if (a.version !== version || !to) throw await changed(ctx, tx, id);
    const s = await step(tx, a);
    await tx
      .update(grantApplications)
      .set({ ...s.set, state: to, version: sql`${grantApplications.version} + 1`, updatedAt: sql`now()` })
      .where(eq(grantApplications.id, id));
    await event(tx, ctx, id, move, to, s.note ?? {});
    await writeAudit(tx, auditCtx(ctx), {
      action: `grant.application_${move}`,
      entity: "grant_application",
      entityId: id,
      before: { state: a.state, version: a.version, approved: a.approved },
      after: { state: to, ...(s.note ?? {}) },
    });
    await notifyAll(tx, ctx.config.publicUrl, [
      {
        userIds: (await managerIds(tx, a.organizationId)).filter((u) => u !== ctx.actor?.id),
        kind: GRANT_NOTIFICATION_KINDS.decided,
        data: { title: a.titleRu, move, reason: s.reason ?? null },
        link: `/grants/applications/${id}`,
      },
    ]);
    return applicationView(ctx, tx, id);
  });
  ctx.mailQueued();
  return out;
}

/** The completeness check: accept into the expert review, or return once with the missing documents. */
export function checkApplication(ctx: Ctx, id: string, body: z.infer<typeof CheckBody>) {
  if (body.decision === "accept")
    return moveApplication(ctx, id, body.version, "accept", () => ({
      note: { comment: body.comment ?? null },
    }));
  return moveApplication(ctx, id, body.version, "return", async (tx, a) => {
    if (a.returns >= 1) throw new AppError(409, "grant-returned-once");
    if (!body.missing.length) throw badRequest([{ field: "missing", key: "field.grant.missing-required" }]);
    const items = await tx
      .select({ id: grantItems.id })
      .from(grantItems)
      .where(eq(grantItems.applicationId, id));
    const ids = new Set(items.map((i) => i.id));
    const fields: FieldError[] = body.missing
      .map((m, i) =>
        ids.has(m.itemId) ? null : { field: `missing.${i}.itemId`, key: "field.grant.item-unknown" },
      )
      .filter((f): f is FieldError => f !== null);
    if (fields.length) throw badRequest(fields);
    return {
      set: { returns: a.returns + 1, missing: body.missing, reason: body.comment ?? null },
      note: { missing: body.missing, comment: body.comment ?? null },
      reason: body.comment ?? null,
    };
  });
}

/**
 * The operator assigns the application's experts (registered experts by e-mail; the list replaces the
 * previous one) while it is submitted or in the review. An expert who is a member of the applying
 * organization is a conflict of interest: 409 "grant-conflict-of-interest". The new experts are told.
 */
export async function setExperts(ctx: Ctx, id: string, body: z.infer<typeof ExpertsBody>) {
  const actor = requireActor(ctx);
  const out = await ctx.db.transaction(async (tx) => {
    const a = await readable(tx, ctx, id, true);
    if (a.version !== body.version || !GRANT_ASSIGNABLE.includes(a.state)) throw await changed(ctx, tx, id);
    const byEmail = await expertsByEmail(tx, body.emails);
    const fields: FieldError[] = body.emails.flatMap((e, i) =>
      byEmail.has(e.toLowerCase()) ? [] : [{ field: `emails.${i}`, key: "field.grant.expert-unknown" }],
    );
    if (fields.length) throw badRequest(fields);
    const ids = [...new Set(byEmail.values())];
    for (const u of ids)
      if ((await memberOrgIds(tx, u, [a.organizationId])).size)
        throw new AppError(409, "grant-conflict-of-interest");
    const before = (
      await tx
        .select({ userId: grantExperts.userId })
        .from(grantExperts)
        .where(eq(grantExperts.applicationId, id))
    ).map((e) => e.userId);
    const removed = before.filter((u) => !ids.includes(u));
    const added = ids.filter((u) => !before.includes(u));
    if (removed.length)
      await tx
        .delete(grantExperts)
        .where(and(eq(grantExperts.applicationId, id), inArray(grantExperts.userId, removed)));
    if (added.length)
      await tx
        .insert(grantExperts)
        .values(added.map((userId) => ({ applicationId: id, userId, assignedBy: actor.id })));
    await tx
      .update(grantApplications)
      .set({ version: sql`${grantApplications.version} + 1`, updatedAt: sql`now()` })
      .where(eq(grantApplications.id, id));
    await writeAudit(tx, auditCtx(ctx), {
      action: "grant.application_experts",
      entity: "grant_application",
      entityId: id,
      before: { experts: before, version: a.version },
      after: { experts: ids },
    });
    if (added.length)
      await notifyAll(tx, ctx.config.publicUrl, [
        {
          userIds: added,
          kind: GRANT_NOTIFICATION_KINDS.assigned,
          data: { title: a.titleRu },
          link: `/grants/applications/${id}`,
        },
      ]);
    return applicationView(ctx, tx, id);
  });
  ctx.mailQueued();
  return out;
}

/**
 * The expert review (an assigned expert, or an operator on the experts' behalf): every item decided;
 * the approved amount recomputed by the shared rule.
 */
export function reviewApplication(ctx: Ctx, id: string, body: z.infer<typeof ReviewBody>) {
  return moveApplication(ctx, id, body.version, "review", async (tx, a) => {
    if (!can(ctx.actor, "operator.grants.decide") && !(await isAssigned(tx, id, ctx.actor?.id)))
      throw notFound();
    const items = await tx
      .select()
      .from(grantItems)
      .where(eq(grantItems.applicationId, id))
      .orderBy(asc(grantItems.position));
    const fields: FieldError[] = [];
    const by = new Map(body.items.map((d, i) => [d.id, { ...d, i }]));
    const decided = items.map((it, k) => {
      const d = by.get(it.id);
      if (!d) {
        fields.push({ field: `items.${k}`, key: "field.grant.item-undecided" });
        return { ...it };
      }
      if (d.decision !== "accepted" && !d.reason)
        fields.push({ field: `items.${d.i}.reason`, key: "field.grant.reason-required" });
      if (d.decision === "partial" && (d.accepted == null || d.accepted <= 0 || d.accepted >= it.amountNoVat))
        fields.push({ field: `items.${d.i}.accepted`, key: "field.grant.partial-range" });
      const accepted =
        d.decision === "accepted" ? it.amountNoVat : d.decision === "rejected" ? 0 : (d.accepted ?? 0);
      return {
        ...it,
        review: d.decision,
        accepted,
        reviewReason: d.decision === "accepted" ? null : (d.reason ?? null),
      };
    });
    if (body.items.some((d) => !items.find((it) => it.id === d.id)))
      fields.push({ field: "items", key: "field.grant.item-unknown" });
    if (fields.length) throw badRequest(fields);
    for (const it of decided)
      await tx
        .update(grantItems)
        .set({ review: it.review, accepted: it.accepted, reviewReason: it.reviewReason })
        .where(eq(grantItems.id, it.id));
    const p = await programRow(tx, a.programId);
    const approved = grantAmount(p, decided).total;
    return { set: { approved }, note: { approved } };
  });
}

/** The commission: approves an amount (at most the reviewed one; within the budget left) or refuses. */
export function decideApplication(ctx: Ctx, id: string, body: z.infer<typeof DecisionBody>) {
  if (body.decision === "refuse") {
    if (!body.reason) throw badRequest([{ field: "reason", key: "field.grant.reason-required" }]);
    return moveApplication(ctx, id, body.version, "refuse", () => ({
      set: { reason: body.reason!, approved: null },
      note: { reason: body.reason },
      reason: body.reason!,
    }));
  }
  return moveApplication(
    ctx,
    id,
    body.version,
    "approve",
    async (tx, a) => {
      const reviewed = a.approved ?? 0;
      const amount = body.amount ?? reviewed;
      if (amount <= 0 || amount > reviewed)
        throw badRequest([
          { field: "amount", key: "field.grant.amount-over-reviewed", params: { reviewed } },
        ]);
      const p = await programRow(tx, a.programId);
      const left = p.budget - (await committedOf(tx, a.programId));
      if (amount > left)
        throw new AppError(409, "grant-budget-exhausted", {}, [], { remaining: Math.max(0, left) });
      // the maximum is per applicant, not per application: what the organization already got from the
      // program counts (the program's row is locked, so two of its applications cannot both slip under)
      const own = p.maxPerApplicant - (await committedOf(tx, a.programId, a.organizationId));
      if (amount > own)
        throw new AppError(409, "grant-applicant-cap", {}, [], { remaining: Math.max(0, own) });
      return { set: { approved: amount, reason: body.reason ?? null }, note: { approved: amount } };
    },
    { lockProgram: true },
  );
}

/** Who may not record the agreement now is refused before the upload is read. */
export async function assertAgreement(ctx: Ctx, id: string) {
  requireActor(ctx);
  const a = await readable(ctx.db, ctx, id);
  if (!grantMove(a.state, "sign")) throw await changed(ctx, ctx.db, id);
}

/** The signed agreement uploaded, with both sides' days of signing. */
export async function uploadAgreement(
  ctx: Ctx,
  id: string,
  q: z.infer<typeof AgreementQuery>,
  upload: { stream: Readable; fileName?: string },
) {
  const actor = requireActor(ctx);
  await assertAgreement(ctx, id);
  const f = await storeUpload(ctx.db, ctx.storage, {
    purpose: GRANT_FILES,
    stream: upload.stream,
    fileName: upload.fileName,
    uploadedBy: actor.id,
  });
  return moveApplication(ctx, id, q.version, "sign", async (tx) => {
    await attachFile(tx, { id: f.id, purpose: GRANT_FILES, uploadedBy: actor.id });
    return {
      set: {
        agreementFileId: f.id,
        applicantSignedOn: q.applicantSignedOn,
        operatorSignedOn: q.operatorSignedOn,
      },
      note: { applicantSignedOn: q.applicantSignedOn, operatorSignedOn: q.operatorSignedOn },
    };
  });
}

/**
 * The payment recorded; the grant becomes confirmed city support on the applicant's project (a money
 * entry of the projects module, kind support, rubles) when the application names one.
 */
export function recordPayment(ctx: Ctx, id: string, body: z.infer<typeof PaymentBody>) {
  return moveApplication(ctx, id, body.version, "pay", async (tx, a) => {
    if (a.projectId) {
      const p = await programRow(tx, a.programId);
      await tx.insert(projectEntries).values({
        projectId: a.projectId,
        kind: "support",
        state: "confirmed",
        supportRu: p.titleRu,
        amount: kopecksToRubles(a.approved ?? 0),
        receivedOn: body.paidOn,
        sourceRu: `${p.legalBasisRu} № ${p.legalBasisNumber}`,
        authorId: ctx.actor?.id ?? null,
        decidedBy: ctx.actor?.id ?? null,
        decidedAt: new Date(),
      });
    }
    await scheduleReports(tx, a, body.paidOn);
    return { set: { paidOn: body.paidOn }, note: { paidOn: body.paidOn, amount: a.approved } };
  });
}

/** The operator's queue: applications in a state, oldest submission first, with the due day. */
export const queue = (ctx: Ctx, q: z.infer<typeof QueueQuery>) =>
  cardPage(
    ctx,
    eq(grantApplications.state, q.state),
    [sql`${grantApplications.submittedAt} asc nulls last`],
    q,
  );
