import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PRIVACY_POLICY_VERSION } from "../../../shared/constants.js";
import { auditLog } from "../../core/audit.schema.js";
import { cleanUpMail, MASKED_TOKEN } from "../../core/mail.js";
import { mailOutbox } from "../../core/mail.schema.js";
import { expectProblem, fieldErrors, randomEmail, signupBody } from "../../test/assert.js";
import {
  Client,
  createUser,
  mailsTo,
  solveFrom,
  TEST_PASSWORD,
  testAppForFile,
  tokenFromMail,
} from "../../test/helpers.js";
import { consents, sessions, users } from "./accounts.schema.js";

const t = testAppForFile();

const DAY = 24 * 3600_000;
const userByEmail = async (email: string) =>
  (await t.database.db.select().from(users).where(eq(users.email, email)))[0]!;
const linkToken = (text: string, path: string) =>
  decodeURIComponent(text.match(new RegExp(`${path}\\?token=([\\w%-]+)`))![1]!);

describe("finding 3: account pre-hijacking", () => {
  it("the attacker's earlier sign-up with the victim's address gives him neither password nor consent", async () => {
    const email = randomEmail("victim");
    const attacker = new Client(t.app);
    const victim = new Client(t.app);
    const ATTACKER_PW = "Attacker-Owns-It-1";
    const VICTIM_PW = "Victim-Real-Secret-2";
    expect(
      (await attacker.post("/api/auth/signup", signupBody(email, { password: ATTACKER_PW }))).statusCode,
    ).toBe(201);
    const attackerLink = await tokenFromMail(t.database, email, "/confirm");
    // The attacker's password is no password of the account before confirmation either.
    expect((await userByEmail(email)).passwordHash).toBeNull();
    const before = Date.now();
    expect(
      (await victim.post("/api/auth/signup", signupBody(email, { password: VICTIM_PW }))).statusCode,
    ).toBe(201);
    const victimLink = await tokenFromMail(t.database, email, "/confirm");
    expect(victimLink).not.toBe(attackerLink);

    expect(
      (await victim.post("/api/auth/confirm", { token: victimLink, password: VICTIM_PW })).statusCode,
    ).toBe(200);

    expect(
      (await new Client(t.app).post("/api/auth/signin", { email, password: VICTIM_PW })).statusCode,
    ).toBe(200);
    expectProblem(
      await new Client(t.app).post("/api/auth/signin", { email, password: ATTACKER_PW }),
      401,
      "invalid-credentials",
    );
    // The attacker's pending sign-up is void.
    expectProblem(
      await attacker.post("/api/auth/confirm", { token: attackerLink, password: ATTACKER_PW }),
      400,
      "invalid-token",
    );

    const user = await userByEmail(email);
    const recorded = await t.database.db.select().from(consents).where(eq(consents.userId, user.id));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      kind: "personal_data",
      policyVersion: PRIVACY_POLICY_VERSION,
      ip: victim.ip,
    });
    expect(recorded[0]!.acceptedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("a later sign-up by the attacker does not replace the victim's pending password", async () => {
    const email = randomEmail("victim");
    const victim = new Client(t.app);
    await victim.post("/api/auth/signup", signupBody(email, { password: "Victim-Real-Secret-2" }));
    const victimLink = await tokenFromMail(t.database, email, "/confirm");
    const attacker = new Client(t.app);
    await attacker.post("/api/auth/signup", signupBody(email, { password: "Attacker-Owns-It-1" }));
    expect(
      (await victim.post("/api/auth/confirm", { token: victimLink, password: "Victim-Real-Secret-2" }))
        .statusCode,
    ).toBe(200);
    expect(
      (await new Client(t.app).post("/api/auth/signin", { email, password: "Victim-Real-Secret-2" }))
        .statusCode,
    ).toBe(200);
    expectProblem(
      await new Client(t.app).post("/api/auth/signin", { email, password: "Attacker-Owns-It-1" }),
      401,
    );
    const [consent] = await t.database.db
      .select()
      .from(consents)
      .where(eq(consents.userId, (await userByEmail(email)).id));
    expect(consent!.ip).toBe(victim.ip);
  });
});

describe("finding 3: a confirmation link is useless without its sign-up's password", () => {
  const ATTACKER_PW = "Attacker-Owns-It-1";
  const VICTIM_PW = "Victim-Real-Secret-2";
  const confirm = (c: Client, token: string, password: string, altcha?: string) =>
    c.post("/api/auth/confirm", { token, password, ...(altcha ? { altcha } : {}) });

  it("the victim who opens the attacker's link and types his own password confirms nothing", async () => {
    const email = randomEmail("victim");
    const attacker = new Client(t.app);
    await attacker.post("/api/auth/signup", signupBody(email, { password: ATTACKER_PW }));
    const attackerLink = await tokenFromMail(t.database, email, "/confirm");
    const victim = new Client(t.app);
    // The page shows whose address the link confirms, without using it up.
    expect((await victim.post("/api/auth/confirm/lookup", { token: attackerLink })).json()).toEqual({
      email,
    });

    const refused = await confirm(victim, attackerLink, VICTIM_PW);
    const p = expectProblem(refused, 400, "wrong-signup-password");
    expect(fieldErrors(p).password).toMatch(/не тот пароль, который был указан при регистрации/);
    expect(refused.headers["set-cookie"]).toBeUndefined();
    const en = expectProblem(await confirm(new Client(t.app, "en"), attackerLink, VICTIM_PW), 400);
    expect(fieldErrors(en).password).toMatch(/not the password chosen when signing up with this link/);

    const user = await userByEmail(email);
    expect(user.emailConfirmedAt).toBeNull();
    expect(user.passwordHash).toBeNull();
    expect(await t.database.db.select().from(consents).where(eq(consents.userId, user.id))).toEqual([]);
    expect((await victim.get("/api/me")).json().user).toBeNull();
    expectProblem(
      await new Client(t.app).post("/api/auth/signin", { email, password: ATTACKER_PW }),
      403,
      "email-not-confirmed",
    );
    const failed = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.confirm_email_failed"), eq(auditLog.entityId, user.id)));
    expect(failed).toHaveLength(2);
    expect(JSON.stringify(failed)).not.toContain(VICTIM_PW);

    // The way out the page explains: sign up again; the own link with the own password signs in.
    await victim.post("/api/auth/signup", signupBody(email, { password: VICTIM_PW }));
    const victimLink = await tokenFromMail(t.database, email, "/confirm");
    expect((await confirm(victim, victimLink, VICTIM_PW)).statusCode).toBe(200);
    expect((await victim.get("/api/me")).json().user.email).toBe(email);
    expectProblem(await confirm(attacker, attackerLink, ATTACKER_PW), 400, "invalid-token");
    expectProblem(
      await new Client(t.app).post("/api/auth/signin", { email, password: ATTACKER_PW }),
      401,
      "invalid-credentials",
    );
  });

  it("the right password confirms and signs in with a new session", async () => {
    const email = randomEmail("owner");
    const c = new Client(t.app);
    await c.post("/api/auth/signup", signupBody(email, { password: VICTIM_PW }));
    const token = await tokenFromMail(t.database, email, "/confirm");
    const res = await confirm(c, token, VICTIM_PW);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email, emailConfirmed: true });
    expect(res.json().message).toMatch(/вы вошли/);
    expect(String(res.headers["set-cookie"])).toMatch(/ic_session=[\w-]+;.*HttpOnly/);
    expect((await c.get("/api/me")).json().user.email).toBe(email);
    const user = await userByEmail(email);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it("a missing password is a field error and confirms nothing", async () => {
    const email = randomEmail("owner");
    const c = new Client(t.app);
    await c.post("/api/auth/signup", signupBody(email));
    const token = await tokenFromMail(t.database, email, "/confirm");
    const p = expectProblem(await c.post("/api/auth/confirm", { token }), 400, "validation");
    expect(Object.keys(fieldErrors(p))).toEqual(["password"]);
    expect((await userByEmail(email)).emailConfirmedAt).toBeNull();
  });

  it("repeated wrong passwords lead to the proof-of-work challenge, as at sign-in", async () => {
    const email = randomEmail("victim");
    await new Client(t.app).post("/api/auth/signup", signupBody(email, { password: ATTACKER_PW }));
    const token = await tokenFromMail(t.database, email, "/confirm");
    const guesser = new Client(t.app);
    for (let i = 0; i < 5; i++)
      expectProblem(await confirm(guesser, token, `Guess-Number-${i}`), 400, "wrong-signup-password");
    const asked = await confirm(guesser, token, "Guess-Number-5");
    expectProblem(asked, 428, "challenge-required");
    // A solved challenge buys one more check of the password, nothing more.
    const altcha = await solveFrom(asked);
    expectProblem(await confirm(guesser, token, "Guess-Number-6", altcha), 400, "wrong-signup-password");
    expectProblem(await confirm(guesser, token, ATTACKER_PW), 428, "challenge-required");
    expect((await userByEmail(email)).emailConfirmedAt).toBeNull();
    // The owner, from his own network, still confirms with his password.
    expect((await confirm(new Client(t.app), token, ATTACKER_PW)).statusCode).toBe(200);
  });

  it("an older confirmation without a pending password takes the password the account signed up with", async () => {
    const u = await createUser(t.database, { confirmed: false });
    await new Client(t.app).post("/api/auth/resend-confirmation", { email: u.email });
    const token = await tokenFromMail(t.database, u.email, "/confirm");
    expectProblem(await confirm(new Client(t.app), token, VICTIM_PW), 400, "wrong-signup-password");
    expect((await confirm(new Client(t.app), token, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe("finding 11: stored mails keep live tokens", () => {
  it("a used confirmation link is masked in the stored mail, text and HTML", async () => {
    const email = randomEmail("mask");
    const c = new Client(t.app);
    await c.post("/api/auth/signup", signupBody(email));
    const token = await tokenFromMail(t.database, email, "/confirm");
    expect((await c.post("/api/auth/confirm", { token, password: "Lunokhod-1970" })).statusCode).toBe(200);
    const [m] = await mailsTo(t.database, email);
    expect(m!.text).not.toContain(token);
    expect(m!.html).not.toContain(token);
    expect(m!.text).toContain(`/confirm?token=${MASKED_TOKEN}`);
    expect(m!.html).toContain(`/confirm?token=${MASKED_TOKEN}`);
    // The development mailbox shows the masked mail.
    const local = new Client(t.app, "ru", "127.0.0.1");
    expect((await local.get(`/api/dev/mail/${m!.id}`)).json().text).not.toContain(token);
  });

  it("a reset link is masked when a newer one voids it and when it is used", async () => {
    const u = await createUser(t.database);
    await new Client(t.app).post("/api/auth/password-reset", { email: u.email });
    const first = await tokenFromMail(t.database, u.email, "/reset");
    await new Client(t.app).post("/api/auth/password-reset", { email: u.email });
    const second = await tokenFromMail(t.database, u.email, "/reset");
    const [newer, older] = await mailsTo(t.database, u.email);
    expect(older!.text).not.toContain(first);
    expect(newer!.text).toContain(second);
    await new Client(t.app).post("/api/auth/password-reset/confirm", {
      token: second,
      password: "Brand-New-Secret-9",
    });
    const after = await mailsTo(t.database, u.email);
    expect(after.map((m) => m.text.includes(second) || m.html!.includes(second))).toEqual([false, false]);
  });

  it("an expired link is masked by the clean-up, and sent mail is deleted after 30 days", async () => {
    const email = randomEmail("old");
    await new Client(t.app).post("/api/auth/signup", signupBody(email));
    const [m] = await mailsTo(t.database, email);
    const token = linkToken(m!.text, "/confirm");
    await cleanUpMail(t.database.db, new Date(Date.now() + DAY));
    expect((await mailsTo(t.database, email))[0]!.text).toContain(token);
    await cleanUpMail(t.database.db, new Date(Date.now() + 2 * DAY + 60_000));
    const [masked] = await mailsTo(t.database, email);
    expect(masked!.text).not.toContain(token);
    expect(masked!.html).not.toContain(token);

    await t.database.db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, m!.id));
    await cleanUpMail(t.database.db, new Date(Date.now() + 29 * DAY));
    expect(await mailsTo(t.database, email)).toHaveLength(1);
    await cleanUpMail(t.database.db, new Date(Date.now() + 31 * DAY));
    expect(await mailsTo(t.database, email)).toHaveLength(0);
  });
});
