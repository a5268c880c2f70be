// A winner's award as it is read: the submission's own (its managers and submitter) and a challenge's
// winners on its page once the results are published. Recorded by challenges.awards.service.ts.
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { RESULT_STATES } from "../../../shared/challenges.js";
import type { Executor } from "../../core/db.js";
import { organizations } from "../organizations/organizations.schema.js";
import type { Award, Winner } from "./challenges.contract.js";
import { challengeAwards, challengeSubmissions } from "./challenges.schema.js";
import type { Row } from "./challenges.service.js";
import { teams } from "./challenges.teams.schema.js";

const awardView = (a: typeof challengeAwards.$inferSelect): z.infer<typeof Award> => ({
  kind: a.kind,
  amount: a.amount,
  awardedOn: a.awardedOn,
  documentRu: a.documentRu,
  version: a.version,
});

/** A submission's award, or null. */
export async function awardOf(ex: Executor, submissionId: string): Promise<z.infer<typeof Award> | null> {
  const [a] = await ex.select().from(challengeAwards).where(eq(challengeAwards.submissionId, submissionId));
  return a ? awardView(a) : null;
}

/** A challenge's winners once its results are published (empty before), by name, each with its award. */
export async function winnersOf(
  ex: Executor,
  c: Pick<Row, "id" | "state">,
): Promise<z.infer<typeof Winner>[]> {
  if (!RESULT_STATES.includes(c.state)) return [];
  const list = await ex
    .select({
      orgId: organizations.id,
      orgName: organizations.shortName,
      teamId: teams.id,
      teamName: teams.name,
      kind: challengeAwards.kind,
      amount: challengeAwards.amount,
      awardedOn: challengeAwards.awardedOn,
    })
    .from(challengeSubmissions)
    .leftJoin(organizations, eq(organizations.id, challengeSubmissions.organizationId))
    .leftJoin(teams, eq(teams.id, challengeSubmissions.teamId))
    .leftJoin(challengeAwards, eq(challengeAwards.submissionId, challengeSubmissions.id))
    .where(
      and(
        eq(challengeSubmissions.challengeId, c.id),
        eq(challengeSubmissions.decision, "winner"),
        sql`${challengeSubmissions.feedbackAt} is not null`,
      ),
    )
    .orderBy(asc(sql`coalesce(${organizations.shortName}, ${teams.name})`), asc(challengeSubmissions.id));
  return list.map((w) => ({
    organization: w.orgId && w.orgName ? { id: w.orgId, shortName: w.orgName } : null,
    team: w.teamId && w.teamName ? { id: w.teamId, name: w.teamName } : null,
    award:
      w.kind && w.amount !== null && w.awardedOn
        ? { kind: w.kind, amount: w.amount, awardedOn: w.awardedOn }
        : null,
  }));
}
