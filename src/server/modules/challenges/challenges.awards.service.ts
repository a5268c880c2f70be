// Recording a winner's award (a contract, a prize, a grant with its amount and date) after a challenge's
// results: its managers record it once and may correct it, naming the version they saw; it is audited in
// the same transaction. Read by challenges.awards.ts.
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { RESULT_STATES } from "../../../shared/challenges.js";
import { writeAudit } from "../../core/audit.js";
import { moscowToday } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import type { Executor } from "../../core/db.js";
import { AppError, badRequest } from "../../core/errors.js";
import type { AwardBody } from "./challenges.contract.js";
import { challengeAwards } from "./challenges.schema.js";
import { managedChallenge, type Row, transition } from "./challenges.service.js";
import { getSubmission, presentSubmission, submissionRow } from "./challenges.submissions.service.js";

/** 409 "challenge-award-changed": someone recorded or corrected the award meanwhile; with the submission now. */
async function awardChanged(tx: Executor, ctx: Ctx, c: Row, submissionId: string): Promise<never> {
  const s = await submissionRow(tx, submissionId);
  throw new AppError(409, "challenge-award-changed", {}, [], {
    current: await presentSubmission(tx, ctx, c, s, { mine: false, manage: true, expert: false }),
  });
}

/**
 * Records (without `version`) or corrects (with the version seen) a winning submission's award: by those
 * who manage its challenge (anyone else: 404), once the results are published.
 */
export async function recordAward(ctx: Ctx, submissionId: string, body: z.infer<typeof AwardBody>) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const s = await submissionRow(tx, submissionId);
    const c = await managedChallenge(tx, ctx, s.challengeId);
    if (!RESULT_STATES.includes(c.state)) throw transition(ctx, "award", c.state);
    if (s.decision !== "winner") throw new AppError(409, "challenge-award-not-winner");
    if (body.awardedOn > moscowToday())
      throw badRequest([{ field: "awardedOn", key: "field.challenge.award-future" }]);
    const values = {
      kind: body.kind,
      amount: body.amount,
      awardedOn: body.awardedOn,
      documentRu: body.documentRu ?? null,
    };
    const [before] = await tx
      .select()
      .from(challengeAwards)
      .where(eq(challengeAwards.submissionId, s.id))
      .for("update");
    if ((before?.version ?? undefined) !== body.version) return awardChanged(tx, ctx, c, s.id);
    const [after] = before
      ? await tx
          .update(challengeAwards)
          .set({ ...values, version: sql`${challengeAwards.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(challengeAwards.submissionId, s.id), eq(challengeAwards.version, before.version)))
          .returning()
      : await tx
          .insert(challengeAwards)
          .values({ submissionId: s.id, challengeId: c.id, recordedBy: actor.id, ...values })
          .onConflictDoNothing()
          .returning();
    if (!after) return awardChanged(tx, ctx, c, s.id);
    const shown = (a: typeof after | undefined) =>
      a && {
        kind: a.kind,
        amount: a.amount,
        awardedOn: a.awardedOn,
        documentRu: a.documentRu,
        version: a.version,
      };
    await writeAudit(tx, auditCtx(ctx), {
      action: "challenge_award.record",
      entity: "challenge_submission",
      entityId: s.id,
      before: shown(before) ?? null,
      after: { challengeId: c.id, ...shown(after) },
    });
  });
  return getSubmission(ctx, submissionId);
}
