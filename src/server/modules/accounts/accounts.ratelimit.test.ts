import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, randomEmail, signupBody } from "../../test/assert.js";
import { Client, createUser, mailsTo, TEST_PASSWORD, type TestApp, testApp } from "../../test/helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe("per-account limit on sign-in", () => {
  it("after 10 wrong passwords from different addresses, the right password gets 429 too", async () => {
    const u = await createUser(t.database);
    for (let i = 0; i < 10; i++) {
      // A fresh client each time: the per-IP limit is not what stops the attacker here.
      const email = i % 2 ? u.email.toUpperCase() : u.email;
      const res = await new Client(t.app).post("/api/auth/signin", { email, password: `Wrong-Pass-${i}` });
      expectProblem(res, 401, "invalid-credentials");
    }

    const ru = await new Client(t.app).post("/api/auth/signin", { email: u.email, password: TEST_PASSWORD });
    const p = expectProblem(ru, 429, "too-many-requests");
    const retry = Number(ru.headers["retry-after"]);
    expect(retry).toBeGreaterThan(800);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(p.title).toMatch(/^Слишком много попыток\. Повторите через \d+ мин\.$/);
    expect(ru.headers["set-cookie"]).toBeUndefined();

    const en = await new Client(t.app, "en").post("/api/auth/signin", {
      email: u.email,
      password: TEST_PASSWORD,
    });
    expect(expectProblem(en, 429, "too-many-requests").title).toMatch(
      /^Too many attempts\. Try again in \d+ min\.$/,
    );
    expect(en.headers["retry-after"]).toBeDefined();
  });

  it("does not lock out another account", async () => {
    const victim = await createUser(t.database);
    const bystander = await createUser(t.database);
    for (let i = 0; i < 10; i++) {
      await new Client(t.app).post("/api/auth/signin", { email: victim.email, password: `Wrong-Pass-${i}` });
    }
    expect(
      (await new Client(t.app).post("/api/auth/signin", { email: bystander.email, password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });
});

describe("per-IP limit on sign-in", () => {
  it("the 31st sign-in from one address within 10 minutes gets 429 with Retry-After", async () => {
    const c = new Client(t.app);
    for (let i = 0; i < 30; i++) {
      const res = await c.post("/api/auth/signin", { email: randomEmail("ip"), password: "Wrong-Pass-1" });
      expect(res.statusCode).toBe(401);
    }
    const res = await c.post("/api/auth/signin", { email: randomEmail("ip"), password: "Wrong-Pass-1" });
    const p = expectProblem(res, 429, "too-many-requests");
    expect(p.title).toMatch(/^Слишком много попыток\. Повторите через \d+ (с|мин)\.$/);
    const retry = Number(res.headers["retry-after"]);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(600);

    // Even a valid user is stopped from this address, but not from another one.
    const u = await createUser(t.database);
    expectProblem(await c.post("/api/auth/signin", { email: u.email, password: TEST_PASSWORD }), 429);
    expect(
      (await new Client(t.app).post("/api/auth/signin", { email: u.email, password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });
});

describe("per-account limit on password reset", () => {
  it("the 4th request within an hour for one address gets 429 and sends no 4th mail", async () => {
    const u = await createUser(t.database);
    for (let i = 0; i < 3; i++) {
      expect((await new Client(t.app).post("/api/auth/password-reset", { email: u.email })).statusCode).toBe(
        202,
      );
    }
    const res = await new Client(t.app, "en").post("/api/auth/password-reset", { email: u.email });
    const p = expectProblem(res, 429, "too-many-requests");
    expect(p.title).toMatch(/^Too many attempts\. Try again in \d+ min\.$/);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect(await mailsTo(t.database, u.email)).toHaveLength(3);
  });
});

describe("per-account limit on sign-up", () => {
  it("the 4th sign-up attempt within an hour for one address gets 429", async () => {
    const email = randomEmail("su");
    const body = signupBody(email);
    for (let i = 0; i < 3; i++)
      expect((await new Client(t.app).post("/api/auth/signup", body)).statusCode).toBe(201);
    expectProblem(await new Client(t.app).post("/api/auth/signup", body), 429, "too-many-requests");
    expect(await mailsTo(t.database, email)).toHaveLength(3);
  });
});

describe("with RATE_LIMIT=off", () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await testApp({ RATE_LIMIT: "off" });
  });
  afterAll(() => off.close());

  it("the per-IP limit does not apply", async () => {
    const c = new Client(off.app);
    for (let i = 0; i < 31; i++) {
      const res = await c.post("/api/auth/signin", { email: randomEmail("off"), password: "Wrong-Pass-1" });
      expect(res.statusCode).toBe(401);
    }
  });
});
