import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, mailsTo, signedIn, testAppForFile } from "../../test/helpers.js";
import { addMember, createOrg, orgWithTeam } from "../organizations/organizations.fixtures.js";
import { organizations, statusApplications, statusHistory } from "../organizations/organizations.schema.js";

const t = testAppForFile();
let op: Client;
let op2: Client;
let opEn: Client;
let stranger: Client;
let guest: Client;
let operator: Awaited<ReturnType<typeof createUser>>;
let operator2: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  operator = await createUser(t.database, { role: "operator", fullName: "Операторова Мария Сергеевна" });
  operator2 = await createUser(t.database, { role: "operator", fullName: "Фондов Пётр Алексеевич" });
  const operatorEn = await createUser(t.database, { role: "operator", locale: "en" });
  const user = await createUser(t.database);
  [op, op2, opEn, stranger] = await Promise.all([
    signedIn(t, operator),
    signedIn(t, operator2),
    signedIn(t, operatorEn, "en"),
    signedIn(t, user),
  ]);
  guest = new Client(t.app);
});

type App = { id: string; state: string; version: number; submittedAt: string; waitingDays: number };
type Event = {
  event: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  at: string;
};

const statusOf = async (c: Client, orgId: string) => {
  const res = await c.get(`/api/organizations/${orgId}/status`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const applyFor = (c: Client, orgId: string, requestedStatus: string, comment?: string) =>
  c.post(`/api/organizations/${orgId}/status-applications`, { requestedStatus, comment });
const decision = (c: Client, appId: string, body: Record<string, unknown>) =>
  c.post(`/api/operator/status-applications/${appId}/decision`, body);
const titles = async (c: Client) =>
  ((await c.get("/api/notifications")).json().items as { title: string }[]).map((i) => i.title);
const auditCount = async (action: string, entityId: string) => {
  const [r] = await t.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return r!.n;
};
const applicationsOf = async (orgId: string) =>
  t.database.db.select().from(statusApplications).where(eq(statusApplications.organizationId, orgId));

describe("applying for a status and the operator's decision", () => {
  it("apply → approve: the organization becomes a participant, members are told in-app and by mail", async () => {
    const team = await orgWithTeam(t, { regionCode: "77", shortName: "Альфа Технологии" });
    const before = await statusOf(team.ownerC, team.org.id);
    expect(before).toMatchObject({ status: "registered", suspended: false, openApplication: null });
    expect(before.options.participant).toEqual({ open: true, reason: null });
    expect(before.options.partner.open).toBe(false);

    const res = await applyFor(team.ownerC, team.org.id, "participant", "Просим присвоить статус");
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json() as App & { applicantComment: string };
    expect(app).toMatchObject({
      state: "pending",
      version: 1,
      waitingDays: 0,
      requestedStatus: "participant",
    });
    expect(app.applicantComment).toBe("Просим присвоить статус");
    expect(await auditCount("status_application.submit", app.id)).toBe(1);

    // The others are told in-app that the application was filed (the applicant knows).
    expect(await titles(team.memberC)).toContain(
      "Заявка на статус участника кластера подана (организация «Альфа Технологии»)",
    );
    expect(await titles(team.adminC)).toContain(
      "The application for cluster participant status has been submitted (Альфа Технологии)",
    );
    expect(await titles(team.ownerC)).toHaveLength(0);

    const open = await statusOf(team.memberC, team.org.id);
    expect(open.openApplication).toMatchObject({ id: app.id, state: "pending" });
    expect(open.options.participant).toEqual({
      open: false,
      reason: "У организации уже есть незавершённая заявка на статус (на рассмотрении или на доработке)",
    });

    const mailed = t.mailQueued;
    const ok = await decision(op, app.id, { decision: "approve", version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      id: app.id,
      state: "approved",
      version: 2,
      organization: { id: team.org.id, status: "participant" },
      decidedBy: { id: operator.id, fullName: "Операторова Мария Сергеевна" },
    });
    expect(t.mailQueued).toBeGreaterThan(mailed);

    const after = await statusOf(team.ownerC, team.org.id);
    expect(after).toMatchObject({
      status: "participant",
      suspended: false,
      reason: null,
      openApplication: null,
    });
    expect(new Date(after.since).getTime()).toBeGreaterThanOrEqual(new Date(app.submittedAt).getTime());
    expect(after.history.map((e: Event) => [e.event, e.fromStatus, e.toStatus])).toEqual([
      ["approved", "registered", "participant"],
      ["submitted", "registered", "participant"],
    ]);
    expect(after.options.participant).toEqual({
      open: false,
      reason: "Организация уже имеет статус участника кластера",
    });

    // Every member: in-app and by mail at once, in their own language.
    const title = "Организации «Альфа Технологии» присвоен статус участника кластера";
    for (const c of [team.ownerC, team.memberC]) expect(await titles(c)).toContain(title);
    expect((await titles(team.adminC))[0]).toBe(
      "Альфа Технологии has been granted cluster participant status",
    );
    for (const u of [team.owner, team.member]) {
      const mails = await mailsTo(t.database, u.email);
      expect(mails[0]!.subject).toBe(title);
      expect(mails[0]!.text).toContain(`/organizations/${team.org.id}/status`);
    }
    expect((await mailsTo(t.database, team.admin.email))[0]!.subject).toBe(
      "Альфа Технологии has been granted cluster participant status",
    );
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "status_application.decide"), eq(auditLog.entityId, app.id)));
    expect(audit).toMatchObject({
      actorId: operator.id,
      before: { state: "pending", version: 1, organizationStatus: "registered" },
      after: { state: "approved", version: 2, organizationStatus: "participant", decision: "approve" },
    });

    // The public side of the profile shows the status too (same row).
    const [row] = await t.database.db.select().from(organizations).where(eq(organizations.id, team.org.id));
    expect(row!.status).toBe("participant");

    // A decided application cannot be decided again.
    const again = await decision(op2, app.id, { decision: "reject", comment: "Поздно", version: 2 });
    const body = expectProblem(again, 409, "application-changed");
    expect(body.current).toMatchObject({
      state: "approved",
      decidedBy: { fullName: "Операторова Мария Сергеевна" },
    });
    expect(body.detail).toBe("Сейчас заявка одобрена; решение принял(а) Операторова Мария Сергеевна.");
  });

  it("apply → reject: the reason is required (ru and en), recorded and sent to the members", async () => {
    const team = await orgWithTeam(t, {
      regionCode: "50",
      type: "university",
      shortName: "Подмосковный вуз",
    });
    const app = (await applyFor(team.adminC, team.org.id, "partner")).json() as App;
    expect(app.state).toBe("pending");

    const noReason = expectProblem(await decision(op, app.id, { decision: "reject", version: 1 }), 400);
    expect(fieldErrors(noReason)).toEqual({ comment: "Укажите причину отказа" });
    const blank = expectProblem(
      await decision(opEn, app.id, { decision: "reject", comment: "  ", version: 1 }),
      400,
    );
    expect(fieldErrors(blank)).toEqual({ comment: "Give the reason for the rejection" });
    const noFix = expectProblem(await decision(op, app.id, { decision: "return", version: 1 }), 400);
    expect(fieldErrors(noFix)).toEqual({ comment: "Укажите, что нужно исправить" });
    const noFixEn = expectProblem(await decision(opEn, app.id, { decision: "return", version: 1 }), 400);
    expect(fieldErrors(noFixEn)).toEqual({ comment: "Say what needs to be fixed" });
    expect((await applicationsOf(team.org.id))[0]).toMatchObject({ state: "pending", version: 1 });

    const reason = "Не подтверждена инновационная деятельность";
    const res = await decision(op, app.id, { decision: "reject", comment: reason, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "rejected", operatorComment: reason });

    const view = await statusOf(team.memberC, team.org.id);
    expect(view).toMatchObject({ status: "registered", openApplication: null });
    expect(view.history[0]).toMatchObject({ event: "rejected", toStatus: "partner", reason });
    // Rejected: the organization may apply again.
    expect(view.options.partner).toEqual({ open: true, reason: null });

    expect(await titles(team.ownerC)).toContain(`Заявка отклонена: ${reason}`);
    const [mail] = await mailsTo(t.database, team.member.email);
    expect(mail!.subject).toBe(`Заявка отклонена: ${reason}`);
    expect(mail!.text).toContain("Подмосковный вуз");
    expect((await mailsTo(t.database, team.admin.email))[0]!.subject).toBe(`Application rejected: ${reason}`);
  });

  it("apply → return → resubmit → approve, with the timeline in order and with the reasons", async () => {
    const team = await orgWithTeam(t, { regionCode: "77", type: "individual_entrepreneur" });
    const app = (await applyFor(team.ownerC, team.org.id, "participant", "Первая подача")).json() as App;

    const fix = "Приложите выписку из ЕГРИП";
    const returned = await decision(op, app.id, { decision: "return", comment: fix, version: 1 });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: "returned", version: 2, operatorComment: fix });
    expect(await titles(team.memberC)).toContain(`Заявка возвращена на доработку: ${fix}`);

    const view = await statusOf(team.ownerC, team.org.id);
    expect(view.openApplication).toMatchObject({ id: app.id, state: "returned", operatorComment: fix });
    // While it is with the applicant, the operator cannot decide it, and a new one cannot be filed.
    expectProblem(
      await decision(op, app.id, { decision: "approve", version: 2 }),
      409,
      "application-changed",
    );
    expectProblem(await applyFor(team.ownerC, team.org.id, "participant"), 409, "status-application-open");

    // Only the owner or an admin resubmits.
    expectProblem(
      await team.memberC.post(`/api/organizations/${team.org.id}/status-applications/${app.id}/resubmit`, {}),
      403,
    );
    const again = await team.ownerC.post(
      `/api/organizations/${team.org.id}/status-applications/${app.id}/resubmit`,
      {
        comment: "Выписка приложена",
      },
    );
    expect(again.statusCode, again.body).toBe(200);
    const resubmitted = again.json() as App & { applicantComment: string; decidedAt: string | null };
    expect(resubmitted).toMatchObject({
      state: "pending",
      version: 3,
      applicantComment: "Выписка приложена",
    });
    expect(resubmitted.decidedAt).toBeNull();
    // The original filing date is kept: the application keeps its place in the queue.
    expect(resubmitted.submittedAt).toBe(app.submittedAt);
    expect(await auditCount("status_application.resubmit", app.id)).toBe(1);

    // Resubmitting a pending application is not a transition.
    const twice = await team.ownerC.post(
      `/api/organizations/${team.org.id}/status-applications/${app.id}/resubmit`,
      {},
    );
    expect(expectProblem(twice, 409, "status-transition").detail).toBe(
      "Повторно отправить можно только заявку, возвращённую на доработку",
    );

    // The version the operator saw before the resubmission is stale.
    const stale = expectProblem(await decision(op, app.id, { decision: "approve", version: 2 }), 409);
    expect((stale.current as App).state).toBe("pending");
    const ok = await decision(op, app.id, { decision: "approve", version: 3 });
    expect(ok.statusCode, ok.body).toBe(200);

    const history = (await statusOf(team.memberC, team.org.id)).history as Event[];
    expect(history.map((e) => [e.event, e.reason])).toEqual([
      ["approved", null],
      ["resubmitted", "Выписка приложена"],
      ["returned", fix],
      ["submitted", "Первая подача"],
    ]);
    const times = history.map((e) => new Date(e.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("the operator's timeline names who made each change; the organization's own view names no one", async () => {
    const team = await orgWithTeam(t, { regionCode: "77", type: "individual_entrepreneur" });
    const app = (await applyFor(team.ownerC, team.org.id, "participant")).json() as App;
    expect((await decision(op, app.id, { decision: "approve", version: 1 })).statusCode).toBe(200);

    const detail = await op.get(`/api/operator/status-applications/${app.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const history = detail.json().history as (Event & { by: { id: string; fullName: string } | null })[];
    expect(history.map((e) => [e.event, e.by?.fullName ?? null])).toEqual([
      ["approved", "Операторова Мария Сергеевна"],
      ["submitted", "Иванов Иван Иванович"],
    ]);
    expect(history[0]?.by?.id).toBe(operator.id);

    const own = (await statusOf(team.memberC, team.org.id)).history as (Event & { by: unknown })[];
    expect(own.length).toBe(2);
    expect(own.every((e) => e.by === null)).toBe(true);
  });

  it("withdraw: from pending or returned; a withdrawn application cannot be decided or withdrawn again", async () => {
    const team = await orgWithTeam(t, { regionCode: "50" });
    const app = (await applyFor(team.ownerC, team.org.id, "partner")).json() as App;
    const url = `/api/organizations/${team.org.id}/status-applications/${app.id}/withdraw`;
    expectProblem(await team.memberC.post(url), 403);
    expectProblem(await stranger.post(url), 404);

    const res = await team.adminC.post(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "withdrawn", version: 2 });
    expect(await titles(team.ownerC)).toEqual([
      expect.stringMatching(/^Заявка на статус партнёра кластера отозвана \(организация «/),
    ]);
    expect(await auditCount("status_application.withdraw", app.id)).toBe(1);

    const decided = expectProblem(await decision(op, app.id, { decision: "approve", version: 2 }), 409);
    expect(decided.type).toBe("/problems/application-changed");
    expect((decided.current as App).state).toBe("withdrawn");
    expect(expectProblem(await team.ownerC.post(url), 409, "status-transition").detail).toBe(
      "Отозвать можно только заявку на рассмотрении или на доработке",
    );
    const view = await statusOf(team.ownerC, team.org.id);
    expect(view.history[0]).toMatchObject({ event: "withdrawn", toStatus: "partner" });
    expect(view.openApplication).toBeNull();

    // A returned application can be withdrawn as well, and then a new one filed.
    const second = (await applyFor(team.ownerC, team.org.id, "partner")).json() as App;
    await decision(op, second.id, { decision: "return", comment: "Уточните сведения", version: 1 });
    const w = await team.ownerC.post(
      `/api/organizations/${team.org.id}/status-applications/${second.id}/withdraw`,
    );
    expect(w.json()).toMatchObject({ state: "withdrawn" });
    expect((await applyFor(team.ownerC, team.org.id, "partner")).statusCode).toBe(201);
  });
});

describe("which status an organization may apply for", () => {
  it("participant only from Moscow (region 77), refused with the reason in ru and en; nothing written", async () => {
    const team = await orgWithTeam(t, { regionCode: "50" });
    const audits = await t.database.db.select({ n: count() }).from(auditLog);
    const res = expectProblem(
      await applyFor(team.ownerC, team.org.id, "participant"),
      400,
      "status-not-open",
    );
    const reason =
      "Статус участника кластера доступен только организациям, зарегистрированным в Москве (регион 77)";
    expect(res.detail).toBe(reason);
    expect(fieldErrors(res)).toEqual({ requestedStatus: reason });
    const en = expectProblem(await applyFor(team.adminC, team.org.id, "participant"), 400, "status-not-open");
    expect(en.detail).toBe(
      "Cluster participant status is open only to organizations registered in Moscow (region 77)",
    );
    expect(await applicationsOf(team.org.id)).toHaveLength(0);
    expect(await t.database.db.select({ n: count() }).from(auditLog)).toEqual(audits);
    expect(
      await t.database.db.select().from(statusHistory).where(eq(statusHistory.organizationId, team.org.id)),
    ).toHaveLength(0);

    const view = await statusOf(team.ownerC, team.org.id);
    expect(view.options).toEqual({
      participant: { open: false, reason },
      partner: { open: true, reason: null },
    });
    const viewEn = await statusOf(team.adminC, team.org.id);
    expect(viewEn.options.participant.reason).toBe(
      "Cluster participant status is open only to organizations registered in Moscow (region 77)",
    );
  });

  it("partner not from Moscow: refused for region 77; open to foreign organizations", async () => {
    const moscow = await orgWithTeam(t, { regionCode: "77" });
    const res = expectProblem(
      await applyFor(moscow.ownerC, moscow.org.id, "partner"),
      400,
      "status-not-open",
    );
    expect(res.detail).toMatch(/^Статус партнёра кластера доступен организациям из других регионов/);
    expect(fieldErrors(res).requestedStatus).toBe(res.detail);

    const foreign = await orgWithTeam(t, { type: "foreign", country: "KZ" });
    const view = await statusOf(foreign.ownerC, foreign.org.id);
    expect(view.options.participant.open).toBe(false);
    expect(view.options.partner.open).toBe(true);
    expectProblem(await applyFor(foreign.ownerC, foreign.org.id, "participant"), 400, "status-not-open");
    expect((await applyFor(foreign.ownerC, foreign.org.id, "partner")).statusCode).toBe(201);
  });

  it("one open application per organization, even when two are sent at once", async () => {
    const team = await orgWithTeam(t, { regionCode: "77" });
    const [a, b] = await Promise.all([
      applyFor(team.ownerC, team.org.id, "participant"),
      applyFor(team.adminC, team.org.id, "participant"),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expectProblem(loser, 409, "status-application-open");
    expect(await applicationsOf(team.org.id)).toHaveLength(1);
    expectProblem(await applyFor(team.ownerC, team.org.id, "participant"), 409, "status-application-open");
  });

  it("an organization that already holds the status cannot apply for it", async () => {
    const team = await orgWithTeam(t, { regionCode: "77", status: "participant" });
    const res = expectProblem(
      await applyFor(team.ownerC, team.org.id, "participant"),
      400,
      "status-not-open",
    );
    expect(res.detail).toBe("Организация уже имеет статус участника кластера");
  });

  it("refuses bad input with field errors", async () => {
    const team = await orgWithTeam(t, { regionCode: "77" });
    const bad = expectProblem(await applyFor(team.ownerC, team.org.id, "registered"), 400, "validation");
    expect(Object.keys(fieldErrors(bad))).toEqual(["requestedStatus"]);
    const extra = await team.ownerC.post(`/api/organizations/${team.org.id}/status-applications`, {
      requestedStatus: "participant",
      state: "approved",
    });
    expectProblem(extra, 400, "validation");
    expectProblem(await team.ownerC.get("/api/organizations/not-a-uuid/status"), 400, "validation");
    const noVersion = await decision(op, "00000000-0000-4000-8000-000000000000", { decision: "approve" });
    expect(fieldErrors(expectProblem(noVersion, 400))).toHaveProperty("version");
    expectProblem(
      await decision(op, "00000000-0000-4000-8000-000000000000", { decision: "approve", version: 1 }),
      404,
    );
    expect(await applicationsOf(team.org.id)).toHaveLength(0);
  });
});

describe("who may do what", () => {
  it("members and staff read the status; others get 404; guests 401", async () => {
    const team = await orgWithTeam(t, { regionCode: "77" });
    await statusOf(team.memberC, team.org.id);
    await statusOf(op, team.org.id);
    expectProblem(await stranger.get(`/api/organizations/${team.org.id}/status`), 404, "not-found");
    expectProblem(await stranger.get("/api/organizations/00000000-0000-4000-8000-000000000000/status"), 404);
    expectProblem(await guest.get(`/api/organizations/${team.org.id}/status`), 401, "unauthorized");
  });

  it("only the owner or an admin applies: a member gets 403, a non-member 404, an operator 403, a guest 401", async () => {
    const team = await orgWithTeam(t, { regionCode: "77" });
    expectProblem(await applyFor(team.memberC, team.org.id, "participant"), 403, "forbidden");
    expectProblem(await applyFor(stranger, team.org.id, "participant"), 404, "not-found");
    expectProblem(await applyFor(op, team.org.id, "participant"), 403, "forbidden");
    expectProblem(await applyFor(guest, team.org.id, "participant"), 401, "unauthorized");
    expect(await applicationsOf(team.org.id)).toHaveLength(0);
  });

  it("an application of another organization looks missing", async () => {
    const a = await orgWithTeam(t, { regionCode: "77" });
    const b = await orgWithTeam(t, { regionCode: "77" });
    const app = (await applyFor(a.ownerC, a.org.id, "participant")).json() as App;
    // b's owner names their own organization but a's application.
    expectProblem(
      await b.ownerC.post(`/api/organizations/${b.org.id}/status-applications/${app.id}/withdraw`),
      404,
    );
    expect((await applicationsOf(a.org.id))[0]!.state).toBe("pending");
  });

  it("only operators see the queue and decide; users get 403 and guests 401", async () => {
    const team = await orgWithTeam(t, { regionCode: "77" });
    const app = (await applyFor(team.ownerC, team.org.id, "participant")).json() as App;
    for (const c of [team.ownerC, stranger]) {
      expectProblem(await c.get("/api/operator/status-applications"), 403);
      expectProblem(await c.get(`/api/operator/status-applications/${app.id}`), 403);
      expectProblem(await decision(c, app.id, { decision: "approve", version: 1 }), 403);
      expectProblem(
        await c.post(`/api/operator/organizations/${team.org.id}/suspend`, { reason: "Причина" }),
        403,
      );
    }
    expectProblem(await guest.get("/api/operator/status-applications"), 401);
    expectProblem(await decision(guest, app.id, { decision: "approve", version: 1 }), 401);
    expectProblem(
      await guest.post(`/api/operator/organizations/${team.org.id}/revoke`, { reason: "Причина" }),
      401,
    );
    expect((await applicationsOf(team.org.id))[0]).toMatchObject({ state: "pending", version: 1 });
  });
});

describe("two operators deciding at once", () => {
  it("exactly one wins; the other gets 409 with the current state and who decided", async () => {
    for (let round = 0; round < 3; round++) {
      const team = await orgWithTeam(t, { regionCode: "77" });
      const app = (await applyFor(team.ownerC, team.org.id, "participant")).json() as App;
      const [a, b] = await Promise.all([
        decision(op, app.id, { decision: "approve", version: 1 }),
        decision(op2, app.id, { decision: "reject", comment: "Недостаточно сведений", version: 1 }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const [win, lose] = a.statusCode === 200 ? [a, b] : [b, a];
      const winner = win.json();
      const problem = expectProblem(lose, 409, "application-changed");
      const current = problem.current as { state: string; version: number; decidedBy: { id: string } };
      expect(current.state).toBe(winner.state);
      expect(current.version).toBe(2);
      expect(current.decidedBy.id).toBe(win === a ? operator.id : operator2.id);

      const rows = await applicationsOf(team.org.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ state: winner.state, version: 2 });
      const events = await t.database.db
        .select()
        .from(statusHistory)
        .where(eq(statusHistory.organizationId, team.org.id));
      expect(events.map((e) => e.event).sort()).toEqual(["submitted", winner.state].sort());
      expect(await auditCount("status_application.decide", app.id)).toBe(1);
      const [org] = await t.database.db.select().from(organizations).where(eq(organizations.id, team.org.id));
      expect(org!.status).toBe(winner.state === "approved" ? "participant" : "registered");
    }
  });
});

describe("suspend, resume, revoke", () => {
  it("suspend → resume → revoke, each in the timeline with its reason and told to the members", async () => {
    const team = await orgWithTeam(t, { regionCode: "77", shortName: "Бета Лаб" });
    const app = (await applyFor(team.ownerC, team.org.id, "participant")).json() as App;
    await decision(op, app.id, { decision: "approve", version: 1 });

    const why = "Не представлена отчётность за год";
    const s = await op.post(`/api/operator/organizations/${team.org.id}/suspend`, { reason: why });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ status: "participant", suspended: true, reason: why });
    const title = `Статус участника кластера организации «Бета Лаб» приостановлен: ${why}`;
    expect(await titles(team.memberC)).toContain(title);
    expect((await mailsTo(t.database, team.owner.email))[0]!.subject).toBe(title);
    expect(await auditCount("organization.status.suspend", team.org.id)).toBe(1);

    const twice = expectProblem(
      await op.post(`/api/operator/organizations/${team.org.id}/suspend`, { reason: why }),
      409,
      "status-transition",
    );
    expect(twice.detail).toBe("Статус организации уже приостановлен");

    const r = await op.post(`/api/operator/organizations/${team.org.id}/resume`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: "participant", suspended: false, reason: null });
    expect(await titles(team.ownerC)).toContain(
      "Статус участника кластера организации «Бета Лаб» возобновлён",
    );
    expect(
      expectProblem(
        await opEn.post(`/api/operator/organizations/${team.org.id}/resume`),
        409,
        "status-transition",
      ).detail,
    ).toBe("Only a suspended status can be resumed");

    const revokeWhy = "Организация прекратила деятельность в Москве";
    const v = await op.post(`/api/operator/organizations/${team.org.id}/revoke`, { reason: revokeWhy });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ status: "registered", suspended: false, reason: revokeWhy });
    expect((await mailsTo(t.database, team.member.email))[0]!.subject).toBe(
      `Статус участника кластера организации «Бета Лаб» отозван: ${revokeWhy}`,
    );
    expect((await mailsTo(t.database, team.admin.email))[0]!.subject).toBe(
      `The cluster participant status of Бета Лаб has been revoked: ${revokeWhy}`,
    );

    const view = await statusOf(team.memberC, team.org.id);
    expect(view.history.map((e: Event) => [e.event, e.fromStatus, e.toStatus, e.reason])).toEqual([
      ["revoked", "participant", "registered", revokeWhy],
      ["resumed", "participant", "participant", null],
      ["suspended", "participant", "participant", why],
      ["approved", "registered", "participant", null],
      ["submitted", "registered", "participant", null],
    ]);
    // Revoked: the organization may apply again.
    expect(view.options.participant.open).toBe(true);
  });

  it("a suspended status can be revoked; a registered organization cannot be suspended or revoked", async () => {
    const team = await orgWithTeam(t, { regionCode: "50", status: "partner" });
    await op.post(`/api/operator/organizations/${team.org.id}/suspend`, { reason: "Проверка сведений" });
    const v = await op.post(`/api/operator/organizations/${team.org.id}/revoke`, {
      reason: "Сведения не подтвердились",
    });
    expect(v.json()).toMatchObject({
      status: "registered",
      suspended: false,
      reason: "Сведения не подтвердились",
    });

    const plain = await createOrg(t.database, { regionCode: "77" });
    const s = expectProblem(
      await op.post(`/api/operator/organizations/${plain.id}/suspend`, { reason: "Причина" }),
      409,
      "status-transition",
    );
    expect(s.detail).toBe(
      "Приостановить можно только действующий статус участника или партнёра кластера; статус организации сейчас: «Зарегистрирована»",
    );
    const en = expectProblem(
      await opEn.post(`/api/operator/organizations/${plain.id}/revoke`, { reason: "Reason" }),
      409,
      "status-transition",
    );
    expect(en.detail).toBe(
      "Only a cluster participant or partner status can be revoked; the organization's status now: “Registered”",
    );
    expectProblem(await op.post(`/api/operator/organizations/${plain.id}/resume`), 409, "status-transition");
    const noReason = expectProblem(await op.post(`/api/operator/organizations/${plain.id}/suspend`, {}), 400);
    expect(fieldErrors(noReason)).toHaveProperty("reason");
    expectProblem(
      await op.post("/api/operator/organizations/00000000-0000-4000-8000-000000000000/suspend", {
        reason: "Причина",
      }),
      404,
    );
    const [row] = await t.database.db.select().from(organizations).where(eq(organizations.id, plain.id));
    expect(row).toMatchObject({ status: "registered", statusSuspendedAt: null, statusReason: null });
  });

  it("approval clears a suspension and its reason", async () => {
    const org = await createOrg(t.database, { regionCode: "77" });
    const owner = await createUser(t.database);
    await addMember(t.database, org.id, owner.id, "owner");
    const c = await signedIn(t, owner);
    const app = (await applyFor(c, org.id, "participant")).json() as App;
    await decision(op, app.id, { decision: "approve", version: 1 });
    await op.post(`/api/operator/organizations/${org.id}/suspend`, { reason: "Временная приостановка" });
    await op.post(`/api/operator/organizations/${org.id}/revoke`, { reason: "Отзыв статуса" });
    const again = (await applyFor(c, org.id, "participant")).json() as App;
    await decision(op, again.id, { decision: "approve", version: 1 });
    expect(await statusOf(c, org.id)).toMatchObject({
      status: "participant",
      suspended: false,
      reason: null,
    });
  });
});
