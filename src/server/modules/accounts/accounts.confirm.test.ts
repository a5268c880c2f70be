// Issue 11 §3 "after confirming the e-mail": the confirmation link signs in, once, for 48 hours, and
// the web goes on to the `next` kept from sign-up (its validation: accounts.test.ts, "sign-up keeps next").
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, randomEmail, signupBody } from "../../test/assert.js";
import { Client, mailsTo, type TestApp, testApp, tokenFromMail } from "../../test/helpers.js";
import { users, userTokens } from "./accounts.schema.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const PASSWORD = "Lunokhod-1970";
const HOUR = 3600_000;

async function signUp(next?: string) {
  const email = randomEmail("confirm-signin");
  const browser = new Client(t.app);
  const res = await browser.post("/api/auth/signup", signupBody(email, next ? { next } : {}));
  expect(res.statusCode).toBe(201);
  const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
  return { email, browser, user: user!, token: await tokenFromMail(t.database, email, "/confirm") };
}

describe("the confirmation link signs in", () => {
  it("with the sign-up's password: a new session, /api/me is the confirmed user", async () => {
    const { email, browser, token } = await signUp("/organizations/new");
    expect((await browser.get("/api/me")).json().user).toBeNull();
    const res = await browser.post("/api/auth/confirm", { token, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ email, emailConfirmed: true });
    expect(browser.cookies.get("ic_session")).toBeTruthy();
    expect((await browser.get("/api/me")).json().user).toMatchObject({ email, emailConfirmed: true });
    // the mailed link carried `next`; the web goes there after this answer
    const [mail] = await mailsTo(t.database, email);
    expect(mail!.text).toMatch(/\/confirm\?token=\S+&next=%2Forganizations%2Fnew/);
  });

  it("only once: the same link in another browser is refused and signs nobody in", async () => {
    const { browser, token } = await signUp();
    expect((await browser.post("/api/auth/confirm", { token, password: PASSWORD })).statusCode).toBe(200);
    const other = new Client(t.app);
    expectProblem(await other.post("/api/auth/confirm", { token, password: PASSWORD }), 400, "invalid-token");
    expect(other.cookies.size).toBe(0);
    expect((await other.get("/api/me")).json().user).toBeNull();
    // the used link no longer shows whose address it confirms
    expectProblem(await other.post("/api/auth/confirm/lookup", { token }), 400, "invalid-token");
  });

  it("for 48 hours: the stored expiry is 48 h after the mail; a minute before it works, after it does not", async () => {
    const first = await signUp();
    const [row] = await t.database.db.select().from(userTokens).where(eq(userTokens.userId, first.user.id));
    const lifetime = row!.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(48 * HOUR - 60_000);
    expect(lifetime).toBeLessThanOrEqual(48 * HOUR);

    // 47 h 59 min later (the expiry moved to a minute from now): still works
    await t.database.db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() + 60_000) })
      .where(eq(userTokens.userId, first.user.id));
    expect(
      (await first.browser.post("/api/auth/confirm", { token: first.token, password: PASSWORD })).statusCode,
    ).toBe(200);

    // 48 h and a second later: refused, nobody signed in, the account stays unconfirmed
    const late = await signUp();
    await t.database.db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userTokens.userId, late.user.id));
    expectProblem(
      await late.browser.post("/api/auth/confirm", { token: late.token, password: PASSWORD }),
      400,
      "invalid-token",
    );
    expect(late.browser.cookies.size).toBe(0);
    const [still] = await t.database.db.select().from(users).where(eq(users.id, late.user.id));
    expect(still!.emailConfirmedAt).toBeNull();
  });
});
