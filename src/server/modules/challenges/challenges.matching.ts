// Matching: when a challenge opens for submissions (the moderator approves it), the job sent in the
// decision's transaction finds the organizations whose OKVED sections or technology tags share one with
// the challenge's and that may submit to it (its organization types; cluster participants only, when
// it says so) — never the owner — and tells their members once: a row per (challenge, organization) is
// written with the notice, so a job run twice tells nobody twice. Members of the owner are not told.
import { eq, type SQL, sql } from "drizzle-orm";
import { normalizeOrgTypes, submitterRefusal } from "../../../shared/challengeEligibility.js";
import { okvedSectionName } from "../../../shared/okved.js";
import { type OrgStatus, type OrgType, orgTypeLabel } from "../../../shared/organizations.js";
import { TAG_SLUGS, tagLabel } from "../../../shared/tags.js";
import type { Ctx } from "../../core/context.js";
import { type Db, type Executor, rows, textArray } from "../../core/db.js";
import { AppError } from "../../core/errors.js";
import type { QueuedJob } from "../../core/jobs.js";
import { notifyAll } from "../notifications/notifications.service.js";
import { memberIdsExcept } from "../organizations/membership.js";
import { CHALLENGE_NOTIFICATION_KINDS } from "./challenges.notifications.js";
import { challenges } from "./challenges.schema.js";

/** Industries stored once each, in letter order; tags once each, in the taxonomy's order. */
export const industriesOf = (list: readonly string[]) => [...new Set(list)].sort();
export const tagsOf = (list: readonly string[]) => TAG_SLUGS.filter((t) => list.includes(t)) as string[];

/** The industries' and tags' Russian names: the part of the text vector that finds them by words. */
export const topicsText = (industries: readonly string[], tags: readonly string[]) =>
  [...industries.map((s) => okvedSectionName(s, "ru") ?? ""), ...tags.map((t) => tagLabel(t, "ru"))]
    .filter(Boolean)
    .join(" ");

/** The stored topics and requirements of a challenge's content (each value once, in order). */
export function topicsOf(c: {
  industries: readonly string[];
  tags: readonly string[];
  orgTypes: readonly OrgType[];
  participantsOnly: boolean;
}) {
  const industries = industriesOf(c.industries);
  const tags = tagsOf(c.tags);
  return {
    industries,
    tags,
    orgTypes: normalizeOrgTypes(c.orgTypes) as string[],
    participantsOnly: c.participantsOnly,
    searchText: topicsText(industries, tags),
  };
}

/**
 * A submitting organization meets the challenge's requirements (who may submit), or 409 naming the rule
 * broken: "challenge-org-type" (with the types admitted) or "challenge-participants-only".
 */
export function assertMayApply(
  ctx: Ctx,
  c: Pick<typeof challenges.$inferSelect, "orgTypes" | "participantsOnly">,
  org: { type: OrgType; status: OrgStatus; statusSuspendedAt: Date | null },
) {
  const req = { orgTypes: c.orgTypes as OrgType[], participantsOnly: c.participantsOnly };
  const refusal = submitterRefusal(req, { ...org, statusSuspended: org.statusSuspendedAt !== null });
  if (refusal === "org-type")
    throw new AppError(409, "challenge-org-type", {
      types: req.orgTypes.map((t) => orgTypeLabel(t, ctx.locale)).join(", "),
    });
  if (refusal === "participants-only") throw new AppError(409, "challenge-participants-only");
}

type Matched = Pick<
  typeof challenges.$inferSelect,
  "id" | "organizationId" | "industries" | "tags" | "orgTypes" | "participantsOnly"
>;

/** The organizations (`o`) the challenge matches and that may submit to it; null: none can. */
function conditionsOf(c: Matched): SQL | null {
  const shared: SQL[] = [];
  if (c.industries.length) shared.push(sql`o.okved_sections && ${textArray(c.industries)}::text[]`);
  if (c.tags.length) shared.push(sql`o.tags && ${textArray(c.tags)}::text[]`);
  if (!shared.length) return null;
  return sql.join(
    [
      sql`(${sql.join(shared, sql` or `)})`,
      sql`o.id <> ${c.organizationId}`,
      ...(c.orgTypes.length ? [sql`o.type::text = any(${textArray(c.orgTypes)}::text[])`] : []),
      ...(c.participantsOnly ? [sql`o.status::text = 'participant' and o.status_suspended_at is null`] : []),
    ],
    sql` and `,
  );
}

/** Records the organizations an open challenge matches and not yet told; returns them. */
export async function recordChallengeMatches(tx: Executor, c: Matched): Promise<string[]> {
  const where = conditionsOf(c);
  if (!where) return [];
  const fresh = await rows<{ organization_id: string }>(
    tx,
    sql`insert into challenge_matches (challenge_id, organization_id)
        select ${c.id}::uuid, o.id from organizations o where ${where}
        on conflict do nothing
        returning organization_id`,
  );
  return fresh.map((r) => r.organization_id);
}

/** Tells the organizations an open challenge matches (each once); returns the mails queued. */
export async function sendChallengeMatches(db: Db, publicUrl: string, challengeId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(challenges).where(eq(challenges.id, challengeId));
    if (c?.state !== "accepting") return 0;
    const orgs = await recordChallengeMatches(tx, c);
    if (!orgs.length) return 0;
    // Their members, each once, but none of the owner's.
    const userIds = await memberIdsExcept(tx, orgs, c.organizationId);
    return notifyAll(
      tx,
      publicUrl,
      userIds.length
        ? [
            {
              userIds,
              kind: CHALLENGE_NOTIFICATION_KINDS.matched,
              data: { title: c.titleRu },
              link: `/challenges/${c.id}`,
            },
          ]
        : [],
    );
  });
}

/** The job that tells the organizations a newly opened challenge matches. */
export const challengeMatchesJob: QueuedJob<{ challengeId: string }> = {
  name: "challenges.matches",
  run: ({ db, config }, d) => sendChallengeMatches(db, config.publicUrl, d.challengeId),
};
