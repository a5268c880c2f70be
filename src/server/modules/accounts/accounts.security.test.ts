import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRIVACY_POLICY_VERSION } from "../../../shared/constants.js";
import { cleanUpMail, MASKED_TOKEN } from "../../core/mail.js";
import { mailOutbox } from "../../core/mail.schema.js";
import { expectProblem, randomEmail, signupBody } from "../../test/assert.js";
import { Client, createUser, mailsTo, type TestApp, testApp, tokenFromMail } from "../../test/helpers.js";
import { consents, users } from "./accounts.schema.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

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

    expect((await victim.post("/api/auth/confirm", { token: victimLink })).statusCode).toBe(200);

    expect(
      (await new Client(t.app).post("/api/auth/signin", { email, password: VICTIM_PW })).statusCode,
    ).toBe(200);
    expectProblem(
      await new Client(t.app).post("/api/auth/signin", { email, password: ATTACKER_PW }),
      401,
      "invalid-credentials",
    );
    // The attacker's pending sign-up is void.
    expectProblem(await attacker.post("/api/auth/confirm", { token: attackerLink }), 400, "invalid-token");

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
    expect((await victim.post("/api/auth/confirm", { token: victimLink })).statusCode).toBe(200);
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

describe("finding 11: stored mails keep live tokens", () => {
  it("a used confirmation link is masked in the stored mail, text and HTML", async () => {
    const email = randomEmail("mask");
    const c = new Client(t.app);
    await c.post("/api/auth/signup", signupBody(email));
    const token = await tokenFromMail(t.database, email, "/confirm");
    expect((await c.post("/api/auth/confirm", { token })).statusCode).toBe(200);
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
