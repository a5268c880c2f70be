import { and, asc, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { isPublicState } from "../../../shared/challenges.js";
import { quoted, shortened } from "../../../shared/text.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { catalogueNotices } from "../../core/module.js";
import { openConversation } from "../conversations/conversations.api.js";
import { notify } from "../notifications/notifications.service.js";
import { isMember, managerIds } from "../organizations/membership.js";
import { organizations } from "../organizations/organizations.schema.js";
import { lockOf } from "./challenges.files.service.js";
import type { AnswerBody, AskBody, Question } from "./challenges.qa.contract.js";
import { challengeClarifications, challengeQuestions } from "./challenges.qa.schema.js";
import { challengeRow, managedChallenge, type Row, readerOf } from "./challenges.service.js";

/*
 * A challenge's public Q&A and private clarifications. A signed-in reader who sees the challenge's
 * details asks while it accepts submissions; its managers (the organization's owner and admins,
 * operators) answer and may hide a question (abuse). Answered questions are read by everyone who sees
 * the details, an unanswered one by its asker and the managers, a hidden one by the managers only. A
 * question never names its asker: it shows the organization chosen by the asker, or «Участник».
 * The managers hear of a new question; the asker of the answer (once, the first answer).
 *
 * A private clarification is a conversation between a submitter's organization and the challenge's
 * (the conversations module), one per organization and challenge.
 */

type QuestionView = z.infer<typeof Question>;
type QRow = typeof challengeQuestions.$inferSelect;

export const QA_NOTIFICATION_KINDS = {
  question: "challenges.question",
  answer: "challenges.answer",
} as const;

export const QA_NOTIFICATION_DEFS = catalogueNotices({
  [QA_NOTIFICATION_KINDS.question]: {
    defaultChannel: "email",
    params: (l, d) => ({ title: quoted(shortened(d.title, 120), l) }),
  },
  [QA_NOTIFICATION_KINDS.answer]: {
    defaultChannel: "email",
    params: (l, d) => ({ title: quoted(shortened(d.title, 120), l) }),
  },
});

export const CLARIFICATION_SUBJECT = {
  kind: "challenge_clarification",
  link: (id: string) => `/challenge-clarifications/${id}`,
};

const questionColumns = { q: challengeQuestions, org: organizations.shortName };

function view(q: QRow, org: string | null, userId: string | null): QuestionView {
  return {
    id: q.id,
    question: q.question,
    askedBy: org,
    answer: q.answer,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    hidden: q.hiddenAt !== null,
    mine: userId !== null && q.askerId === userId,
    createdAt: q.createdAt.toISOString(),
    version: q.version,
  };
}

/** The challenge as its reader stands to it: 404 for a draft of others; `sees`: reads the details. */
async function readable(ex: Executor, ctx: Ctx, id: string) {
  const r = await challengeRow(ex, id);
  const me = await readerOf(ex, ctx, r);
  if (!me.manage && !isPublicState(r.state)) throw notFound();
  return { r, me, sees: lockOf(r, me) === null };
}

/**
 * The questions the reader may read: every one for the managers (hidden ones marked), else the answered
 * ones and their own unanswered ones, newest first; none while the details are locked.
 */
export async function listQuestions(ctx: Ctx, id: string) {
  const { r, me, sees } = await readable(ctx.db, ctx, id);
  const userId = ctx.actor?.id ?? null;
  const canAsk = Boolean(ctx.actor) && sees && r.state === "accepting";
  if (!sees) return { items: [], canAsk, canAnswer: me.manage };
  const visible = me.manage
    ? undefined
    : and(
        isNull(challengeQuestions.hiddenAt),
        userId
          ? or(isNotNull(challengeQuestions.answer), eq(challengeQuestions.askerId, userId))
          : isNotNull(challengeQuestions.answer),
      );
  const list = await ctx.db
    .select(questionColumns)
    .from(challengeQuestions)
    .leftJoin(organizations, eq(organizations.id, challengeQuestions.organizationId))
    .where(and(eq(challengeQuestions.challengeId, id), visible))
    .orderBy(desc(challengeQuestions.createdAt), asc(challengeQuestions.id));
  return { items: list.map((l) => view(l.q, l.org, userId)), canAsk, canAnswer: me.manage };
}

/** Asks a question (the challenge accepting submissions); its managers are told. */
export async function askQuestion(ctx: Ctx, id: string, body: z.infer<typeof AskBody>) {
  const actor = requireActor(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const { r, sees } = await readable(tx, ctx, id);
    if (!sees) throw notFound();
    if (r.state !== "accepting") throw new AppError(409, "challenge-questions-closed");
    const orgId = body.organizationId ?? null;
    if (orgId && !(await isMember(tx, orgId, actor.id)))
      throw badRequest([{ field: "organizationId", key: "field.challenge.question-organization" }]);
    const [q] = await tx
      .insert(challengeQuestions)
      .values({ challengeId: id, askerId: actor.id, organizationId: orgId, question: body.question })
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "challenge.question",
      entity: "challenge",
      entityId: id,
      after: { questionId: q!.id, organizationId: orgId },
    });
    await notify(tx, ctx.config.publicUrl, {
      userIds: (await managerIds(tx, r.organizationId)).filter((u) => u !== actor.id),
      kind: QA_NOTIFICATION_KINDS.question,
      data: { title: r.titleRu },
      link: `/challenges/${id}#qa`,
    });
    return view(q!, orgId ? await orgName(tx, orgId) : null, actor.id);
  });
  ctx.mailQueued();
  return result;
}

async function orgName(ex: Executor, id: string) {
  const [o] = await ex
    .select({ n: organizations.shortName })
    .from(organizations)
    .where(eq(organizations.id, id));
  return o?.n ?? null;
}

/** The question locked for a manager's change at the version seen (stale: 409 with the question now). */
async function questionAt(tx: Executor, ctx: Ctx, r: Row, questionId: string, version: number) {
  const [q] = await tx
    .select()
    .from(challengeQuestions)
    .where(and(eq(challengeQuestions.id, questionId), eq(challengeQuestions.challengeId, r.id)))
    .for("update");
  if (!q) throw notFound();
  if (q.version !== version)
    throw new AppError(409, "challenge-question-changed", {}, [], {
      current: view(q, q.organizationId ? await orgName(tx, q.organizationId) : null, ctx.actor?.id ?? null),
    });
  return q;
}

/** A manager answers a question or edits the answer; the asker is told of the first answer. */
export async function answerQuestion(
  ctx: Ctx,
  id: string,
  questionId: string,
  body: z.infer<typeof AnswerBody>,
) {
  const actor = requireActor(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const r = await managedChallenge(tx, ctx, id);
    const q = await questionAt(tx, ctx, r, questionId, body.version);
    const [after] = await tx
      .update(challengeQuestions)
      .set({
        answer: body.answer,
        answeredBy: actor.id,
        answeredAt: sql`coalesce(${challengeQuestions.answeredAt}, now())`,
        updatedAt: sql`now()`,
        version: sql`${challengeQuestions.version} + 1`,
      })
      .where(and(eq(challengeQuestions.id, q.id), eq(challengeQuestions.version, body.version)))
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: q.answer === null ? "challenge.answer" : "challenge.answer_edit",
      entity: "challenge",
      entityId: id,
      before: { questionId: q.id, answer: q.answer, version: q.version },
      after: { questionId: q.id, answer: body.answer, version: after!.version },
    });
    if (q.answer === null && q.askerId && q.askerId !== actor.id)
      await notify(tx, ctx.config.publicUrl, {
        userIds: [q.askerId],
        kind: QA_NOTIFICATION_KINDS.answer,
        data: { title: r.titleRu },
        link: `/challenges/${id}#qa`,
      });
    return view(after!, q.organizationId ? await orgName(tx, q.organizationId) : null, actor.id);
  });
  ctx.mailQueued();
  return result;
}

/** A manager hides a question (abuse): nobody but the managers reads it any more. Audited. */
export async function hideQuestion(ctx: Ctx, id: string, questionId: string, version: number) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await managedChallenge(tx, ctx, id);
    const q = await questionAt(tx, ctx, r, questionId, version);
    const [after] = await tx
      .update(challengeQuestions)
      .set({
        hiddenAt: sql`coalesce(${challengeQuestions.hiddenAt}, now())`,
        hiddenBy: actor.id,
        updatedAt: sql`now()`,
        version: sql`${challengeQuestions.version} + 1`,
      })
      .where(and(eq(challengeQuestions.id, q.id), eq(challengeQuestions.version, version)))
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "challenge.question_hide",
      entity: "challenge",
      entityId: id,
      before: { questionId: q.id, version: q.version },
      after: { questionId: q.id, hidden: true, version: after!.version },
    });
    return view(after!, q.organizationId ? await orgName(tx, q.organizationId) : null, actor.id);
  });
}

/**
 * A member of an organization opens (or finds) its private conversation with the challenge's
 * organization about the challenge; 404 for a challenge it may not read or its own organization's.
 */
export async function openClarification(ctx: Ctx, id: string, organizationId: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { r, me } = await readable(tx, ctx, id);
    if (!isPublicState(r.state) || r.organizationId === organizationId) throw notFound();
    if (!(await isMember(tx, organizationId, actor.id)) && !me.manage)
      throw badRequest([{ field: "organizationId", key: "field.challenge.question-organization" }]);
    const [added] = await tx
      .insert(challengeClarifications)
      .values({ challengeId: id, organizationId, openedBy: actor.id })
      .onConflictDoNothing()
      .returning();
    const [c] = await tx
      .select()
      .from(challengeClarifications)
      .where(
        and(
          eq(challengeClarifications.challengeId, id),
          eq(challengeClarifications.organizationId, organizationId),
        ),
      );
    const conv = await openConversation(tx, {
      subject: { kind: CLARIFICATION_SUBJECT.kind, id: c!.id },
      parties: [{ organizationId }, { organizationId: r.organizationId }],
      title: r.titleRu,
    });
    if (added)
      await writeAudit(tx, auditCtx(ctx), {
        action: "challenge.clarification",
        entity: "challenge",
        entityId: id,
        after: { organizationId, conversationId: conv.id },
      });
    return { conversationId: conv.id };
  });
}

/** Where a clarification's conversation points to: its challenge (for the members of either party). */
export async function clarificationChallenge(ctx: Ctx, clarificationId: string) {
  const actor = requireActor(ctx);
  const [c] = await ctx.db
    .select({ challengeId: challengeClarifications.challengeId, org: challengeClarifications.organizationId })
    .from(challengeClarifications)
    .where(eq(challengeClarifications.id, clarificationId));
  if (!c) throw notFound();
  const r = await challengeRow(ctx.db, c.challengeId);
  if (!(await isMember(ctx.db, c.org, actor.id)) && !(await readerOf(ctx.db, ctx, r)).manage)
    throw notFound();
  return { challengeId: c.challengeId };
}
