import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { moveClock, now, resetClock } from "../../core/clock.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { type Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { membersOf } from "../organizations/membership.js";
import { addMember, createOrg, orgWithTeam } from "../organizations/organizations.fixtures.js";
import {
  type ChallengeView,
  inDays,
  ok,
  openChallenge,
  type SubmissionView,
  submissionBody,
} from "./challenges.fixtures.js";

const t = testAppForFile();
type Team = Awaited<ReturnType<typeof orgWithTeam>>;
let op: Client;
let corp: Team;
let solver: Team;
let rival: Team;
let third: Team;
let expertA: { user: { id: string; email: string; fullName: string }; c: Client };
let expertB: { user: { id: string; email: string; fullName: string }; c: Client };

afterEach(() => resetClock());

beforeAll(async () => {
  op = await signedIn(t, await createUser(t.database, { role: "operator" }));
  [corp, solver, rival, third] = await Promise.all([
    orgWithTeam(t, { shortName: "АО «Мосводоканал-Тест»" }),
    orgWithTeam(t, { shortName: "ООО «Акустик-Сенс»" }),
    orgWithTeam(t, { shortName: "ООО «Теплоконтроль»" }),
    orgWithTeam(t, { shortName: "ООО «Датчик-Про»" }),
  ]);
  const ua = await createUser(t.database, { role: "expert", fullName: "Орлова Мария Сергеевна" });
  const ub = await createUser(t.database, { role: "expert", fullName: "Гусев Павел Андреевич" });
  expertA = { user: ua, c: await signedIn(t, ua) };
  expertB = { user: ub, c: await signedIn(t, ub) };
});

const submit = (team: Team, challengeId: string, o: Record<string, unknown> = {}) =>
  team.memberC.post(`/api/challenges/${challengeId}/submissions`, submissionBody(team.org.id, o));

/** Moves the server's clock to `ms` after (negative: before) the challenge's deadline. */
const atDeadline = (c: ChallengeView, ms = 0) => moveClock(Date.parse(c.deadlineAt) + ms - now().getTime());

const withoutOrg = (b: ReturnType<typeof submissionBody>) => {
  const { organizationId: _o, ...rest } = b;
  return rest;
};

describe("submissions", () => {
  it("one per organization (409), never to one's own challenge, at the challenge's minimum TRL, from a verified organization", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id);
    const s = await ok<SubmissionView>(submit(solver, c.id), 201);
    expect(s).toMatchObject({ state: "submitted", mine: true, decision: null, feedback: null });
    expectProblem(await submit(solver, c.id), 409, "challenge-submission-exists");
    expectProblem(
      await corp.memberC.post(`/api/challenges/${c.id}/submissions`, submissionBody(corp.org.id)),
      409,
      "challenge-own-submission",
    );
    const low = await submit(rival, c.id, { trl: 3 });
    expect(fieldErrors(expectProblem(low, 400, "validation")).trl).toBe(
      "Запрос принимает решения с уровнем готовности технологии не ниже 5",
    );
    const fresh = await createOrg(t.database, { verified: false });
    await addMember(t.database, fresh.id, rival.member.id, "member");
    expectProblem(
      await rival.memberC.post(`/api/challenges/${c.id}/submissions`, submissionBody(fresh.id)),
      409,
      "organization-not-verified",
    );
    // Not a member of the organization: as if it did not exist.
    expectProblem(
      await rival.memberC.post(`/api/challenges/${c.id}/submissions`, submissionBody(solver.org.id)),
      404,
    );
    // A draft takes no submissions and is not there for outsiders.
    const draft = await openChallenge(corp.ownerC, op, corp.org.id, {}, "draft");
    expectProblem(await submit(solver, draft.id), 404);
    // Withdrawn, the place is free again; the live count follows.
    const w = await ok<SubmissionView>(
      solver.memberC.post(`/api/challenge-submissions/${s.id}/withdraw`, { version: s.version }),
    );
    expect(w.state).toBe("withdrawn");
    expectProblem(
      await solver.memberC.post(`/api/challenge-submissions/${s.id}/withdraw`, { version: w.version }),
      409,
      "challenge-submission-withdrawn",
    );
    await ok(submit(solver, c.id), 201);
    const page = await ok<ChallengeView>(solver.memberC.get(`/api/challenges/${c.id}`));
    expect(page.submissions).toBe(1);
    expect(page.me.submissions.length).toBe(1);
  });

  it("a stale edit is 409 with the submission as it is now", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id);
    const s = await ok<SubmissionView>(submit(solver, c.id), 201);
    const body = withoutOrg(submissionBody(solver.org.id, { price: 1_900_000 }));
    const edited = await ok<SubmissionView>(
      solver.ownerC.patch(`/api/challenge-submissions/${s.id}`, { ...body, version: s.version }),
    );
    expect(edited.version).toBe(s.version + 1);
    const stale = expectProblem(
      await solver.memberC.patch(`/api/challenge-submissions/${s.id}`, {
        ...body,
        trl: 8,
        version: s.version,
      }),
      409,
      "challenge-submission-changed",
    ) as { current?: { version: number; price: number } };
    expect(stale.current).toMatchObject({ version: edited.version, price: 1_900_000 });
  });

  it("the deadline is enforced in Moscow time: a second before it an edit passes; at it a submission, edit or withdrawal is 409", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, { deadline: "2030-03-15T18:00" });
    expect(c.deadlineAt).toBe("2030-03-15T15:00:00.000Z");
    const s = await ok<SubmissionView>(submit(solver, c.id), 201);
    atDeadline(c, -1000);
    const body = withoutOrg(submissionBody(solver.org.id, { trl: 8 }));
    const edited = await ok<SubmissionView>(
      solver.memberC.patch(`/api/challenge-submissions/${s.id}`, { ...body, version: s.version }),
    );
    resetClock();
    atDeadline(c, 0);
    const late = expectProblem(await submit(rival, c.id), 409, "challenge-deadline-passed");
    expect(late.detail).toBe("Приём заявок закрылся 2030-03-15 18:00 по московскому времени");
    expectProblem(
      await solver.memberC.patch(`/api/challenge-submissions/${s.id}`, { ...body, version: edited.version }),
      409,
      "challenge-deadline-passed",
    );
    const en = expectProblem(
      await solver.adminC.post(`/api/challenge-submissions/${s.id}/withdraw`, { version: edited.version }),
      409,
      "challenge-deadline-passed",
    );
    expect(en.detail).toBe("Submissions closed at 2030-03-15 18:00 Moscow time");
  });

  it("the operator extends a deadline (audited); every organization with a submission is told; then it submits again", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, { deadline: inDays(1) });
    await ok(submit(solver, c.id), 201);
    expectProblem(
      await corp.ownerC.post(`/api/operator/challenges/${c.id}/deadline`, {
        deadline: inDays(3),
        version: c.version,
      }),
      403,
    );
    expectProblem(
      await op.post(`/api/operator/challenges/${c.id}/deadline`, {
        deadline: inDays(0.5),
        version: c.version,
      }),
      400,
    );
    const later = inDays(3);
    const ext = await ok<ChallengeView>(
      op.post(`/api/operator/challenges/${c.id}/deadline`, { deadline: later, version: c.version }),
    );
    expect(ext.deadline).toBe(later);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, "challenges.deadline"),
          inArray(notifications.userId, [solver.owner.id, solver.member.id, rival.member.id]),
        ),
      );
    expect(told.map((n) => n.userId).sort()).toEqual([solver.owner.id, solver.member.id].sort());
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, "challenge.deadline")));
    expect(audit?.before).toMatchObject({ deadline: c.deadlineAt });
    // Past the old deadline, before the new one: still open.
    atDeadline(c, 60_000);
    await ok(submit(rival, c.id), 201);
  });
});

/** An open challenge with three submissions, two experts assigned, taken past its deadline into evaluation. */
async function evaluated(o: Record<string, unknown> = {}) {
  let c = await openChallenge(corp.ownerC, op, corp.org.id, { deadline: inDays(1), ...o });
  const subs = {
    solver: await ok<SubmissionView>(submit(solver, c.id), 201),
    rival: await ok<SubmissionView>(submit(rival, c.id), 201),
    third: await ok<SubmissionView>(submit(third, c.id), 201),
  };
  expectProblem(
    await corp.ownerC.post(`/api/challenges/${c.id}/evaluation`, { version: c.version }),
    409,
    "challenge-deadline-open",
  );
  c = await ok<ChallengeView>(
    corp.ownerC.put(`/api/challenges/${c.id}/experts`, {
      emails: [expertA.user.email, expertB.user.email],
      version: c.version,
    }),
  );
  atDeadline(c, 1);
  c = await ok<ChallengeView>(corp.ownerC.post(`/api/challenges/${c.id}/evaluation`, { version: c.version }));
  resetClock();
  expect(c).toMatchObject({ state: "evaluation", stage: 1 });
  return { c, subs };
}

const score = (e: Client, id: string, points: number[], o: Record<string, unknown> = {}) =>
  e.put(`/api/challenge-submissions/${id}/score`, {
    criteria: points.map((p, i) => ({ score: p, comment: i === 0 ? `Эффект оценён на ${p}` : undefined })),
    comment: `Итоговый комментарий: ${points.join("-")}`,
    ...o,
  });

describe("experts and scoring", () => {
  it("the ranking kept between reads follows every write it reads: a score, an expert joining a submitter, a submitter's new name", async () => {
    const fresh = await orgWithTeam(t, { shortName: "ООО «Сенсорные сети»" });
    let c = await openChallenge(corp.ownerC, op, corp.org.id, { deadline: inDays(1) });
    const mine = await ok<SubmissionView>(submit(fresh, c.id), 201);
    await ok(submit(solver, c.id), 201);
    c = await ok<ChallengeView>(
      corp.ownerC.put(`/api/challenges/${c.id}/experts`, {
        emails: [expertA.user.email, expertB.user.email],
        version: c.version,
      }),
    );
    atDeadline(c, 1);
    c = await ok<ChallengeView>(
      corp.ownerC.post(`/api/challenges/${c.id}/evaluation`, { version: c.version }),
    );
    resetClock();
    type Ev = {
      ranking: {
        submission: { id: string; organization: { shortName: string } | null };
        score: number | null;
      }[];
      experts: { id: string; of: number }[];
    };
    const read = () => ok<Ev>(corp.ownerC.get(`/api/challenges/${c.id}/evaluation`));
    const row = (ev: Ev) => ev.ranking.find((r) => r.submission.id === mine.id)!;
    for (const e of [expertA, expertB])
      await ok(e.c.post(`/api/challenges/${c.id}/no-conflict`, { noConflict: true }));
    const before = await read();
    expect(await read()).toEqual(before);
    expect(row(before).score).toBeNull();
    await ok(score(expertB.c, mine.id, [8, 8, 8]));
    expect(row(await read()).score).toBe(8);
    // Expert A joins the submitter's organization: a conflict, so one submission fewer to score.
    const ofA = async () => (await read()).experts.find((e) => e.id === expertA.user.id)!.of;
    expect(await ofA()).toBe(2);
    await addMember(t.database, fresh.org.id, expertA.user.id, "member");
    expect(await ofA()).toBe(1);
    // The submitter renames itself (a name the ranking shows).
    await t.database.db.execute(
      sql`update organizations set short_name = 'ООО «Сенсорные сети Плюс»' where id = ${fresh.org.id}`,
    );
    expect(row(await read()).submission.organization?.shortName).toBe("ООО «Сенсорные сети Плюс»");
  });

  it("assigns only registered experts; without experts the evaluation does not start", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, { deadline: inDays(1) });
    const bad = await corp.ownerC.put(`/api/challenges/${c.id}/experts`, {
      emails: [solver.owner.email, "nobody@example.ru"],
      version: c.version,
    });
    expect(Object.keys(fieldErrors(expectProblem(bad, 400)))).toEqual(["emails.0", "emails.1"]);
    expectProblem(
      await solver.ownerC.put(`/api/challenges/${c.id}/experts`, { emails: [], version: c.version }),
      404,
    );
    atDeadline(c, 1);
    expectProblem(
      await corp.ownerC.post(`/api/challenges/${c.id}/evaluation`, { version: c.version }),
      409,
      "challenge-no-experts",
    );
  });

  it("an expert declares no conflict before scoring and cannot score a submission of their own organization", async () => {
    const { c, subs } = await evaluated();
    expectProblem(await score(expertA.c, subs.solver.id, [8, 7, 6]), 409, "challenge-no-conflict-undeclared");
    const me = await ok<ChallengeView>(
      expertA.c.post(`/api/challenges/${c.id}/no-conflict`, { noConflict: true }),
    );
    expect(me.me).toMatchObject({ expert: true, noConflict: true });
    await addMember(t.database, rival.org.id, expertA.user.id, "member");
    const coi = expectProblem(
      await score(expertA.c, subs.rival.id, [9, 9, 9]),
      403,
      "challenge-conflict-of-interest",
    );
    expect(coi.title).toMatch(/конфликт интересов/);
    // The expert's list leaves out the submission of their own organization.
    const list = await ok<{ items: { id: string }[] }>(expertA.c.get(`/api/challenges/${c.id}/submissions`));
    expect(list.items.map((i) => i.id).sort()).toEqual([subs.solver.id, subs.third.id].sort());
    expectProblem(await score(expertA.c, subs.solver.id, [8, 11, 6]), 400);
    expectProblem(await score(expertA.c, subs.solver.id, [8, 7]), 400);
    const first = await ok<{ version: number }>(score(expertA.c, subs.solver.id, [8, 7, 6]));
    await ok(score(expertA.c, subs.solver.id, [9, 7, 6], { version: first.version }));
    expectProblem(
      await score(expertA.c, subs.solver.id, [5, 5, 5], { version: first.version }),
      409,
      "challenge-score-changed",
    );
    // An expert not assigned to this challenge sees none of it.
    const other = await signedIn(t, await createUser(t.database, { role: "expert" }));
    expectProblem(await other.get(`/api/challenges/${c.id}/submissions`), 404);
    expectProblem(await other.get(`/api/challenge-submissions/${subs.solver.id}`), 404);
    expectProblem(await score(other, subs.solver.id, [5, 5, 5]), 404);
  });
});

describe("stages, results and feedback", () => {
  it("a submitter never sees another's submission, the list or the evaluation (404)", async () => {
    const { c, subs } = await evaluated();
    expectProblem(await solver.memberC.get(`/api/challenge-submissions/${subs.rival.id}`), 404);
    expectProblem(await solver.memberC.get(`/api/challenges/${c.id}/submissions`), 404);
    expectProblem(await solver.memberC.get(`/api/challenges/${c.id}/evaluation`), 404);
    const own = await ok<SubmissionView>(solver.memberC.get(`/api/challenge-submissions/${subs.solver.id}`));
    expect(own).toMatchObject({ mine: true, feedback: null, decision: null });
  });

  it("two stages: a stage closes only with every assigned score in; ties share the shortlist; results give feedback to every submitter once", async () => {
    const { c: started, subs } = await evaluated({ stages: 2 });
    if (!(await membersOf(t.database.db, rival.org.id)).some((m) => m.userId === expertA.user.id))
      await addMember(t.database, rival.org.id, expertA.user.id, "member");
    let c = started;
    for (const e of [expertA, expertB])
      await ok(e.c.post(`/api/challenges/${c.id}/no-conflict`, { noConflict: true }));
    // Stage 1: solver and rival tie at the top (7.5 from two experts each); third is lower.
    await ok(score(expertA.c, subs.solver.id, [10, 5, 5])); // 5+1.5+1 = 7.5
    await ok(score(expertB.c, subs.solver.id, [5, 10, 10])); // 2.5+3+2 = 7.5
    // Expert A belongs to rival's organization: only B scores rival, and A's progress counts two submissions.
    await ok(score(expertB.c, subs.rival.id, [6, 10, 9])); // 3+3+1.8 = 7.8
    const progress = await ok<{
      progress: { done: number; of: number };
      experts: { scored: number; of: number }[];
    }>(corp.ownerC.get(`/api/challenges/${c.id}/evaluation`));
    expect(progress.progress).toEqual({ done: 0, of: 2 });
    const missing = expectProblem(
      await corp.ownerC.post(`/api/challenges/${c.id}/stage/close`, {
        version: c.version,
        shortlist: { by: "top", n: 1 },
      }),
      409,
      "challenge-scores-missing",
    );
    expect(missing.detail).toBe("Не хватает оценок: 2");
    await ok(score(expertA.c, subs.third.id, [5, 5, 5]));
    await ok(score(expertB.c, subs.third.id, [6, 6, 6]));
    const ranking = await ok<{
      progress: { done: number; of: number };
      ranking: { submission: { id: string }; score: number; rank: number; tied: boolean }[];
    }>(corp.ownerC.get(`/api/challenges/${c.id}/evaluation`));
    expect(ranking.progress).toEqual({ done: 2, of: 2 });
    expect(ranking.ranking.map((r) => [r.submission.id, r.score, r.rank])).toEqual([
      [subs.rival.id, 7.8, 1],
      [subs.solver.id, 7.5, 2],
      [subs.third.id, 5.5, 3],
    ]);
    c = await ok<ChallengeView>(
      corp.ownerC.post(`/api/challenges/${c.id}/stage/close`, {
        version: c.version,
        shortlist: { by: "threshold", threshold: 7.5 },
      }),
    );
    expect(c.stage).toBe(2);
    // Stage 2: only the shortlisted are scored; third is out.
    expectProblem(await score(expertB.c, subs.third.id, [9, 9, 9]), 404);
    await ok(score(expertA.c, subs.solver.id, [8, 8, 8]));
    await ok(score(expertB.c, subs.solver.id, [8, 8, 8]));
    await ok(score(expertB.c, subs.rival.id, [8, 8, 8]));
    const tie = await ok<{ ranking: { rank: number; tied: boolean }[] }>(
      corp.ownerC.get(`/api/challenges/${c.id}/evaluation`),
    );
    expect(tie.ranking.map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
    // Results only after the last stage.
    expectProblem(
      await corp.ownerC.post(`/api/challenges/${c.id}/results`, {
        version: c.version,
        winners: [subs.solver.id],
        reserve: [],
      }),
      409,
      "challenge-transition",
    );
    c = await ok<ChallengeView>(
      corp.ownerC.post(`/api/challenges/${c.id}/stage/close`, {
        version: c.version,
        shortlist: { by: "top", n: 1 },
      }),
    );
    expect(c.stage).toBe(3);
    const notFinal = await corp.ownerC.post(`/api/challenges/${c.id}/results`, {
      version: c.version,
      winners: [subs.third.id],
      reserve: [],
    });
    expect(fieldErrors(expectProblem(notFinal, 400))["winners.0"]).toBeTruthy();
    // Two publications at once: one wins, the feedback goes once.
    const [p1, p2] = await Promise.all([
      corp.ownerC.post(`/api/challenges/${c.id}/results`, {
        version: c.version,
        winners: [subs.solver.id],
        reserve: [subs.rival.id],
      }),
      corp.adminC.post(`/api/challenges/${c.id}/results`, {
        version: c.version,
        winners: [subs.rival.id],
        reserve: [],
      }),
    ]);
    expect([p1.statusCode, p2.statusCode].sort()).toEqual([200, 409]);
    const winner = p1.statusCode === 200 ? subs.solver.id : subs.rival.id;
    const published = (p1.statusCode === 200 ? p1 : p2).json() as ChallengeView;
    expect(published.state).toBe("results");
    expectProblem(
      await corp.ownerC.post(`/api/challenges/${c.id}/results`, {
        version: published.version,
        winners: [],
        reserve: [],
      }),
      409,
      "challenge-transition",
    );
    const notices = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "challenges.results"));
    const links = [subs.solver.id, subs.rival.id, subs.third.id].map((id) => `/challenges/submissions/${id}`);
    const told = notices.filter((n) => links.includes(n.link ?? ""));
    // Every member of each submitting organization, each told once.
    const members = (
      await Promise.all([solver, rival, third].map((o) => membersOf(t.database.db, o.org.id)))
    ).flat();
    expect(told.length).toBe(members.length);
    expect(new Set(told.map((n) => `${n.userId} ${n.link}`)).size).toBe(members.length);
    // The submitter reads the feedback: averages per criterion, comments without names, the decision.
    const fb = await ok<SubmissionView>(third.memberC.get(`/api/challenge-submissions/${subs.third.id}`));
    expect(fb.feedback).toMatchObject({
      decision: "not_selected",
      score: 5.5,
      averages: [
        { name: "Экономический эффект", average: 5.5 },
        { name: "Готовность технологии", average: 5.5 },
        { name: "Стоимость внедрения", average: 5.5 },
      ],
    });
    expect(fb.feedback!.comments).toEqual(
      expect.arrayContaining(["Итоговый комментарий: 5-5-5", "Экономический эффект: Эффект оценён на 6"]),
    );
    const text = JSON.stringify(fb);
    expect(text).not.toContain(expertA.user.fullName);
    expect(text).not.toContain(expertB.user.fullName);
    expect(text).not.toContain(expertA.user.id);
    const won = await ok<SubmissionView>(
      (winner === subs.solver.id ? solver : rival).memberC.get(`/api/challenge-submissions/${winner}`),
    );
    expect(won.feedback?.decision).toBe("winner");
    const closed = await ok<ChallengeView>(
      corp.ownerC.post(`/api/challenges/${c.id}/close`, { version: published.version }),
    );
    expect(closed.state).toBe("closed");
  });
});
