import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../../core/context.js";
import { counts, expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { users } from "./accounts.schema.js";
import { adminListUsers } from "./accounts.service.js";

const t = testAppForFile();
let admin: Awaited<ReturnType<typeof createUser>>;
let adminClient: Client;
beforeAll(async () => {
  admin = await createUser(t.database, {
    role: "admin",
    email: "chief@example.ru",
    fullName: "Админов Главный",
  });
  adminClient = await signedIn(t, admin);
});

type AdminUser = {
  id: string;
  email: string;
  fullName: string;
  role: string;
  blocked: boolean;
  blockedReason: string | null;
};
const list = async (c: Client, query: string) => {
  const res = await c.get(`/api/admin/users?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: AdminUser[];
    total: number;
    totalCapped: boolean;
    page: number;
    pageSize: number;
  };
};
const dbUser = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0]!;

describe("access to user administration", () => {
  it("a guest gets 401", async () => {
    expectProblem(await new Client(t.app).get("/api/admin/users"), 401, "unauthorized");
  });

  it("a user, an expert and an operator get 403", async () => {
    for (const role of ["user", "expert", "operator"] as const) {
      const c = await signedIn(t, await createUser(t.database, { role }));
      const p = expectProblem(await c.get("/api/admin/users"), 403, "forbidden");
      expect(p.title).toBe("Недостаточно прав для этого действия");
    }
  });

  it("a user cannot change roles, not even with a broken body (403 before validation)", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    expectProblem(await c.patch(`/api/admin/users/${u.id}`, { role: "admin" }), 403, "forbidden");
    expectProblem(await c.patch(`/api/admin/users/${u.id}`, { role: "tsar" }), 403, "forbidden");
    expectProblem(await c.post(`/api/admin/users/${admin.id}/block`, { reason: "coup" }), 403, "forbidden");
    expect((await dbUser(u.id)).role).toBe("user");
    expect((await dbUser(admin.id)).blockedAt).toBeNull();
  });

  it("the UI abilities reflect the role", async () => {
    expect((await adminClient.get("/api/me")).json().abilities).toMatchObject({
      "admin.users.list": true,
      "admin.users.update": true,
      "audit.read": true,
    });
    const c = await signedIn(t, await createUser(t.database));
    expect((await c.get("/api/me")).json().abilities).toMatchObject({
      "admin.users.list": false,
      "admin.users.update": false,
      "audit.read": false,
    });
  });
});

describe("listing users", () => {
  beforeAll(async () => {
    await createUser(t.database, {
      email: "anna.zoryna@example.ru",
      fullName: "Зорина Анна Сергеевна",
      role: "expert",
    });
    await createUser(t.database, { email: "boris@zoryna-lab.ru", fullName: "Белов Борис", role: "operator" });
    await createUser(t.database, {
      email: "vera@example.ru",
      fullName: "Веретенникова Вера",
      role: "expert",
    });
    for (let i = 1; i <= 5; i++)
      await createUser(t.database, { email: `pager-${i}@paging.example`, fullName: `Страница ${i}` });
  });

  it("searches by e-mail substring, case-insensitively", async () => {
    const r = await list(adminClient, "q=ZORYNA");
    expect(r.items.map((u) => u.email).sort()).toEqual(["anna.zoryna@example.ru", "boris@zoryna-lab.ru"]);
    expect(r.total).toBe(2);
  });

  it("searches by a part of the name, in any case", async () => {
    const r = await list(adminClient, `q=${encodeURIComponent("зорина")}`);
    expect(r.items.map((u) => u.fullName)).toEqual(["Зорина Анна Сергеевна"]);
  });

  it("matches one or two letters at the start of a word of the name or e-mail (an index serves it)", async () => {
    const r = await list(adminClient, `q=${encodeURIComponent("ве")}`);
    expect(r.items.map((u) => u.fullName)).toEqual(["Веретенникова Вера"]);
    // "ry" is inside "zoryna" but starts no word.
    expect((await list(adminClient, "q=ry")).total).toBe(0);
    expect((await list(adminClient, "q=ZO")).items.map((u) => u.email).sort()).toEqual([
      "anna.zoryna@example.ru",
      "boris@zoryna-lab.ru",
    ]);
  });

  it("treats % and _ in the search as plain characters", async () => {
    expect((await list(adminClient, "q=%25")).total).toBe(0);
    expect((await list(adminClient, "q=_")).total).toBe(0);
  });

  it("filters by role", async () => {
    const experts = await list(adminClient, "role=expert&pageSize=100");
    expect(experts.items.map((u) => u.email)).toEqual(
      expect.arrayContaining(["anna.zoryna@example.ru", "vera@example.ru"]),
    );
    expect(experts.items.every((u) => u.role === "expert")).toBe(true);
    expect(experts.total).toBe(experts.items.length);
    const operators = await list(adminClient, "role=operator&pageSize=100");
    expect(operators.items.map((u) => u.email)).toContain("boris@zoryna-lab.ru");
    expect(operators.items.every((u) => u.role === "operator")).toBe(true);
    const both = await list(adminClient, "role=expert&q=vera");
    expect(both.items.map((u) => u.email)).toEqual(["vera@example.ru"]);
  });

  it("paginates with total, page and pageSize", async () => {
    const p1 = await list(adminClient, "q=paging.example&pageSize=2");
    const p2 = await list(adminClient, "q=paging.example&pageSize=2&page=2");
    const p3 = await list(adminClient, "q=paging.example&pageSize=2&page=3");
    const p4 = await list(adminClient, "q=paging.example&pageSize=2&page=4");
    expect([p1.total, p2.total, p3.total, p4.total]).toEqual([5, 5, 5, 5]);
    expect([p1.page, p2.page, p3.page, p4.page]).toEqual([1, 2, 3, 4]);
    expect(p1.pageSize).toBe(2);
    expect([p1.items.length, p2.items.length, p3.items.length, p4.items.length]).toEqual([2, 2, 1, 0]);
    const emails = [...p1.items, ...p2.items, ...p3.items].map((u) => u.email);
    expect(new Set(emails).size).toBe(5);
  });

  it("says 'more than' instead of counting every match of a broad search (the count stops at the cap)", async () => {
    expect((await list(adminClient, "q=paging.example")).totalCapped).toBe(false);
    const ctx = { db: t.database.db } as Ctx;
    const capped = await adminListUsers(ctx, { q: "paging.example", page: 1, pageSize: 2 }, 3);
    expect([capped.total, capped.totalCapped, capped.items.length]).toEqual([3, true, 2]);
    const exact = await adminListUsers(ctx, { q: "paging.example", page: 1, pageSize: 2 }, 5);
    expect([exact.total, exact.totalCapped]).toEqual([5, false]);
  });

  it("never shows password hashes or locale", async () => {
    const r = await list(adminClient, "pageSize=100");
    for (const u of r.items) {
      expect(Object.keys(u).sort()).toEqual(
        ["blocked", "blockedReason", "createdAt", "email", "emailConfirmed", "fullName", "id", "role"].sort(),
      );
    }
  });

  it("refuses bad query parameters with 400 field errors", async () => {
    const bad: [string, string][] = [
      ["role=boss", "role"],
      ["pageSize=1000", "pageSize"],
      ["page=0", "page"],
      ["page=abc", "page"],
      ["sort=email", "sort"],
    ];
    for (const [query, field] of bad) {
      const p = expectProblem(await adminClient.get(`/api/admin/users?${query}`), 400, "validation");
      expect(Object.keys(fieldErrors(p)), query).toContain(field);
    }
  });
});

describe("changing roles", () => {
  it("changes a user's role; it takes effect on their open session", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    expectProblem(await c.get("/api/audit"), 403);

    const res = await adminClient.patch(`/api/admin/users/${u.id}`, { role: "operator" });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: u.id, role: "operator", blocked: false });
    expect((await c.get("/api/audit")).statusCode).toBe(200);
    expect((await c.get("/api/me")).json().user.role).toBe("operator");
  });

  it("a demoted admin loses admin access at once", async () => {
    const other = await createUser(t.database, { role: "admin" });
    const c = await signedIn(t, other);
    expect((await c.get("/api/admin/users")).statusCode).toBe(200);
    expect((await adminClient.patch(`/api/admin/users/${other.id}`, { role: "user" })).statusCode).toBe(200);
    expectProblem(await c.get("/api/admin/users"), 403, "forbidden");
  });

  it("refuses an unknown role with 400 and changes nothing", async () => {
    const u = await createUser(t.database);
    const p = expectProblem(
      await adminClient.patch(`/api/admin/users/${u.id}`, { role: "superuser" }),
      400,
      "validation",
    );
    expect(fieldErrors(p).role).toMatch(/admin, operator, expert, user/);
    expect((await dbUser(u.id)).role).toBe("user");
  });

  it("answers 404 for an unknown user and 400 for a malformed id", async () => {
    const before = await counts(t.database);
    expectProblem(
      await adminClient.patch(`/api/admin/users/${randomUUID()}`, { role: "expert" }),
      404,
      "not-found",
    );
    expectProblem(
      await adminClient.post(`/api/admin/users/${randomUUID()}/block`, { reason: "spam" }),
      404,
      "not-found",
    );
    expectProblem(await adminClient.post(`/api/admin/users/${randomUUID()}/unblock`), 404, "not-found");
    expectProblem(await adminClient.patch("/api/admin/users/42", { role: "expert" }), 400, "validation");
    expect(await counts(t.database)).toEqual(before);
  });

  it("an admin cannot change their own role or block themselves", async () => {
    const p = expectProblem(
      await adminClient.patch(`/api/admin/users/${admin.id}`, { role: "user" }),
      403,
      "self-role",
    );
    expect(p.title).toBe("Нельзя изменить собственную роль или заблокировать себя");
    expectProblem(
      await adminClient.post(`/api/admin/users/${admin.id}/block`, { reason: "oops" }),
      403,
      "self-role",
    );
    const me = await dbUser(admin.id);
    expect(me.role).toBe("admin");
    expect(me.blockedAt).toBeNull();
    expect((await adminClient.get("/api/me")).json().user.role).toBe("admin");
  });
});

describe("blocking", () => {
  it("ends the user's sessions, stops sign-in with the reason; unblocking lets them in again", async () => {
    const u = await createUser(t.database);
    const laptop = await signedIn(t, u);
    const phone = await signedIn(t, u, "en");

    const res = await adminClient.post(`/api/admin/users/${u.id}/block`, { reason: "нарушение правил" });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: u.id, blocked: true, blockedReason: "нарушение правил" });

    expect((await laptop.get("/api/me")).json().user).toBeNull();
    expect((await phone.get("/api/me")).json().user).toBeNull();
    expectProblem(await laptop.get("/api/me/sessions"), 401);

    const c = new Client(t.app);
    const p = expectProblem(await c.signIn(u), 403);
    expect(p.type).toBe("/problems/account-blocked");
    expect(p.title).toBe("Учётная запись заблокирована: нарушение правил");
    const en = expectProblem(await new Client(t.app, "en").signIn(u), 403);
    expect(en.title).toBe("This account is blocked: нарушение правил");

    const listed = await list(adminClient, `q=${encodeURIComponent(u.email)}`);
    expect(listed.items[0]).toMatchObject({ blocked: true, blockedReason: "нарушение правил" });

    const un = await adminClient.post(`/api/admin/users/${u.id}/unblock`);
    expect(un.statusCode).toBe(200);
    expect(un.json().user).toMatchObject({ blocked: false, blockedReason: null });
    expect((await c.signIn(u)).statusCode).toBe(200);
    expect((await c.get("/api/me")).json().user.id).toBe(u.id);
  });

  it("needs a reason of at least 3 characters", async () => {
    const u = await createUser(t.database);
    const s = await signedIn(t, u);
    for (const body of [{}, { reason: "  x " }]) {
      const p = expectProblem(
        await adminClient.post(`/api/admin/users/${u.id}/block`, body),
        400,
        "validation",
      );
      expect(Object.keys(fieldErrors(p))).toEqual(["reason"]);
    }
    expect((await dbUser(u.id)).blockedAt).toBeNull();
    expect((await s.get("/api/me")).json().user.id).toBe(u.id);
  });

  it("refuses a reason with a NUL character as a field error, not a server error", async () => {
    const u = await createUser(t.database);
    const p = expectProblem(
      await adminClient.post(`/api/admin/users/${u.id}/block`, { reason: "spam\u0000" }),
      400,
    );
    expect(Object.keys(fieldErrors(p))).toEqual(["reason"]);
    expect((await dbUser(u.id)).blockedAt).toBeNull();
  });

  it("a search with a NUL character is refused, not a server error", async () => {
    expectProblem(await adminClient.get("/api/admin/users?q=ab%00cd"), 400, "validation");
  });
});
