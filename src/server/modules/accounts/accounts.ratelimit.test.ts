import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, randomEmail, signupBody } from "../../test/assert.js";
import {
  Client,
  createUser,
  mailsTo,
  solveFrom,
  TEST_PASSWORD,
  type TestApp,
  testApp,
  testAppForFile,
  tokenFromMail,
} from "../../test/helpers.js";
import { MAIL_CEILING } from "./accounts.service.js";

const t = testAppForFile();

const signin = (email: string, password: string, altcha?: string) =>
  new Client(t.app).post("/api/auth/signin", { email, password, ...(altcha ? { altcha } : {}) });

/** Ten wrong passwords, each from another address: an attacker spread over many machines. */
async function tenFailures(email: string) {
  for (let i = 0; i < 10; i++)
    expectProblem(await signin(email, `Wrong-Pass-${i}`), 401, "invalid-credentials");
}

describe("finding 5: anyone can lock an account out", () => {
  it("after 10 wrong passwords the owner is asked for a proof of work, not locked out", async () => {
    const u = await createUser(t.database);
    await tenFailures(u.email);

    const asked = await signin(u.email, TEST_PASSWORD);
    const p = expectProblem(asked, 428, "challenge-required");
    expect(p.title).toMatch(/не робот/);
    expect(asked.headers["set-cookie"]).toBeUndefined();
    const challenge = (
      p as unknown as { challenge: { parameters: { algorithm: string }; signature: string } }
    ).challenge;
    expect(challenge.parameters.algorithm).toBe("SHA-256");
    expect(challenge.signature).toBeTruthy();
    const en = await new Client(t.app, "en").post("/api/auth/signin", {
      email: u.email,
      password: TEST_PASSWORD,
    });
    expect(expectProblem(en, 428, "challenge-required").title).toMatch(/not a robot/);

    const ok = await signin(u.email, TEST_PASSWORD, await solveFrom(asked));
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["set-cookie"]).toBeDefined();
  });

  it("past the limit a solved challenge still checks the password, and works only once", async () => {
    const u = await createUser(t.database);
    await tenFailures(u.email);
    const altcha = await solveFrom(await signin(u.email, TEST_PASSWORD));
    expectProblem(await signin(u.email, "Wrong-Pass-x", altcha), 401, "invalid-credentials");
    // The same solution again (from another machine too) asks for a new challenge.
    expectProblem(await signin(u.email, TEST_PASSWORD, altcha), 428, "challenge-required");
    // A forged or garbled solution is no better.
    expectProblem(await signin(u.email, TEST_PASSWORD, "bm90LWEtc29sdXRpb24="), 428, "challenge-required");
  });

  it("one source gets a growing delay, then the challenge; the owner elsewhere is not slowed", async () => {
    const u = await createUser(t.database);
    const attacker = new Client(t.app);
    const took: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = Date.now();
      expectProblem(
        await attacker.post("/api/auth/signin", { email: u.email, password: `Wrong-Pass-${i}` }),
        401,
      );
      took.push(Date.now() - start);
    }
    expect(took[3]).toBeGreaterThanOrEqual(240);
    expect(took[4]).toBeGreaterThanOrEqual(490);
    expectProblem(await attacker.signIn(u, "Wrong-Pass-6"), 428, "challenge-required");
    const start = Date.now();
    expect((await signin(u.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect(Date.now() - start).toBeLessThan(240 + 5000);
  });

  it("25 concurrent wrong passwords: no more than 10 are checked against the password", async () => {
    const u = await createUser(t.database);
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signin(u.email, `Wrong-Pass-${i}`)),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 428).length).toBeGreaterThanOrEqual(15);
    expect(codes.every((c) => c === 401 || c === 428)).toBe(true);
  });

  it("a successful password reset clears the failures: the new password works without a challenge", async () => {
    const u = await createUser(t.database);
    await tenFailures(u.email);
    expect((await new Client(t.app).post("/api/auth/password-reset", { email: u.email })).statusCode).toBe(
      202,
    );
    const token = await tokenFromMail(t.database, u.email, "/reset");
    const c = new Client(t.app);
    expect(
      (await c.post("/api/auth/password-reset/confirm", { token, password: "Brand-New-Secret-9" }))
        .statusCode,
    ).toBe(200);
    expect((await signin(u.email, "Brand-New-Secret-9")).statusCode).toBe(200);
  });

  it("does not touch another account", async () => {
    const victim = await createUser(t.database);
    const bystander = await createUser(t.database);
    await tenFailures(victim.email);
    expect((await signin(bystander.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("reset mails: the 4th request for one address asks for a challenge; solved, it mails once more, up to the ceiling", async () => {
    const u = await createUser(t.database);
    for (let i = 0; i < 3; i++) {
      expect((await new Client(t.app).post("/api/auth/password-reset", { email: u.email })).statusCode).toBe(
        202,
      );
    }
    const owner = new Client(t.app, "en");
    const asked = await owner.post("/api/auth/password-reset", { email: u.email });
    expectProblem(asked, 428, "challenge-required");
    const res = await owner.post("/api/auth/password-reset", {
      email: u.email,
      altcha: await solveFrom(asked),
    });
    expect(res.statusCode).toBe(202);
    expect(await mailsTo(t.database, u.email)).toHaveLength(4);
    // Solving buys mail only up to the ceiling (attempts past MAIL_CEILING × the limit in the hour),
    // then the same answer and no mail.
    const solvedOnce = async () => {
      const c = new Client(t.app); // another address each time: the per-IP route limit is not the point
      const again = await c.post("/api/auth/password-reset", { email: u.email });
      expectProblem(again, 428, "challenge-required");
      expect(
        (await c.post("/api/auth/password-reset", { email: u.email, altcha: await solveFrom(again) }))
          .statusCode,
      ).toBe(202);
    };
    for (let i = 0; i < 3 * MAIL_CEILING; i++) await solvedOnce();
    const capped = (await mailsTo(t.database, u.email)).length;
    expect(capped).toBeGreaterThan(4);
    expect(capped).toBeLessThanOrEqual(3 * MAIL_CEILING);
    await solvedOnce();
    expect(await mailsTo(t.database, u.email)).toHaveLength(capped);
    // The newest link works: the owner is not locked out.
    const token = await tokenFromMail(t.database, u.email, "/reset");
    expect(
      (await owner.post("/api/auth/password-reset/confirm", { token, password: "Brand-New-Secret-9" }))
        .statusCode,
    ).toBe(200);
  });

  it("sign-up mails: the 4th sign-up for one address asks for a challenge; solved, the owner's own sign-up is mailed", async () => {
    const email = randomEmail("su");
    const body = signupBody(email);
    for (let i = 0; i < 3; i++)
      expect((await new Client(t.app).post("/api/auth/signup", body)).statusCode).toBe(201);
    const c = new Client(t.app);
    const asked = await c.post("/api/auth/signup", body);
    expectProblem(asked, 428, "challenge-required");
    expect((await c.post("/api/auth/signup", { ...body, altcha: await solveFrom(asked) })).statusCode).toBe(
      201,
    );
    expectProblem(await new Client(t.app).post("/api/auth/resend-confirmation", { email }), 428);
    expect(await mailsTo(t.database, email)).toHaveLength(4);
  });
});

describe("finding 13: failed sign-ins, challenges and resets are audited", () => {
  const entries = (action: string, email: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.after, { email })));

  it("a failed sign-in is recorded with the e-mail given and the IP, never the password", async () => {
    const u = await createUser(t.database);
    const c = new Client(t.app);
    expectProblem(await c.signIn(u, "Secret-Guess-77"), 401);
    const unknown = randomEmail("nobody");
    expectProblem(await c.post("/api/auth/signin", { email: unknown, password: "Secret-Guess-78" }), 401);
    const [known] = await entries("session.signin_failed", u.email);
    expect(known).toMatchObject({ entity: "user", entityId: u.id, actorId: null, ip: c.ip });
    const [stranger] = await entries("session.signin_failed", unknown);
    expect(stranger).toMatchObject({ entityId: null, ip: c.ip });
    expect(JSON.stringify([known, stranger])).not.toMatch(/Secret-Guess/);
  });

  it("the demanded challenge and the reset request and completion are recorded", async () => {
    const u = await createUser(t.database);
    await tenFailures(u.email);
    const c = new Client(t.app);
    expectProblem(await c.signIn(u), 428);
    const demanded = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "auth.challenge_required"));
    expect(demanded.filter((e) => (e.after as { email: string }).email === u.email)).toEqual([
      expect.objectContaining({ ip: c.ip, after: { email: u.email, kind: "signin", attempts: 11 } }),
    ]);

    expect((await c.post("/api/auth/password-reset", { email: u.email })).statusCode).toBe(202);
    const requested = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.password_reset_requested"), eq(auditLog.entityId, u.id)));
    expect(requested).toEqual([
      expect.objectContaining({ ip: c.ip, after: { email: u.email, mailed: true } }),
    ]);
    const token = await tokenFromMail(t.database, u.email, "/reset");
    await c.post("/api/auth/password-reset/confirm", { token, password: "Brand-New-Secret-9" });
    expect(await entries("user.password_reset", u.email)).toEqual([
      expect.objectContaining({ ip: c.ip, actorId: u.id }),
    ]);
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
    expectProblem(await c.signIn(u), 429);
    expect((await new Client(t.app).signIn(u)).statusCode).toBe(200);
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
