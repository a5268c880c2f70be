import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors, signupBody } from "../../test/assert.js";
import { Client, createUser, signedIn, type TestApp, testApp, tokenFromMail } from "../../test/helpers.js";
import { users } from "../accounts/accounts.schema.js";

type Entry = {
  id: number;
  at: string;
  actor: { id: string; email: string; fullName: string } | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};
type AuditPage = { items: Entry[]; total: number; page: number; pageSize: number };

let t: TestApp;
let admin: Awaited<ReturnType<typeof createUser>>;
let adminClient: Client;
let operatorClient: Client;
const NEWCOMER = "newcomer@audit.example";
const NEWCOMER_PASSWORD = "Kosmonavt-Gagarin-61";
let newcomerId: string;
let confirmToken: string;

beforeAll(async () => {
  t = await testApp();
  admin = await createUser(t.database, {
    role: "admin",
    email: "root-admin@audit.example",
    fullName: "Админ Аудитов",
  });
  adminClient = await signedIn(t, admin);
  operatorClient = await signedIn(
    t,
    await createUser(t.database, { role: "operator", email: "op@audit.example" }),
  );

  // Activity to audit: a sign-up with confirmation, a role change, a block.
  const c = new Client(t.app);
  expect(
    (await c.post("/api/auth/signup", signupBody(NEWCOMER, { password: NEWCOMER_PASSWORD }))).statusCode,
  ).toBe(201);
  confirmToken = await tokenFromMail(t.database, NEWCOMER, "/confirm");
  expect(
    (await c.post("/api/auth/confirm", { token: confirmToken, password: NEWCOMER_PASSWORD })).statusCode,
  ).toBe(200);
  newcomerId = (await t.database.db.select().from(users).where(eq(users.email, NEWCOMER)))[0]!.id;
  expect((await adminClient.patch(`/api/admin/users/${newcomerId}`, { role: "expert" })).statusCode).toBe(
    200,
  );
  expect(
    (await adminClient.post(`/api/admin/users/${newcomerId}/block`, { reason: "проверка аудита" }))
      .statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

async function audit(c: Client, query = ""): Promise<AuditPage> {
  const res = await c.get(`/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AuditPage;
}

async function allEntries(): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let page = 1; ; page++) {
    const r = await audit(adminClient, `pageSize=100&page=${page}`);
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) return out;
  }
}

function keysDeep(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) keysDeep(x, out);
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      keysDeep(x, out);
    }
  }
  return out;
}

describe("what the audit log records", () => {
  it("records the sign-up with the new user as actor and the consent, without the password", async () => {
    const [e] = (await audit(adminClient, "action=user.signup")).items.filter(
      (x) => x.entityId === newcomerId,
    );
    expect(e).toBeDefined();
    expect(e!.entity).toBe("user");
    expect(e!.actor).toEqual({ id: newcomerId, email: NEWCOMER, fullName: "Смирнова Ольга Андреевна" });
    expect(e!.before).toBeNull();
    expect(e!.after).toMatchObject({
      id: newcomerId,
      email: NEWCOMER,
      role: "user",
      consent: { kind: "personal_data" },
    });
    expect(e!.ip).toMatch(/^10\./);
  });

  it("records the role change with before and after by the admin", async () => {
    const r = await audit(adminClient, "action=user.set_role");
    const e = r.items.find((x) => x.entityId === newcomerId)!;
    expect(e.actor?.email).toBe(admin.email);
    expect(e.entity).toBe("user");
    expect(e.before).toMatchObject({ role: "user", blocked: false });
    expect(e.after).toMatchObject({ role: "expert", blocked: false });
    expect(e.ip).toBe(adminClient.ip);
  });

  it("records the block with the reason", async () => {
    const e = (await audit(adminClient, "action=user.block")).items.find((x) => x.entityId === newcomerId)!;
    expect(e.actor?.id).toBe(admin.id);
    expect(e.before).toMatchObject({ blocked: false, blockedReason: null });
    expect(e.after).toMatchObject({ role: "expert", blocked: true, blockedReason: "проверка аудита" });
  });

  it("never holds a password, token or hash", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    await c.post("/api/me/password", {
      currentPassword: "Correct-Horse-42",
      newPassword: "Second-Secret-88",
    });
    await new Client(t.app).post("/api/auth/password-reset", { email: u.email });
    const resetToken = await tokenFromMail(t.database, u.email, "/reset");
    await new Client(t.app).post("/api/auth/password-reset/confirm", {
      token: resetToken,
      password: "Third-Secret-99",
    });

    const entries = await allEntries();
    const actions = new Set(entries.map((e) => e.action));
    for (const a of [
      "user.signup",
      "user.confirm_email",
      "session.signin",
      "user.password_change",
      "user.password_reset",
    ]) {
      expect(actions).toContain(a);
    }
    const keys = entries.flatMap((e) => [...keysDeep(e.before), ...keysDeep(e.after)]);
    expect(keys.filter((k) => /password|token|hash|secret/i.test(k))).toEqual([]);

    const text = JSON.stringify(entries);
    const hashes = (await t.database.db.select({ h: users.passwordHash }).from(users)).map((r) => r.h);
    for (const secret of [
      NEWCOMER_PASSWORD,
      "Second-Secret-88",
      "Third-Secret-99",
      confirmToken,
      resetToken,
      ...hashes,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain("$argon2");
  });

  it("records nothing for a refused change", async () => {
    const [{ n: before } = { n: -1 }] = await t.database.rawQuery<{ n: number }>(
      "select count(*)::int as n from audit_log",
    );
    await adminClient.patch(`/api/admin/users/${newcomerId}`, { role: "tsar" });
    await adminClient.patch(`/api/admin/users/${admin.id}`, { role: "user" });
    const [{ n: after } = { n: -2 }] = await t.database.rawQuery<{ n: number }>(
      "select count(*)::int as n from audit_log",
    );
    expect(after).toBe(before);
  });
});

describe("who may read the audit log", () => {
  it("admin and operator may", async () => {
    expect((await audit(adminClient)).total).toBeGreaterThan(0);
    expect((await audit(operatorClient)).total).toBeGreaterThan(0);
  });

  it("a user and an expert get 403, a guest 401", async () => {
    for (const role of ["user", "expert"] as const) {
      const c = await signedIn(t, await createUser(t.database, { role }));
      expectProblem(await c.get("/api/audit"), 403, "forbidden");
    }
    expectProblem(await new Client(t.app).get("/api/audit"), 401, "unauthorized");
    expectProblem(await new Client(t.app, "en").get("/api/audit?action=user.block"), 401, "unauthorized");
  });
});

describe("filters and pages", () => {
  it("filters by actor e-mail substring", async () => {
    const r = await audit(operatorClient, "actor=ROOT-ADMIN@audit&pageSize=100");
    expect(r.items.length).toBeGreaterThanOrEqual(3);
    expect(r.items.every((e) => e.actor?.id === admin.id)).toBe(true);
    expect(r.total).toBe(r.items.length);
    expect((await audit(operatorClient, "actor=nobody-like-this")).total).toBe(0);
  });

  it("filters by entity and action", async () => {
    const sessions = await audit(operatorClient, "entity=session&pageSize=100");
    expect(sessions.items.length).toBeGreaterThan(0);
    expect(sessions.items.every((e) => e.entity === "session")).toBe(true);
    const blocks = await audit(operatorClient, "action=user.block");
    expect(blocks.items.map((e) => e.action)).toEqual(["user.block"]);
    expect(blocks.total).toBe(1);
    expect((await audit(operatorClient, "entity=user&action=session.signin")).total).toBe(0);
  });

  it("filters by whole UTC days with from and to, both included", async () => {
    const at = (iso: string) => ({ at: new Date(iso), action: "test.dated", entity: "test", entityId: iso });
    await t.database.db
      .insert(auditLog)
      .values([
        at("2020-03-14T12:00:00Z"),
        at("2020-03-15T00:00:00Z"),
        at("2020-03-15T23:59:59Z"),
        at("2020-03-16T00:00:00Z"),
        at("2020-03-16T02:30:00Z"),
      ]);
    const ids = async (q: string) =>
      (await audit(operatorClient, `action=test.dated&${q}`)).items.map((e) => e.entityId);
    expect(await ids("from=2020-03-15&to=2020-03-15")).toEqual([
      "2020-03-15T23:59:59Z",
      "2020-03-15T00:00:00Z",
    ]);
    expect(await ids("from=2020-03-16")).toEqual(["2020-03-16T02:30:00Z", "2020-03-16T00:00:00Z"]);
    expect(await ids("to=2020-03-14")).toEqual(["2020-03-14T12:00:00Z"]);
    expect(await ids("from=2020-03-17")).toEqual([]);
    // The day of an entry written by the API finds it.
    const block = (await audit(operatorClient, "action=user.block")).items[0]!;
    const day = block.at.slice(0, 10);
    expect(
      (await audit(operatorClient, `from=${day}&to=${day}&action=user.block`)).items.map((e) => e.id),
    ).toEqual([block.id]);
  });

  it("pages newest first with total, page and pageSize", async () => {
    const all = await audit(operatorClient, "pageSize=100");
    const p1 = await audit(operatorClient, "pageSize=3");
    const p2 = await audit(operatorClient, "pageSize=3&page=2");
    expect(p1.total).toBe(all.total);
    expect(p2.total).toBe(all.total);
    expect([p1.page, p2.page, p1.pageSize]).toEqual([1, 2, 3]);
    expect(p1.items.map((e) => e.id)).toEqual(all.items.slice(0, 3).map((e) => e.id));
    expect(p2.items.map((e) => e.id)).toEqual(all.items.slice(3, 6).map((e) => e.id));
    const times = all.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const far = await audit(operatorClient, "page=9999");
    expect(far.items).toEqual([]);
    expect(far.total).toBe(all.total);
  });

  it("refuses bad filters with 400 field errors, not a server error", async () => {
    const bad: [string, string][] = [
      ["from=2020-13-01", "from"],
      ["to=15.03.2020", "to"],
      ["from=2021-02-29", "from"],
      ["from=0000-01-01", "from"],
      ["pageSize=101", "pageSize"],
      ["user=me", "user"],
      ["actor=ab%00cd", "actor"],
    ];
    for (const [q, field] of bad) {
      const p = expectProblem(await operatorClient.get(`/api/audit?${q}`), 400, "validation");
      expect(Object.keys(fieldErrors(p)), q).toContain(field);
    }
    const en = expectProblem(await new Client(t.app, "en").get("/api/audit?from=x"), 401);
    expect(en.title).toBe("Sign in to continue");
  });
});
