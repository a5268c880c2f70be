import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config.js";
import { expectProblem, randomEmail, signupBody } from "../../test/assert.js";
import { Client, createUser, PRODUCTION_ENV, signedIn, type TestApp, testApp } from "../../test/helpers.js";

describe("finding 2: the development mailbox is open to anyone", () => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    t = await testApp();
    proxied = await testApp({ TRUST_PROXY: "1", DEV_MAILBOX: "on" });
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  it("a guest from another machine cannot read a password-reset mail", async () => {
    const admin = await createUser(t.database, { role: "admin" });
    expect(
      (await new Client(t.app).post("/api/auth/password-reset", { email: admin.email })).statusCode,
    ).toBe(202);
    const guest = new Client(t.app);
    expectProblem(await guest.get("/api/dev/mail"), 401, "unauthorized");
    expectProblem(await guest.get("/api/dev/mail/00000000-0000-4000-8000-000000000000"), 401);
    expect((await guest.get("/api/me")).json().abilities["dev.mail.read"]).toBe(false);
  });

  it("a signed-in non-admin from another machine gets 403; an admin reads it from anywhere", async () => {
    const user = await signedIn(t, await createUser(t.database));
    expectProblem(await user.get("/api/dev/mail"), 403, "forbidden");
    expect((await user.get("/api/me")).json().abilities["dev.mail.read"]).toBe(false);
    const admin = await signedIn(t, await createUser(t.database, { role: "admin" }));
    expect((await admin.get("/api/dev/mail")).statusCode).toBe(200);
    expect((await admin.get("/api/me")).json().abilities["dev.mail.read"]).toBe(true);
  });

  it("this machine's own browser (a loopback socket peer, IPv4 or IPv6) reads it", async () => {
    const email = randomEmail("loop");
    await new Client(t.app).post("/api/auth/signup", signupBody(email));
    for (const ip of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const local = new Client(t.app, "ru", ip);
      const res = await local.get("/api/dev/mail?pageSize=50");
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((m: { to: string }) => m.to)).toContain(email);
      expect((await local.get("/api/me")).json().abilities["dev.mail.read"]).toBe(true);
    }
  });

  it("X-Forwarded-For: 127.0.0.1 does not make a remote guest local, even behind a trusted proxy", async () => {
    const guest = new Client(proxied.app);
    const spoof = { "x-forwarded-for": "127.0.0.1" };
    expectProblem(await guest.get("/api/dev/mail", spoof), 401);
    expect((await guest.get("/api/me", spoof)).json().abilities["dev.mail.read"]).toBe(false);
  });

  it("the server listens on loopback by default; DEV_MAILBOX decides the mailbox, never in production", () => {
    const dev = loadConfig({});
    expect(dev.host).toBe("127.0.0.1");
    expect(dev.devMailbox).toBe(true);
    // Listening on every interface, or sending real mail, turns the default off.
    expect(loadConfig({ HOST: "0.0.0.0" }).devMailbox).toBe(false);
    expect(loadConfig({ SMTP_URL: "smtp://mail.example.ru:587" }).devMailbox).toBe(false);
    // Behind a proxy on this machine every visitor is a loopback peer: no mailbox unless asked for.
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1" }).devMailbox).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).devMailbox).toBe(false);
    expect(loadConfig({ HOST: "0.0.0.0", DEV_MAILBOX: "on" }).devMailbox).toBe(true);
    expect(loadConfig({ DEV_MAILBOX: "off" }).devMailbox).toBe(false);
    const prod = {
      NODE_ENV: "production",
      PUBLIC_URL: "https://c.example.ru",
      SESSION_SECRET: "s".repeat(40),
      IPLOG_SIGNING_KEY: PRODUCTION_ENV.IPLOG_SIGNING_KEY,
    };
    expect(loadConfig(prod).devMailbox).toBe(false);
    expect(() => loadConfig({ ...prod, DEV_MAILBOX: "on" })).toThrow(/DEV_MAILBOX/);
    expect(() => loadConfig({ DEV_MAILBOX: "yes" })).toThrow(/DEV_MAILBOX/);
  });

  it("with DEV_MAILBOX=off there is no mailbox, even for an admin on this machine", async () => {
    const off = await testApp({ DEV_MAILBOX: "off" });
    try {
      const admin = await signedIn(off, await createUser(off.database, { role: "admin" }));
      expectProblem(await admin.get("/api/dev/mail"), 404, "route-not-found");
      expect((await admin.get("/api/me")).json().abilities).not.toHaveProperty("dev.mail.read");
    } finally {
      await off.close();
    }
  });
});
