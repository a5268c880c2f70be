import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "./modules/accounts/accounts.schema.js";
import { counts, expectProblem, randomEmail, signupBody } from "./test/assert.js";
import {
  Client,
  createUser,
  mailsTo,
  PRODUCTION_ENV,
  signedIn,
  TEST_PASSWORD,
  type TestApp,
  testApp,
  testAppForFile,
} from "./test/helpers.js";

const t = testAppForFile();

const EVIL = { origin: "https://evil.example" };
const CROSS_SITE = { "sec-fetch-site": "cross-site" };

describe("platform endpoints", () => {
  it("/api/health answers ok with the database kind", async () => {
    const res = await new Client(t.app).get("/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: t.database.kind, node: process.versions.node });
  });

  it("/api/health/ready answers ready when the database answers (liveness does not ask it)", async () => {
    const res = await new Client(t.app).get("/api/health/ready");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready" });
  });

  it("runs on Node.js 24 or newer, and says so outside production only", async () => {
    const { node } = (await new Client(t.app).get("/api/health")).json();
    expect(Number(node.split(".")[0])).toBeGreaterThanOrEqual(24);
  });

  it("/api/openapi.json is OpenAPI 3.1 and lists the API", async () => {
    const res = await new Client(t.app).get("/api/openapi.json");
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Innocluster API");
    expect(doc.paths["/api/auth/signup"].post).toBeDefined();
    expect(doc.paths["/api/admin/users"].get).toBeDefined();
    expect(doc.paths["/api/audit"].get).toBeDefined();
    expect(doc.paths["/api/openapi.json"]).toBeUndefined();
  });

  it("/api/docs shows the API documentation", async () => {
    const c = new Client(t.app);
    let res = await c.get("/api/docs");
    if (res.statusCode >= 300 && res.statusCode < 400) res = await c.get(String(res.headers.location));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toMatch(/Swagger UI/);
  });
});

describe("development mailbox", () => {
  // The mailbox answers this machine (a loopback socket peer) and admins only: see devmail.test.ts.
  const local = () => new Client(t.app, "ru", "127.0.0.1");
  it("lists the mails the platform wrote and shows one", async () => {
    const email = randomEmail("dev");
    expect((await new Client(t.app).post("/api/auth/signup", signupBody(email))).statusCode).toBe(201);
    const c = local();
    const res = await c.get("/api/dev/mail?pageSize=5");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items[0]).toMatchObject({
      to: email,
      subject: "Подтвердите адрес электронной почты",
      sentAt: null,
    });
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.pageSize).toBe(5);

    const one = await c.get(`/api/dev/mail/${body.items[0].id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().text).toMatch(/\/confirm\?token=/);
    expect(one.json().html).toMatch(/<a href="http:\/\/localhost:3000\/confirm\?token=/);
  });

  it("answers 404 for an unknown mail and 400 for a malformed id", async () => {
    const c = local();
    expectProblem(await c.get("/api/dev/mail/00000000-0000-4000-8000-000000000000"), 404, "not-found");
    expectProblem(await c.get("/api/dev/mail/xyz"), 400, "validation");
  });

  it("the UI is told it may show the mailbox", async () => {
    expect((await local().get("/api/me")).json().abilities["dev.mail.read"]).toBe(true);
  });
});

describe("in production", () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await testApp({ ...PRODUCTION_ENV });
  });
  afterAll(() => prod.close());

  it("there is no dev mailbox", async () => {
    const c = new Client(prod.app);
    expectProblem(await c.get("/api/dev/mail"), 404, "route-not-found");
    expectProblem(await c.get("/api/dev/mail/00000000-0000-4000-8000-000000000000"), 404);
  });

  it("/api/me does not offer dev.mail.read, to guests or admins", async () => {
    const guest = (await new Client(prod.app).get("/api/me")).json();
    expect(guest.abilities).not.toHaveProperty("dev.mail.read");
    const admin = await signedIn(prod, await createUser(prod.database, { role: "admin" }));
    const me = (await admin.get("/api/me")).json();
    expect(me.abilities).not.toHaveProperty("dev.mail.read");
    expect(me.abilities["admin.users.list"]).toBe(true);
  });

  it("the API still works, without naming the runtime's version", async () => {
    expect((await new Client(prod.app).get("/api/health")).json()).toEqual({
      status: "ok",
      database: prod.database.kind,
    });
  });
});

describe("cross-site request protection", () => {
  it("refuses a sign-up posted from another site and creates nothing", async () => {
    const email = randomEmail("csrf");
    const before = await counts(t.database);
    const res = await new Client(t.app).post("/api/auth/signup", signupBody(email), EVIL);
    const p = expectProblem(res, 403, "cross-origin");
    expect(p.title).toBe("Запрос с другого сайта отклонён");
    expect(await counts(t.database)).toEqual(before);
    expect(await mailsTo(t.database, email)).toHaveLength(0);
  });

  it("refuses a password change sent cross-site (Sec-Fetch-Site) and keeps the password", async () => {
    const u = await createUser(t.database, { locale: "en" });
    const c = await signedIn(t, u);
    const res = await c.post(
      "/api/me/password",
      { currentPassword: TEST_PASSWORD, newPassword: "Hijacked-Pass-66" },
      CROSS_SITE,
    );
    expect(expectProblem(res, 403, "cross-origin").title).toBe("A request from another site was refused");
    expect((await new Client(t.app).signIn(u)).statusCode).toBe(200);
    expect(await mailsTo(t.database, u.email)).toHaveLength(0);
  });

  it("refuses profile changes, sign-out and admin actions from another site", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    expectProblem(await c.patch("/api/me", { fullName: "Взломщик" }, EVIL), 403, "cross-origin");
    expectProblem(await c.post("/api/auth/signout", {}, EVIL), 403, "cross-origin");
    expect((await c.get("/api/me")).json().user.fullName).toBe(u.fullName);

    const admin = await signedIn(t, await createUser(t.database, { role: "admin" }));
    expectProblem(
      await admin.patch(`/api/admin/users/${u.id}`, { role: "admin" }, CROSS_SITE),
      403,
      "cross-origin",
    );
    expectProblem(
      await admin.post(
        `/api/admin/users/${u.id}/block`,
        { reason: "csrf" },
        { origin: "http://localhost:3000.evil.example" },
      ),
      403,
      "cross-origin",
    );
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.role).toBe("user");
    expect(row!.blockedAt).toBeNull();
  });

  it("accepts the platform's own origin, same-origin fetches and clients without Origin", async () => {
    const u = await createUser(t.database);
    const own = new Client(t.app);
    expect(
      (
        await own.post(
          "/api/auth/signin",
          { email: u.email, password: TEST_PASSWORD },
          { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await own.patch("/api/me", { fullName: "Своя Страница" }, { origin: "http://localhost:3000" }))
        .statusCode,
    ).toBe(200);
    // curl and server-to-server calls send neither header.
    const curl = new Client(t.app);
    expect((await curl.signIn(u)).statusCode).toBe(200);
    // A typed-in address (Sec-Fetch-Site: none) is not cross-site either.
    expect(
      (
        await new Client(t.app).post(
          "/api/auth/password-reset",
          { email: u.email },
          { "sec-fetch-site": "none" },
        )
      ).statusCode,
    ).toBe(202);
  });

  it("lets reads through from any origin", async () => {
    const c = await signedIn(t, await createUser(t.database));
    const res = await c.get("/api/me", EVIL);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).not.toBeNull();
  });
});
