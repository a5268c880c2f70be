// The operator's desk (GET /api/desk): who may open it, each queue's count and longest-waiting item,
// and the day's decisions (everyone's and the operator's own).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, signedIn, TEST_PASSWORD, type TestApp, testApp } from "../../test/helpers.js";
import { type ChallengeView, openChallenge } from "../challenges/challenges.fixtures.js";
import { backdate, orgWithTeam } from "../organizations/organizations.fixtures.js";
import { applyBody, moveTo, ok, type PilotView, type SiteView, siteBody } from "../pilots/pilots.fixtures.js";

let t: TestApp;
let op: Client;
let op2: Client;
let admin: Client;
let operatorId: string;

beforeAll(async () => {
  t = await testApp();
  const [o1, o2, a] = await Promise.all([
    createUser(t.database, { role: "operator", fullName: "Операторова Мария Сергеевна" }),
    createUser(t.database, { role: "operator" }),
    createUser(t.database, { role: "admin" }),
  ]);
  operatorId = o1.id;
  [op, op2, admin] = await Promise.all([signedIn(t, o1), signedIn(t, o2), signedIn(t, a)]);
});
afterAll(() => t.close());

type Queue = { key: string; count: number; capped: boolean; oldest: { id: string; title: string } | null };
const deskOf = async (c: Client) => {
  const res = await c.get("/api/desk");
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const queueOf = (body: { queues: Queue[] }, key: string) => body.queues.find((q) => q.key === key);

describe("GET /api/desk", () => {
  it("is for operators and admins: a guest is asked to sign in, a member and an expert are refused", async () => {
    expectProblem(await new Client(t.app).get("/api/desk"), 401);
    const user = await signedIn(t, await createUser(t.database));
    const expert = await signedIn(t, await createUser(t.database, { role: "expert" }));
    expectProblem(await user.get("/api/desk"), 403);
    expectProblem(await expert.get("/api/desk"), 403);
    const body = await deskOf(admin);
    expect(body.queues.map((q: Queue) => q.key)).toEqual([
      "status",
      "verification",
      "names",
      "erasures",
      "listings",
      "challenges",
      "pilots",
      "kpi",
    ]);
  });

  it("an empty desk: every queue at zero, nothing decided today", async () => {
    const body = await deskOf(op);
    for (const q of body.queues) expect(q).toMatchObject({ count: 0, capped: false, oldest: null });
    expect(body.today).toMatchObject({ total: 0, mine: 0, byQueue: [], latest: [] });
    expect(body.today.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("counts the pending applications, names the one waiting longest, and records today's decisions", async () => {
    const a = await orgWithTeam(t, { shortName: "Первая в очереди" });
    const b = await orgWithTeam(t, { shortName: "Вторая в очереди" });
    const apply = async (team: typeof a) => {
      const res = await team.ownerC.post(`/api/organizations/${team.org.id}/status-applications`, {
        requestedStatus: "participant",
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const first = await apply(a);
    const second = await apply(b);
    await backdate(t.database, first, 6);
    await backdate(t.database, second, 2);
    // someone asks for the erasure of their account
    const leaving = await createUser(t.database);
    const leavingC = await signedIn(t, leaving);
    expect((await leavingC.post("/api/privacy/erasure", { password: TEST_PASSWORD })).statusCode).toBe(202);

    let body = await deskOf(op);
    expect(queueOf(body, "status")).toMatchObject({
      count: 2,
      oldest: { id: first, title: "Первая в очереди" },
    });
    expect(queueOf(body, "erasures")).toMatchObject({ count: 1, oldest: { dueAt: expect.any(String) } });

    const decided = await op.post(`/api/operator/status-applications/${first}/decision`, {
      decision: "approve",
      version: 1,
    });
    expect(decided.statusCode, decided.body).toBe(200);

    body = await deskOf(op);
    expect(queueOf(body, "status")).toMatchObject({ count: 1, oldest: { id: second } });
    expect(body.today).toMatchObject({
      total: 1,
      mine: 1,
      byQueue: [{ queue: "status", total: 1, mine: 1 }],
    });
    expect(body.today.latest).toEqual([
      expect.objectContaining({
        queue: "status",
        outcome: "approve",
        entityId: first,
        actor: { id: operatorId, fullName: "Операторова Мария Сергеевна" },
      }),
    ]);
    // Another operator sees the same day, none of it theirs.
    expect((await deskOf(op2)).today).toMatchObject({ total: 1, mine: 0 });
  });

  it("challenges on moderation and pilot applications waiting for the operator: counted, the oldest named, the operator's decisions of the day", async () => {
    const corp = await orgWithTeam(t, { shortName: "ПАО «Запрос-Тест»" });
    const first = await openChallenge(
      corp.ownerC,
      op,
      corp.org.id,
      { titleRu: "Первый запрос" },
      "moderation",
    );
    await openChallenge(corp.ownerC, op, corp.org.id, { titleRu: "Второй запрос" }, "moderation");

    const city = await orgWithTeam(t, { type: "city_body", shortName: "ДЗМ-Стол" });
    const company = await orgWithTeam(t, { shortName: "ООО «Пилот-Стол»" });
    const expert = await createUser(t.database, { role: "expert" });
    const s = {
      company: company.memberC,
      owner: city.adminC,
      op,
      expert: await signedIn(t, expert),
      expertEmail: expert.email,
    };
    const site = await ok<SiteView>(
      city.ownerC.post("/api/pilot-sites", siteBody(city.org.id, { name: "Поликлиника № 1", capacity: 10 })),
      201,
    );
    const apply = (o: Record<string, unknown> = {}) =>
      ok<PilotView>(
        company.memberC.post(`/api/pilot-sites/${site.id}/pilots`, applyBody(company.org.id, o)),
        201,
      );
    const plain = await apply();
    const assisted = await apply({ operatorAssisted: true });
    const owners = await apply();

    let body = await deskOf(op);
    const before = body.today;
    expect(queueOf(body, "challenges")).toMatchObject({
      count: 2,
      oldest: { id: first.id, title: "Первый запрос" },
    });
    expect(queueOf(body, "pilots")).toMatchObject({
      count: 3,
      oldest: { id: plain.id, title: "ООО «Пилот-Стол» → Поликлиника № 1" },
    });

    // the operator approves a challenge, takes the assisted application and rejects it, assigns an expert
    await ok<ChallengeView>(
      op.post(`/api/operator/challenges/${first.id}/decision`, {
        decision: "approve",
        version: first.version,
      }),
    );
    const taken = await moveTo(s, assisted, "operator_review");
    await ok<PilotView>(
      op.post(`/api/pilots/${assisted.id}/reject`, {
        reason: "Решение не подходит площадке",
        version: taken.version,
      }),
    );
    await moveTo(s, plain, "innovation_review");
    // the site owner's rejection is not the operator's decision
    const reviewed = await moveTo(s, owners, "site_review");
    await ok<PilotView>(
      city.adminC.post(`/api/pilots/${owners.id}/reject`, {
        reason: "Нет помещений",
        version: reviewed.version,
      }),
    );

    body = await deskOf(op);
    expect(queueOf(body, "challenges")).toMatchObject({ count: 1, oldest: { title: "Второй запрос" } });
    expect(queueOf(body, "pilots")).toMatchObject({ count: 0, oldest: null });
    const byQueue = (key: string) => body.today.byQueue.find((q: { queue: string }) => q.queue === key);
    expect(byQueue("challenges")).toEqual({ queue: "challenges", total: 1, mine: 1 });
    // assign twice (the plain and the owner's), triage, reject — the owner's rejection left out
    expect(byQueue("pilots")).toEqual({ queue: "pilots", total: 4, mine: 4 });
    expect(body.today.total - before.total).toBe(5);
    const latest = body.today.latest.map((d: { queue: string; outcome: string; entityId: string }) => [
      d.queue,
      d.outcome,
      d.entityId,
    ]);
    expect(latest).toEqual(
      expect.arrayContaining([
        ["challenges", "approve", first.id],
        ["pilots", "triage", assisted.id],
        ["pilots", "reject", assisted.id],
        ["pilots", "assign", plain.id],
      ]),
    );
    expect(latest).not.toContainEqual(["pilots", "reject", owners.id]);
  });
});
