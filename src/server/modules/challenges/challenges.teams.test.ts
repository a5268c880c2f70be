import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { moveClock, now, resetClock } from "../../core/clock.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { type Client, createUser, mailsTo, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import {
  type ChallengeView,
  inDays,
  ok,
  openChallenge,
  type SubmissionView,
  submissionBody,
} from "./challenges.fixtures.js";

const t = testAppForFile();
type Org = Awaited<ReturnType<typeof orgWithTeam>>;
type Person = { user: Awaited<ReturnType<typeof createUser>>; c: Client };
type TeamView = {
  id: string;
  version: number;
  captain: { id: string };
  members: { id: string; captain: boolean }[];
  invitations: { email: string }[];
  me: { captain: boolean };
};

let op: Client;
let corp: Org;
let solver: Org;
let expert: Person;

const person = async (o: Parameters<typeof createUser>[1] = {}): Promise<Person> => {
  const user = await createUser(t.database, o);
  return { user, c: await signedIn(t, user) };
};

beforeAll(async () => {
  op = await signedIn(t, await createUser(t.database, { role: "operator" }));
  [corp, solver] = await Promise.all([
    orgWithTeam(t, { shortName: "ГКУ «Инфогород-Тест»" }),
    orgWithTeam(t, { shortName: "ООО «Нейросеть-Тест»" }),
  ]);
  expert = await person({ role: "expert", fullName: "Белова Ирина Олеговна" });
});

/** The token of the newest team invitation mailed to an address. */
async function tokenTo(email: string) {
  const [m] = await mailsTo(t.database, email);
  const match = m?.text.match(/\/teams\/invitations\/([\w-]+)/);
  if (!match) throw new Error(`no team invitation mailed to ${email}`);
  return match[1]!;
}

/** A team of the captain and the given people (invited and accepted). */
async function teamOf(captain: Person, people: Person[] = [], name = "Команда «Бауманка-Тест»") {
  let team = await ok<TeamView>(captain.c.post("/api/teams", { name, description: "Студенты МГТУ" }), 201);
  for (const p of people) {
    await ok(captain.c.post(`/api/teams/${team.id}/invitations`, { email: p.user.email }), 201);
    team = await ok<TeamView>(p.c.post(`/api/team-invitations/${await tokenTo(p.user.email)}/accept`));
  }
  return team;
}

const submitAs = (p: Person, challengeId: string, teamId: string, o: Record<string, unknown> = {}) => {
  const { organizationId: _o, ...rest } = submissionBody("", o);
  return p.c.post(`/api/challenges/${challengeId}/submissions`, { ...rest, teamId });
};

describe("teams", () => {
  it("invite by e-mail: accept with that e-mail only, decline tells the captain; 1–10 people", async () => {
    const captain = await person({ fullName: "Смирнов Артём Денисович" });
    const ann = await person({ fullName: "Лебедева Анна Игоревна" });
    const bob = await person({ fullName: "Орлов Борис Андреевич" });
    let team = await teamOf(captain);
    expect(team).toMatchObject({ me: { captain: true }, members: [{ id: captain.user.id, captain: true }] });
    await ok(captain.c.post(`/api/teams/${team.id}/invitations`, { email: ann.user.email }), 201);
    const [mail] = await mailsTo(t.database, ann.user.email);
    expect(mail!.subject).toBe("Приглашение в команду «Команда «Бауманка-Тест»»");
    const token = await tokenTo(ann.user.email);
    const preview = await ok<{ state: string; team: { id: string } }>(
      t.app.inject({ method: "GET", url: `/api/team-invitations/${token}` }),
    );
    expect(preview).toMatchObject({ state: "pending", team: { id: team.id } });
    // Bob is signed in with another e-mail: 403; a member cannot invite (403); a stranger sees 404.
    expectProblem(
      await bob.c.post(`/api/team-invitations/${token}/accept`),
      403,
      "team-invitation-other-email",
    );
    expectProblem(await bob.c.get(`/api/teams/${team.id}`), 404);
    team = await ok<TeamView>(ann.c.post(`/api/team-invitations/${token}/accept`));
    expect(team.members.map((m) => m.id)).toEqual([captain.user.id, ann.user.id]);
    expectProblem(await ann.c.post(`/api/team-invitations/${token}/accept`), 409, "team-invitation-used");
    expectProblem(
      await ann.c.post(`/api/teams/${team.id}/invitations`, { email: bob.user.email }),
      403,
      "team-captain-only",
    );
    const joined = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.kind, "challenges.team-joined"), eq(notifications.userId, captain.user.id)),
      );
    expect(joined).toHaveLength(1);
    // Bob declines: the captain hears of it; the link is used.
    await ok(captain.c.post(`/api/teams/${team.id}/invitations`, { email: bob.user.email }), 201);
    const bobToken = await tokenTo(bob.user.email);
    const declined = await bob.c.post(`/api/team-invitations/${bobToken}/decline`);
    expect(declined.statusCode).toBe(204);
    expectProblem(await bob.c.post(`/api/team-invitations/${bobToken}/accept`), 409, "team-invitation-used");
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.kind, "challenges.team-declined"), eq(notifications.userId, captain.user.id)),
      );
    expect(told).toHaveLength(1);
    // A revoked invitation's link stops working and frees its place.
    const revoked = await ok<TeamView & { invitations: { id: string; email: string }[] }>(
      captain.c.post(`/api/teams/${team.id}/invitations`, { email: bob.user.email }),
      201,
    );
    const bobAgain = await tokenTo(bob.user.email);
    expect(
      (await captain.c.delete(`/api/teams/${team.id}/invitations/${revoked.invitations[0]!.id}`)).statusCode,
    ).toBe(204);
    expectProblem(await bob.c.post(`/api/team-invitations/${bobAgain}/accept`), 409, "team-invitation-used");
    // 2 people + 8 pending invitations = 10: the 9th invitation is refused.
    for (let i = 0; i < 8; i++)
      await ok(
        captain.c.post(`/api/teams/${team.id}/invitations`, { email: `invitee-${i}-${team.id}@example.ru` }),
        201,
      );
    expectProblem(
      await captain.c.post(`/api/teams/${team.id}/invitations`, { email: `more-${team.id}@example.ru` }),
      409,
      "team-full",
    );
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, team.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "team.create",
        "team.invitation_create",
        "team.invitation_accept",
        "team.invitation_decline",
      ]),
    );
  });

  it("the captain hands over captaincy, removes a member; a member leaves; a team is tied by its organization's manager", async () => {
    const captain = await person();
    const ann = await person();
    const bob = await person();
    let team = await teamOf(captain, [ann, bob]);
    expectProblem(
      await captain.c.delete(`/api/teams/${team.id}/members/${captain.user.id}`),
      409,
      "team-captain-leaves",
    );
    team = await ok<TeamView>(
      captain.c.post(`/api/teams/${team.id}/captain`, { userId: ann.user.id, version: team.version }),
    );
    expect(team.captain.id).toBe(ann.user.id);
    expectProblem(
      await captain.c.delete(`/api/teams/${team.id}/members/${bob.user.id}`),
      403,
      "team-captain-only",
    );
    expect((await ann.c.delete(`/api/teams/${team.id}/members/${bob.user.id}`)).statusCode).toBe(204);
    expect((await captain.c.delete(`/api/teams/${team.id}/members/${captain.user.id}`)).statusCode).toBe(204);
    expectProblem(await captain.c.get(`/api/teams/${team.id}`), 404);
    team = await ok<TeamView>(ann.c.get(`/api/teams/${team.id}`));
    expect(team.members.map((m) => m.id)).toEqual([ann.user.id]);
    // Ann is no manager of the solver's organization: 403; its owner as captain ties it.
    expectProblem(
      await ann.c.post(`/api/teams/${team.id}/organization`, {
        organizationId: solver.org.id,
        version: team.version,
      }),
      403,
      "team-organization-manager-only",
    );
    const own = await ok<TeamView>(solver.ownerC.post("/api/teams", { name: "Команда «Нейросеть»" }), 201);
    const tied = await ok<{ organization: { id: string } }>(
      solver.ownerC.post(`/api/teams/${own.id}/organization`, {
        organizationId: solver.org.id,
        version: own.version,
      }),
    );
    expect(tied.organization.id).toBe(solver.org.id);
  });
});

describe("renaming a team", () => {
  it("the captain renames at the version seen: a stale version is 409 with the team as it is now; a member cannot (403), a stranger sees 404; audited", async () => {
    const captain = await person();
    const ann = await person();
    const stranger = await person();
    let team = await teamOf(captain, [ann], "Команда «Старое имя»");
    const seen = team.version;
    const rename = (p: Person, body: Record<string, unknown>) => p.c.patch(`/api/teams/${team.id}`, body);

    team = await ok<TeamView & { name: string }>(
      rename(captain, { name: "  Команда «Новое имя»  ", version: seen }),
    );
    expect(team).toMatchObject({ name: "Команда «Новое имя»", version: seen + 1 });
    // the members see the new name in their teams
    const mine = await ok<{ items: { id: string; name: string }[] }>(ann.c.get("/api/teams"));
    expect(mine.items.find((i) => i.id === team.id)?.name).toBe("Команда «Новое имя»");

    // a rename at the version seen before is refused with the team as it is now
    const stale = await rename(captain, { name: "Команда «Опоздавшая»", version: seen });
    expectProblem(stale, 409, "team-changed");
    expect(stale.json().current).toMatchObject({ name: "Команда «Новое имя»", version: seen + 1 });

    expectProblem(
      await rename(ann, { name: "Команда Анны", version: team.version }),
      403,
      "team-captain-only",
    );
    expectProblem(await rename(stranger, { name: "Чужая", version: team.version }), 404);
    for (const name of [" ", "Я".repeat(121)])
      expect(
        fieldErrors(expectProblem(await rename(captain, { name, version: team.version }), 400, "validation")),
      ).toHaveProperty("name");
    expectProblem(await rename(captain, { name: "Без версии" }), 400);

    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, team.id), eq(auditLog.action, "team.rename")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: captain.user.id,
      after: { before: "Команда «Старое имя»", name: "Команда «Новое имя»" },
    });
    expect((await ok<TeamView & { name: string }>(ann.c.get(`/api/teams/${team.id}`))).name).toBe(
      "Команда «Новое имя»",
    );
  });
});

describe("submissions by a team", () => {
  it("only where teams are allowed; organizations refused by a hackathon; one per team; members edit, a stranger sees 404", async () => {
    const captain = await person();
    const ann = await person();
    const stranger = await person();
    const team = await teamOf(captain, [ann]);
    const closed = await openChallenge(corp.ownerC, op, corp.org.id);
    expectProblem(await submitAs(captain, closed.id, team.id), 409, "challenge-teams-not-allowed");
    const open = await openChallenge(corp.ownerC, op, corp.org.id, { teamsAllowed: true });
    expect(open).toMatchObject({ teamsAllowed: true, teamsOnly: false });
    expectProblem(await submitAs(stranger, open.id, team.id), 404);
    const s = await ok<SubmissionView & { team: { id: string } | null }>(
      submitAs(captain, open.id, team.id),
      201,
    );
    expect(s).toMatchObject({ mine: true, organization: null, team: { id: team.id } });
    expectProblem(await submitAs(ann, open.id, team.id), 409, "challenge-team-submission-exists");
    // An organization still submits beside the team.
    await ok(
      solver.memberC.post(`/api/challenges/${open.id}/submissions`, submissionBody(solver.org.id)),
      201,
    );
    const read = await ok<SubmissionView>(ann.c.get(`/api/challenge-submissions/${s.id}`));
    expect(read.mine).toBe(true);
    const page = await ok<{ me: { teamSubmissions: { id: string }[] } }>(
      ann.c.get(`/api/challenges/${open.id}`),
    );
    expect(page.me.teamSubmissions.map((x) => x.id)).toEqual([s.id]);
    expectProblem(await stranger.c.get(`/api/challenge-submissions/${s.id}`), 404);
    const { organizationId: _o, ...content } = submissionBody("", { trl: 8 });
    const edited = await ok<SubmissionView>(
      ann.c.patch(`/api/challenge-submissions/${s.id}`, { ...content, version: s.version }),
    );
    expect(edited.version).toBe(s.version + 1);
    expectProblem(
      await stranger.c.patch(`/api/challenge-submissions/${s.id}`, { ...content, version: edited.version }),
      404,
    );
    const hack = await openChallenge(corp.ownerC, op, corp.org.id, { teamsOnly: true });
    expect(hack).toMatchObject({ teamsAllowed: true, teamsOnly: true });
    expectProblem(
      await solver.memberC.post(`/api/challenges/${hack.id}/submissions`, submissionBody(solver.org.id)),
      409,
      "challenge-teams-only",
    );
    expectProblem(
      await captain.c.post(`/api/challenges/${hack.id}/submissions`, {
        ...content,
        organizationId: solver.org.id,
        teamId: team.id,
      }),
      400,
      "validation",
    );
    // After the deadline a team's edit is refused as an organization's is.
    moveClock(Date.parse(open.deadlineAt) + 1 - now().getTime());
    try {
      expectProblem(
        await ann.c.patch(`/api/challenge-submissions/${s.id}`, { ...content, version: edited.version }),
        409,
        "challenge-deadline-passed",
      );
    } finally {
      resetClock();
    }
  });

  it("a hackathon: conflict of interest via the team, feedback once to the team's people, the leaderboard with ties", async () => {
    const [a1, a2, b1, c1] = await Promise.all([person(), person(), person(), person()]);
    const teamA = await teamOf(a1, [a2], "Команда «Альфа»");
    const teamB = await teamOf(b1, [], "Команда «Бета»");
    const teamC = await teamOf(c1, [], "Команда «Гамма»");
    // The expert is in team C.
    await ok(c1.c.post(`/api/teams/${teamC.id}/invitations`, { email: expert.user.email }), 201);
    await ok(expert.c.post(`/api/team-invitations/${await tokenTo(expert.user.email)}/accept`));
    let c = await openChallenge(corp.ownerC, op, corp.org.id, { teamsOnly: true, deadline: inDays(1) });
    const sA = await ok<SubmissionView>(submitAs(a1, c.id, teamA.id), 201);
    const sB = await ok<SubmissionView>(submitAs(b1, c.id, teamB.id), 201);
    const sC = await ok<SubmissionView>(submitAs(c1, c.id, teamC.id), 201);
    c = await ok<ChallengeView>(
      corp.ownerC.put(`/api/challenges/${c.id}/experts`, { emails: [expert.user.email], version: c.version }),
    );
    expectProblem(await t.app.inject({ method: "GET", url: `/api/challenges/${c.id}/leaderboard` }), 404);
    moveClock(Date.parse(c.deadlineAt) + 1 - now().getTime());
    c = await ok<ChallengeView>(
      corp.ownerC.post(`/api/challenges/${c.id}/evaluation`, { version: c.version }),
    );
    resetClock();
    await ok(expert.c.post(`/api/challenges/${c.id}/no-conflict`, { noConflict: true }));
    const score = (id: string, points: number[]) =>
      expert.c.put(`/api/challenge-submissions/${id}/score`, {
        criteria: points.map((p) => ({ score: p })),
        comment: "Сильная команда, понятный план пилота",
      });
    expectProblem(await score(sC.id, [9, 9, 9]), 403, "challenge-conflict-of-interest");
    const list = await ok<{ items: { id: string }[] }>(expert.c.get(`/api/challenges/${c.id}/submissions`));
    expect(list.items.map((x) => x.id).sort()).toEqual([sA.id, sB.id].sort());
    await ok(score(sA.id, [8, 8, 8]));
    await ok(score(sB.id, [8, 8, 8]));
    const ev = await ok<{ progress: { done: number; of: number } }>(
      corp.ownerC.get(`/api/challenges/${c.id}/evaluation`),
    );
    expect(ev.progress).toEqual({ done: 1, of: 1 });
    c = await ok<ChallengeView>(
      corp.ownerC.post(`/api/challenges/${c.id}/stage/close`, {
        version: c.version,
        shortlist: { by: "top", n: 3 },
      }),
    );
    c = await ok<ChallengeView>(
      corp.ownerC.post(`/api/challenges/${c.id}/results`, {
        version: c.version,
        winners: [sA.id],
        reserve: [sB.id],
      }),
    );
    const told = await t.database.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.kind, "challenges.results"));
    const teamATold = told.filter((n) => [a1.user.id, a2.user.id].includes(n.userId));
    expect(teamATold.map((n) => n.userId).sort()).toEqual([a1.user.id, a2.user.id].sort());
    const fb = await ok<SubmissionView>(a2.c.get(`/api/challenge-submissions/${sA.id}`));
    expect(fb.feedback).toMatchObject({ decision: "winner", score: 8 });
    expectProblem(await a2.c.get(`/api/challenge-submissions/${sB.id}`), 404);
    const board = await ok<{
      items: { rank: number | null; tied: boolean; team: { name: string }; score: number | null }[];
    }>(t.app.inject({ method: "GET", url: `/api/challenges/${c.id}/leaderboard` }));
    expect(board.items.map((i) => [i.team.name, i.rank, i.tied, i.score])).toEqual([
      ["Команда «Альфа»", 1, true, 8],
      ["Команда «Бета»", 1, true, 8],
      ["Команда «Гамма»", null, false, null],
    ]);
  });
});
