// The operator's desk (GET /api/desk): who may open it, each queue's count and longest-waiting item,
// and the day's decisions (everyone's and the operator's own).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, signedIn, TEST_PASSWORD, type TestApp, testApp } from "../../test/helpers.js";
import { backdate, orgWithTeam } from "../organizations/organizations.fixtures.js";

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
});
