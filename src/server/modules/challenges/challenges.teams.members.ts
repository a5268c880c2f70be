import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../core/db.js";
import { membersOf, membersOfMany } from "../organizations/membership.js";
import { challengeSubmissions } from "./challenges.schema.js";
import { teamMembers, teams } from "./challenges.teams.schema.js";

/** The people of a team (its captain too). */
export async function teamMemberIds(ex: Executor, teamId: string): Promise<string[]> {
  const rows = await ex
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(eq(teamMembers.teamId, teamId));
  return rows.map((r) => r.userId);
}

export async function isTeamMember(ex: Executor, teamId: string, userId: string) {
  const [m] = await ex
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return Boolean(m);
}

/** The teams a user is in. */
export async function userTeamIds(ex: Executor, userId: string): Promise<string[]> {
  const rows = await ex
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.teamId);
}

/** `user team` pairs of these users' team memberships (conflicts of interest: a few experts' teams). */
export async function teamMemberships(ex: Executor, userIds: readonly string[]) {
  if (!userIds.length) return [];
  return ex
    .select({ userId: teamMembers.userId, teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(inArray(teamMembers.userId, [...userIds]));
}

export const teamRef = async (ex: Executor, id: string) => {
  const [t] = await ex.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, id));
  return t ?? { id, name: "" };
};

/** The people a submission's notices go to: its organization's members or its team's people. */
export async function submitterPeople(
  ex: Executor,
  s: { organizationId: string | null; teamId: string | null },
): Promise<string[]> {
  if (s.teamId) return teamMemberIds(ex, s.teamId);
  return s.organizationId ? (await membersOf(ex, s.organizationId)).map((m) => m.userId) : [];
}

/** The people each submission's notices go to (as `submitterPeople`), for many submissions in two statements. */
export async function submittersPeople(
  ex: Executor,
  subs: readonly { id: string; organizationId: string | null; teamId: string | null }[],
): Promise<Map<string, string[]>> {
  const orgIds = [...new Set(subs.flatMap((s) => (!s.teamId && s.organizationId ? [s.organizationId] : [])))];
  const teamIds = [...new Set(subs.flatMap((s) => (s.teamId ? [s.teamId] : [])))];
  const [orgMembers, teamPeople] = await Promise.all([
    membersOfMany(ex, orgIds),
    teamIds.length
      ? ex
          .select({ userId: teamMembers.userId, teamId: teamMembers.teamId })
          .from(teamMembers)
          .where(inArray(teamMembers.teamId, teamIds))
      : Promise.resolve([]),
  ]);
  const of = new Map<string, string[]>();
  const add = (key: string, userId: string) => {
    const list = of.get(key);
    if (list) list.push(userId);
    else of.set(key, [userId]);
  };
  for (const m of orgMembers) add(m.organizationId, m.userId);
  for (const m of teamPeople) add(m.teamId, m.userId);
  return new Map(subs.map((s) => [s.id, of.get(s.teamId ?? s.organizationId ?? "") ?? []]));
}

/** The submissions under way to a challenge of the teams a user is in. */
export async function teamSubmissionsOf(ex: Executor, challengeId: string, userId: string) {
  const rows = await ex
    .select({ id: challengeSubmissions.id, team: { id: teams.id, name: teams.name } })
    .from(challengeSubmissions)
    .innerJoin(teamMembers, eq(teamMembers.teamId, challengeSubmissions.teamId))
    .innerJoin(teams, eq(teams.id, challengeSubmissions.teamId))
    .where(
      and(
        eq(challengeSubmissions.challengeId, challengeId),
        eq(challengeSubmissions.state, "submitted"),
        eq(teamMembers.userId, userId),
      ),
    );
  return rows;
}
