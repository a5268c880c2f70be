import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  canMovePilot,
  OPERATOR_QUEUE_STATES,
  PILOT_MOVE_NAMES,
  PILOT_MOVES,
  PILOT_STATES,
  type PilotMove,
  type PilotState,
} from "../../../shared/pilots.js";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, multipartFile, signedIn, testAppForFile } from "../../test/helpers.js";
import { challengeSubmissions, challenges } from "../challenges/challenges.schema.js";
import { notifications } from "../notifications/notifications.schema.js";
import { addMember, orgWithTeam } from "../organizations/organizations.fixtures.js";
import {
  applyBody,
  moveTo,
  ok,
  type PilotView,
  type Sides,
  type SiteView,
  siteBody,
} from "./pilots.fixtures.js";

const t = testAppForFile();
let op: Client;
let guest: Client;
let stranger: Client;
let expert: Client;
let expertEmail: string;
let city: Awaited<ReturnType<typeof orgWithTeam>>;
let company: Awaited<ReturnType<typeof orgWithTeam>>;
let other: Awaited<ReturnType<typeof orgWithTeam>>;
let s: Sides;
let siteId: string;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const upload = (c: Client, pilotId: string, kind: string, name = "Отчёт.pdf") => {
  const u = multipartFile(PDF, name, "application/pdf");
  return c.request(
    "POST",
    `/api/pilots/${pilotId}/${kind === "report" ? "reports" : "letter"}`,
    u.payload,
    u.headers,
  );
};

beforeAll(async () => {
  const [o, u, e] = await Promise.all([
    createUser(t.database, { role: "operator" }),
    createUser(t.database),
    createUser(t.database, { role: "expert" }),
  ]);
  [op, stranger, expert] = await Promise.all([signedIn(t, o), signedIn(t, u), signedIn(t, e)]);
  expertEmail = e.email;
  guest = new Client(t.app);
  city = await orgWithTeam(t, { type: "city_body", shortName: "ДЗМ-Тест" });
  company = await orgWithTeam(t, { shortName: "ООО «Очередь-Тест»" });
  other = await orgWithTeam(t, { shortName: "ООО «Сторонние»" });
  s = { company: company.memberC, owner: city.adminC, op, expert, expertEmail };
  siteId = (
    await ok<SiteView>(city.ownerC.post("/api/pilot-sites", siteBody(city.org.id, { capacity: 50 })), 201)
  ).id;
});

const applied = (o: Record<string, unknown> = {}, at = siteId) =>
  ok<PilotView>(company.memberC.post(`/api/pilot-sites/${at}/pilots`, applyBody(company.org.id, o)), 201);

describe("sites", () => {
  it("the owner or admin and operators add and edit a site; a plain member, a stranger cannot (404); stale edits 409", async () => {
    const site = await ok<SiteView>(op.post("/api/pilot-sites", siteBody(city.org.id)), 201);
    expect(site).toMatchObject({ capacity: 2, busy: 0, version: 1, manage: true });
    expectProblem(await city.memberC.post("/api/pilot-sites", siteBody(city.org.id)), 404);
    expectProblem(await stranger.post("/api/pilot-sites", siteBody(city.org.id)), 404);
    expectProblem(await guest.post("/api/pilot-sites", siteBody(city.org.id)), 401);
    const { organizationId: _o, ...content } = siteBody(city.org.id);
    const edited = await ok<SiteView>(
      city.adminC.put(`/api/pilot-sites/${site.id}`, { ...content, capacity: 3, version: 1 }),
    );
    expect(edited).toMatchObject({ capacity: 3, version: 2 });
    const stale = expectProblem(
      await city.ownerC.put(`/api/pilot-sites/${site.id}`, { ...content, capacity: 4, version: 1 }),
      409,
      "pilot-site-changed",
    );
    expect((stale as unknown as { current: SiteView }).current.capacity).toBe(3);
    expectProblem(await city.memberC.put(`/api/pilot-sites/${site.id}`, { ...content, version: 2 }), 404);
  });

  it("checks a district within its okrug, an address or a region, a paid site's price", async () => {
    const res = await city.ownerC.post(
      "/api/pilot-sites",
      siteBody(city.org.id, { okrug: "cao", district: "shchukino", paid: true, address: null }),
    );
    expect(fieldErrors(expectProblem(res, 400, "validation"))).toEqual({
      district: "Выберите район из указанного округа",
      address: "Укажите адрес или регион",
      price: "Укажите стоимость для платной площадки",
    });
  });

  it("the public catalog filters by type, okrug, free or paid and Russian full text", async () => {
    await ok(
      city.ownerC.post(
        "/api/pilot-sites",
        siteBody(city.org.id, {
          name: "Школа № 1535: кабинеты физики",
          type: "school",
          okrug: "cao",
          district: "khamovniki",
          testable: "Цифровые лаборатории и интерактивные панели для уроков физики",
          paid: true,
          price: 150_000,
        }),
      ),
      201,
    );
    type Page = { items: { name: string; type: string; paid: boolean }[]; total: number };
    const schools = await ok<Page>(guest.get("/api/pilot-sites?type=school"));
    expect(schools.items.map((i) => i.name)).toEqual(["Школа № 1535: кабинеты физики"]);
    expect(
      (await ok<Page>(guest.get("/api/pilot-sites?okrug=szao"))).items.every((i) => i.type === "hospital"),
    ).toBe(true);
    expect((await ok<Page>(guest.get("/api/pilot-sites?price=paid"))).total).toBe(1);
    const text = await ok<Page>(guest.get(`/api/pilot-sites?q=${encodeURIComponent("лаборатории физика")}`));
    expect(text.items.map((i) => i.name)).toEqual(["Школа № 1535: кабинеты физики"]);
    const paged = await ok<Page>(guest.get("/api/pilot-sites?pageSize=1&page=2"));
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(3);
    // A page past the end still tells how many there are.
    const beyond = await ok<Page>(guest.get("/api/pilot-sites?pageSize=1&page=50"));
    expect(beyond.items).toHaveLength(0);
    expect(beyond.total).toBe(paged.total);
  });
});

describe("a pilot from application to result", () => {
  it("applied → expert assigned → scored → agreed → running with milestones and reports → completed with the letter; the other side is told, every move audited", async () => {
    let p = await applied();
    expect(p).toMatchObject({ state: "submitted", me: { sides: ["company"], moves: ["withdraw"] } });
    p = await moveTo(s, p, "innovation_review");
    expect(p.expert).not.toBeNull();
    p = await moveTo(s, p, "site_review");
    expect(p.innovation).toMatchObject({ score: 7.5 });
    // The site owner's plain member reads it but does not decide.
    const seen = await ok<PilotView>(city.memberC.get(`/api/pilots/${p.id}`));
    expect(seen.me).toEqual({ sides: ["owner"], moves: [] });
    expectProblem(
      await city.memberC.post(`/api/pilots/${p.id}/agree`, {
        dateFrom: "2026-04-01",
        dateTo: "2026-03-01",
        conditions: "x",
        version: p.version,
      }),
      400,
    );
    expectProblem(
      await company.ownerC.post(`/api/pilots/${p.id}/agree`, {
        dateFrom: "2026-04-01",
        dateTo: "2026-05-01",
        conditions: "Ночью",
        version: p.version,
      }),
      403,
    );
    p = await moveTo(s, p, "running");
    expect(p.agreed).toMatchObject({ dateFrom: "2026-04-01", conditions: "Ночные смены" });
    p = await ok<PilotView>(
      company.memberC.post(`/api/pilots/${p.id}/milestones`, {
        title: "Камеры установлены",
        due: "2026-04-15",
      }),
      201,
    );
    const m = p.milestones[0]!;
    p = await ok<PilotView>(city.adminC.put(`/api/pilots/${p.id}/milestones/${m.id}`, { done: true }));
    expect(p.milestones[0]).toMatchObject({ title: "Камеры установлены", done: true });
    p = await ok<PilotView>(upload(company.memberC, p.id, "report"), 201);
    expectProblem(await upload(company.memberC, p.id, "letter"), 403);
    expectProblem(await upload(stranger, p.id, "report"), 404);
    p = await moveTo(s, p, "completed");
    expect(p.result).toEqual({
      success: true,
      measuredEffect: "Ожидание сократилось на 23%",
      completedAt: expect.any(String),
    });
    p = await ok<PilotView>(upload(city.adminC, p.id, "letter", "Отзыв ДЗМ.pdf"), 201);
    expectProblem(await upload(company.memberC, p.id, "report"), 409, "pilot-transition");
    expect(p.files.map((f) => f.kind)).toEqual(["report", "letter"]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "pilot.apply",
        "pilot.assign",
        "pilot.score",
        "pilot.agree",
        "pilot.start",
        "pilot.complete",
        "pilot.milestone_add",
        "pilot.file_report",
        "pilot.file_letter",
      ]),
    );
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, company.member.id), eq(notifications.kind, "pilots.moved")));
    expect(told.length).toBeGreaterThanOrEqual(5);
    const assigned = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "pilots.assigned"));
    expect(assigned.length).toBeGreaterThanOrEqual(1);
  });

  it("the operators are told of a new application and find it in their queue, oldest first, until they act on it", async () => {
    const opNotices = async () =>
      (
        await ok<{ items: { title: string; link: string | null }[] }>(
          op.get("/api/notifications?pageSize=100"),
        )
      ).items;
    const before = (await opNotices()).length;
    const plain = await applied();
    const assisted = await applied({ operatorAssisted: true });
    const told = await opNotices();
    expect(told.length - before).toBe(2);
    expect(told.find((n) => n.link === `/pilots/${plain.id}`)?.title).toBe(
      "Новая заявка на пилот на площадке «ГКБ № 52: приёмное отделение» ждёт назначения эксперта",
    );
    expect(told.find((n) => n.link === `/pilots/${assisted.id}`)?.title).toBe(
      "Новая заявка на пилот с сопровождением оператора на площадке «ГКБ № 52: приёмное отделение»",
    );
    // the company's member who applied is not an operator: nothing of the kind for him
    const companyTold = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, company.member.id), eq(notifications.kind, "pilots.awaiting")));
    expect(companyTold).toEqual([]);

    // the queue's states are those the operator's moves start from
    const operatorFrom = PILOT_MOVE_NAMES.filter((m) => PILOT_MOVES[m].by === "operator").flatMap(
      (m) => PILOT_MOVES[m].from,
    );
    expect(new Set(OPERATOR_QUEUE_STATES)).toEqual(new Set(operatorFrom));
    type Queue = { items: { id: string; state: string; operatorAssisted: boolean }[]; total: number };
    const queue = () => ok<Queue>(op.get("/api/operator/pilots?pageSize=100"));
    let q = await queue();
    const ids = q.items.map((i) => i.id);
    expect(ids.indexOf(plain.id)).toBeLessThan(ids.indexOf(assisted.id));
    expect(q.items.find((i) => i.id === assisted.id)).toMatchObject({ operatorAssisted: true });
    for (const i of q.items) expect(OPERATOR_QUEUE_STATES).toContain(i.state);
    // taken by the operator it still waits for him (an expert to assign); assigned, it leaves the queue
    const taken = await moveTo(s, assisted, "operator_review");
    q = await queue();
    expect(q.items.find((i) => i.id === assisted.id)?.state).toBe("operator_review");
    await moveTo(s, plain, "innovation_review");
    await moveTo(s, taken, "innovation_review");
    q = await queue();
    expect(q.items.map((i) => i.id)).not.toContain(plain.id);
    expect(q.items.map((i) => i.id)).not.toContain(assisted.id);
    // the queue is the operators'
    expectProblem(await company.memberC.get("/api/operator/pilots"), 403);
    expectProblem(await expert.get("/api/operator/pilots"), 403);
    expectProblem(await guest.get("/api/operator/pilots"), 401);
  });

  it("an operator-assisted application goes to the operator first; a review step rejects with a reason", async () => {
    let p = await applied({ operatorAssisted: true });
    expectProblem(
      await op.post(`/api/pilots/${p.id}/assign`, { expertEmail, version: p.version }),
      409,
      "pilot-transition",
    );
    p = await moveTo(s, p, "operator_review");
    expect((await ok<PilotView>(company.memberC.get(`/api/pilots/${p.id}`))).me.moves).toEqual(["withdraw"]);
    const opView = await ok<PilotView>(op.get(`/api/pilots/${p.id}`));
    expect(opView.me.moves).toEqual(["assign", "reject"]);
    p = await ok<PilotView>(
      op.post(`/api/pilots/${p.id}/reject`, { reason: "Решение не подходит площадке", version: p.version }),
    );
    expect(p).toMatchObject({
      state: "rejected",
      rejectedAt: "operator_review",
      rejectReason: "Решение не подходит площадке",
    });
  });

  it("every move the table does not allow from a state is refused with 409 and changes nothing", async () => {
    const at = new Map<PilotState, PilotView>();
    for (const state of PILOT_STATES)
      at.set(state, await moveTo(s, await applied({ operatorAssisted: state === "operator_review" }), state));
    const bodies: Record<PilotMove, [Client, Record<string, unknown>]> = {
      triage: [op, {}],
      assign: [op, { expertEmail }],
      score: [expert, { novelty: 1, readiness: 1, effect: 1, feasibility: 1, comment: "Оценка" }],
      agree: [city.adminC, { dateFrom: "2026-04-01", dateTo: "2026-05-01", conditions: "Днём" }],
      start: [city.adminC, {}],
      complete: [city.adminC, { success: false, measuredEffect: "Нет" }],
      reject: [op, { reason: "Причина" }],
      withdraw: [company.memberC, {}],
    };
    let refused = 0;
    for (const [state, p] of at)
      for (const move of PILOT_MOVE_NAMES) {
        if (canMovePilot(move, state, p.operatorAssisted)) continue;
        const [c, body] = bodies[move];
        const res = await c.post(`/api/pilots/${p.id}/${move}`, { ...body, version: p.version });
        // A pilot the actor has no side of (the expert of a pilot never assigned to him) is 404.
        if (res.statusCode === 404) expect(move === "score" && !p.expert).toBe(true);
        else expectProblem(res, 409, "pilot-transition");
        refused++;
      }
    expect(refused).toBeGreaterThan(40);
    for (const [state, p] of at)
      expect((await ok<PilotView>(op.get(`/api/pilots/${p.id}`))).state).toBe(state);
  });

  it("a stale version is 409 with the pilot as it is now; of two concurrent decisions one wins", async () => {
    const p = await moveTo(s, await applied(), "site_review");
    const agree = (c: Client) =>
      c.post(`/api/pilots/${p.id}/agree`, {
        dateFrom: "2026-04-01",
        dateTo: "2026-05-01",
        conditions: "Днём",
        version: p.version,
      });
    const reject = city.ownerC.post(`/api/pilots/${p.id}/reject`, { reason: "Нет мест", version: p.version });
    const res = await Promise.all([agree(city.adminC), reject]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const lost = expectProblem(res.find((r) => r.statusCode === 409)!, 409, "pilot-changed");
    expect((lost as unknown as { current: PilotView }).current.state).toMatch(/agreed|rejected/);
  });
});

describe("capacity and conflict of interest", () => {
  it("agreeing more pilots than the site's capacity is refused with a clear message", async () => {
    const small = await ok<SiteView>(
      city.ownerC.post("/api/pilot-sites", siteBody(city.org.id, { capacity: 1 })),
      201,
    );
    const a = await moveTo(s, await applied({}, small.id), "site_review");
    const b = await moveTo(s, await applied({}, small.id), "site_review");
    await moveTo(s, a, "running");
    const full = expectProblem(
      await city.adminC.post(`/api/pilots/${b.id}/agree`, {
        dateFrom: "2026-04-01",
        dateTo: "2026-05-01",
        conditions: "Днём",
        version: b.version,
      }),
      409,
      "pilot-capacity",
    );
    expect(full.detail).toMatch(/Every place of the site is taken: it runs at most 1/);
    expect((await ok<SiteView>(guest.get(`/api/pilot-sites/${small.id}`))).busy).toBe(1);
  });

  it("an expert of the applying organization cannot be assigned", async () => {
    const insider = await createUser(t.database, { role: "expert" });
    await addMember(t.database, company.org.id, insider.id, "member");
    const p = await applied();
    expectProblem(
      await op.post(`/api/pilots/${p.id}/assign`, { expertEmail: insider.email, version: p.version }),
      409,
      "pilot-conflict-of-interest",
    );
    const plain = await op.post(`/api/pilots/${p.id}/assign`, {
      expertEmail: city.owner.email,
      version: p.version,
    });
    expect(fieldErrors(expectProblem(plain, 400)).expertEmail).toBeTruthy();
  });
});

describe("who sees a pilot", () => {
  it("the company, the site owner, the assigned expert and operators; anybody else 404", async () => {
    const p = await moveTo(s, await applied(), "innovation_review");
    for (const c of [company.memberC, city.memberC, expert, op]) await ok(c.get(`/api/pilots/${p.id}`));
    const outsider = await signedIn(t, await createUser(t.database, { role: "expert" }));
    for (const c of [stranger, other.ownerC, outsider])
      expectProblem(await c.get(`/api/pilots/${p.id}`), 404);
    expectProblem(await guest.get(`/api/pilots/${p.id}`), 401);
    expectProblem(await stranger.post(`/api/pilots/${p.id}/withdraw`, { version: p.version }), 404);
    type Page = { items: { id: string }[] };
    expect((await ok<Page>(other.ownerC.get("/api/pilots"))).items).toEqual([]);
    expect((await ok<Page>(expert.get("/api/pilots"))).items.map((i) => i.id)).toContain(p.id);
    expect((await ok<Page>(city.memberC.get("/api/pilots"))).items.map((i) => i.id)).toContain(p.id);
  });

  it("public pages show completed results only with the company's consent; the letter with them", async () => {
    const site = await ok<SiteView>(city.ownerC.post("/api/pilot-sites", siteBody(city.org.id)), 201);
    const shown = await moveTo(s, await applied({ publishResult: true }, site.id), "completed");
    const hidden = await moveTo(s, await applied({ publishResult: false }, site.id), "completed");
    const withLetter = await ok<PilotView>(upload(city.adminC, hidden.id, "letter"), 201);
    await ok(upload(city.adminC, shown.id, "letter"), 201);
    const page = await ok<SiteView>(guest.get(`/api/pilot-sites/${site.id}`));
    expect(page.completed.map((c) => c.id)).toEqual([shown.id]);
    expect((await guest.get(page.completed[0]!.letterUrl!)).statusCode).toBe(200);
    expectProblem(await guest.get(withLetter.files[0]!.url), 404);
    const failed = await moveTo(s, await applied({ publishResult: true }, site.id), "running");
    await ok(
      city.adminC.post(`/api/pilots/${failed.id}/complete`, {
        success: false,
        measuredEffect: "Эффекта нет",
        version: failed.version,
      }),
    );
    const orgPage = await ok<{ items: { id: string; dateFrom: string; dateTo: string }[] }>(
      guest.get(`/api/organizations/${company.org.id}/pilots`),
    );
    expect(orgPage.items.map((i) => i.id)).toContain(shown.id);
    expect(orgPage.items.find((i) => i.id === shown.id)).toMatchObject({
      dateFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      dateTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(orgPage.items.map((i) => i.id)).not.toContain(hidden.id);
    expect(orgPage.items.map((i) => i.id)).not.toContain(failed.id);
  });
});

describe("a challenge winner's pilot", () => {
  it("the challenge's owner starts it at a site's review; once per submission; only a winner", async () => {
    const [c] = await t.database.db
      .insert(challenges)
      .values({
        organizationId: city.org.id,
        state: "results",
        titleRu: "Очереди в приёмных отделениях",
        problemRu: "Пациенты ждут сортировки слишком долго, нужна автоматизация",
        expectedResultRu: "Пилот в одной больнице",
        rewardType: "paid_pilot",
        rewardAmount: 1_000_000,
        deadline: new Date("2026-01-01T00:00:00Z"),
        criteria: [{ name: "Эффект", description: "", weight: 100 }],
      })
      .returning();
    const sub = (decision: "winner" | "reserve", organizationId: string) =>
      t.database.db
        .insert(challengeSubmissions)
        .values({
          challengeId: c!.id,
          organizationId,
          solution: "Компьютерное зрение для очередей в приёмном отделении больницы",
          trl: 7,
          ipStatus: "patented",
          pilotPlan: "Три месяца",
          decision,
        })
        .returning()
        .then((r) => r[0]!);
    const [won, reserve] = await Promise.all([sub("winner", company.org.id), sub("reserve", other.org.id)]);
    const body = (submissionId: string) => ({
      challengeId: c!.id,
      submissionId,
      siteId,
      expectedEffect: "Ожидание сократится на 20%",
      team: "Пять инженеров",
      needs: "Две камеры",
      dateFrom: "2026-05-01",
      dateTo: "2026-10-31",
      publishResult: true,
    });
    expectProblem(await company.ownerC.post("/api/pilot-winners", body(won.id)), 404);
    expectProblem(await city.ownerC.post("/api/pilot-winners", body(reserve.id)), 409, "pilot-not-winner");
    const p = await ok<PilotView>(city.ownerC.post("/api/pilot-winners", body(won.id)), 201);
    expect(p).toMatchObject({ state: "site_review", challengeSubmissionId: won.id });
    // the owner's evaluation page finds the winner's pilot; nobody else reads the list
    const started = `/api/pilot-winners?challengeId=${c!.id}`;
    expect(await ok(city.ownerC.get(started))).toEqual({
      items: [
        {
          submissionId: won.id,
          pilot: { id: p.id, state: "site_review", site: expect.objectContaining({ id: siteId }) },
        },
      ],
    });
    expectProblem(await company.ownerC.get(started), 404);
    expectProblem(await guest.get(started), 401);
    const seen = await ok<PilotView>(company.memberC.get(`/api/pilots/${p.id}`));
    expect(seen.me.sides).toEqual(["company"]);
    expectProblem(await city.ownerC.post("/api/pilot-winners", body(won.id)), 409, "pilot-winner-started");
  });
});
