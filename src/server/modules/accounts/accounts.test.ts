import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { counts, expectProblem, fieldErrors, randomEmail, signupBody } from "../../test/assert.js";
import {
  Client,
  createUser,
  mailsTo,
  signedIn,
  TEST_PASSWORD,
  type TestApp,
  testApp,
  testAppForFile,
  tokenFromMail,
} from "../../test/helpers.js";
import { users, userTokens } from "./accounts.schema.js";

const t = testAppForFile();

const signup = signupBody;
const fakeToken = () => randomBytes(32).toString("base64url");
const userByEmail = async (email: string) =>
  (await t.database.db.select().from(users).where(eq(users.email, email)))[0];

describe("sign-up → confirm → sign-in → sign-out", () => {
  it("walks the whole flow", async () => {
    const c = new Client(t.app);
    const email = "olga@example.ru";
    const res = await c.post("/api/auth/signup", signup(email));
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toMatch(/Проверьте почту/);

    const early = await c.post("/api/auth/signin", { email, password: "Lunokhod-1970" });
    expect(early.statusCode).toBe(403);
    expect(early.json().type).toBe("/problems/email-not-confirmed");

    const token = await tokenFromMail(t.database, email, "/confirm");
    // Confirming with the sign-up's password signs in.
    const confirmed = await c.post("/api/auth/confirm", { token, password: "Lunokhod-1970" });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().user.email).toBe(email);
    expect(confirmed.headers["set-cookie"] as string).toMatch(/ic_session=.+HttpOnly/);
    expect((await c.get("/api/me")).json().user.emailConfirmed).toBe(true);
    expect((await c.post("/api/auth/confirm", { token, password: "Lunokhod-1970" })).statusCode).toBe(400);
    expect((await c.post("/api/auth/signout")).statusCode).toBe(204);

    const ok = await c.post("/api/auth/signin", { email, password: "Lunokhod-1970" });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.headers["set-cookie"] as string;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await c.get("/api/me")).json().user.email).toBe(email);

    expect((await c.post("/api/auth/signout")).statusCode).toBe(204);
    expect((await c.get("/api/me")).json().user).toBeNull();
  });
});

describe("sign-up validation", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["a malformed e-mail", { email: "not-an-email" }, "email"],
    ["an e-mail without a domain", { email: "olga@" }, "email"],
    ["a missing full name", { fullName: undefined }, "fullName"],
    ["a one-letter full name", { fullName: "О" }, "fullName"],
    ["a 7-character password", { password: "Abc-123" }, "password"],
    ["a 129-character password", { password: `Aa1-${"x".repeat(125)}` }, "password"],
    ["a common password (password123)", { password: "password123" }, "password"],
    ["a common password (qwertyuiop)", { password: "qwertyuiop" }, "password"],
    ["a common password in other case (QWERTYUIOP)", { password: "QWERTYUIOP" }, "password"],
    ["the e-mail as password", { password: "@SELF@" }, "password"],
    ["consent false", { consent: false }, "consent"],
    ["consent missing", { consent: undefined }, "consent"],
    ["consent as the string true", { consent: "true" }, "consent"],
    ["an unknown locale", { locale: "de" }, "locale"],
    ["an unknown extra field", { isAdmin: true }, "isAdmin"],
  ];

  for (const [name, change, field] of cases) {
    it(`refuses ${name} with a field error on ${field} and writes nothing`, async () => {
      const email = randomEmail("bad");
      const body: Record<string, unknown> = signup(email, change);
      if (body.password === "@SELF@") body.password = email;
      for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
      const before = await counts(t.database);

      const res = await new Client(t.app).post("/api/auth/signup", body);
      const p = expectProblem(res, 400, "validation");
      expect(p.title).toBe("Проверьте заполнение полей");
      expect(Object.keys(fieldErrors(p))).toContain(field);

      expect(await counts(t.database)).toEqual(before);
      expect(await mailsTo(t.database, email)).toHaveLength(0);
    });
  }

  it("names the problem of each field in Russian by default", async () => {
    const res = await new Client(t.app).post(
      "/api/auth/signup",
      signup("x", { fullName: "", password: "short", consent: false }),
    );
    const errors = fieldErrors(expectProblem(res, 400, "validation"));
    expect(errors.email).toMatch(/адрес электронной почты/);
    expect(errors.fullName).toBe("Обязательное поле");
    expect(errors.password).toBe("Не короче 8 символов");
    expect(errors.consent).toMatch(/Без согласия/);
  });

  it("speaks English with Accept-Language: en", async () => {
    const res = await new Client(t.app, "en").post(
      "/api/auth/signup",
      signup("x", { fullName: "", password: "short", consent: false }),
    );
    const p = expectProblem(res, 400, "validation");
    expect(p.title).toBe("Please check the fields");
    const errors = fieldErrors(p);
    expect(errors.email).toMatch(/Enter an e-mail address/);
    expect(errors.fullName).toBe("Required");
    expect(errors.password).toBe("At least 8 characters");
    expect(errors.consent).toMatch(/without consenting/);
  });

  it("explains a common password and a password equal to the e-mail", async () => {
    const common = fieldErrors(
      expectProblem(
        await new Client(t.app, "en").post(
          "/api/auth/signup",
          signup(randomEmail(), { password: "password123" }),
        ),
        400,
      ),
    );
    expect(common.password).toBe("This password is too common; choose another one");
    const email = randomEmail();
    const same = fieldErrors(
      expectProblem(
        await new Client(t.app).post("/api/auth/signup", signup(email, { password: email.toUpperCase() })),
        400,
      ),
    );
    expect(same.password).toBe("Пароль не должен совпадать с адресом почты");
  });

  it("answers 409 policy-outdated to an old policy version and writes nothing", async () => {
    const email = randomEmail();
    const before = await counts(t.database);
    const res = await new Client(t.app).post(
      "/api/auth/signup",
      signup(email, { policyVersion: "2000-01-01" }),
    );
    const p = expectProblem(res, 409, "policy-outdated");
    expect(p.title).toMatch(/политики/);
    expect(await counts(t.database)).toEqual(before);
    expect(await userByEmail(email)).toBeUndefined();
  });

  it("refuses a body that is not an object", async () => {
    const before = await counts(t.database);
    expectProblem(await new Client(t.app).post("/api/auth/signup", [signup(randomEmail())]), 400);
    expect(await counts(t.database)).toEqual(before);
  });
});

describe("sign-up with a taken e-mail", () => {
  it("answers exactly like for a new one, mails the owner a warning and creates no second user", async () => {
    const owner = await createUser(t.database, { email: "taken@example.ru", fullName: "Кузнецов Иван" });
    const fresh = await new Client(t.app).post("/api/auth/signup", signup(randomEmail()));
    const before = await counts(t.database);

    const res = await new Client(t.app).post(
      "/api/auth/signup",
      signup("Taken@Example.ru", { fullName: "Злоумышленник Некто", password: "Another-Pass-77" }),
    );
    expect(res.statusCode).toBe(fresh.statusCode);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual(fresh.json());

    const mails = await mailsTo(t.database, owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.template).toBe("signup-existing");
    expect(mails[0]!.text).not.toMatch(/\/confirm\?token=/);
    const after = await counts(t.database);
    expect(after.users).toBe(before.users);

    // The owner's account is untouched: name and password stay.
    const u = await userByEmail(owner.email);
    expect(u!.fullName).toBe("Кузнецов Иван");
    expect((await new Client(t.app).signIn(owner)).statusCode).toBe(200);
    expect((await new Client(t.app).signIn(owner, "Another-Pass-77")).statusCode).toBe(401);
  });

  it("mails the confirmation in the language chosen at sign-up", async () => {
    const email = randomEmail();
    expect(
      (await new Client(t.app, "en").post("/api/auth/signup", signup(email, { locale: "en" }))).statusCode,
    ).toBe(201);
    const [m] = await mailsTo(t.database, email);
    expect(m!.template).toBe("confirm-email");
    expect(m!.subject).toBe("Confirm your e-mail address");
    expect(m!.text).toMatch(/Hello Смирнова Ольга Андреевна/);
    expect(m!.text).toMatch(/http:\/\/localhost:3000\/confirm\?token=/);
  });
});

describe("e-mail confirmation", () => {
  async function signUpFresh() {
    const email = randomEmail("conf");
    const c = new Client(t.app);
    expect((await c.post("/api/auth/signup", signup(email))).statusCode).toBe(201);
    return { c, email, token: await tokenFromMail(t.database, email, "/confirm") };
  }

  it("refuses an unknown token with 400 invalid-token and leaves the user unconfirmed", async () => {
    const { c, email } = await signUpFresh();
    const p = expectProblem(
      await c.post("/api/auth/confirm", { token: fakeToken(), password: "Lunokhod-1970" }),
      400,
      "invalid-token",
    );
    expect(p.title).toMatch(/Ссылка недействительна/);
    expect((await userByEmail(email))!.emailConfirmedAt).toBeNull();
    expectProblem(
      await c.post("/api/auth/signin", { email, password: "Lunokhod-1970" }),
      403,
      "email-not-confirmed",
    );
  });

  it("refuses a token used once already", async () => {
    const { c, token } = await signUpFresh();
    expect((await c.post("/api/auth/confirm", { token, password: "Lunokhod-1970" })).json().message).toMatch(
      /Адрес подтверждён/,
    );
    const p = expectProblem(
      await new Client(t.app, "en").post("/api/auth/confirm", { token, password: "Lunokhod-1970" }),
      400,
      "invalid-token",
    );
    expect(p.title).toMatch(/already used/);
  });

  it("refuses an expired token", async () => {
    const { c, email, token } = await signUpFresh();
    const user = await userByEmail(email);
    await t.database.db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userTokens.userId, user!.id));
    expectProblem(
      await c.post("/api/auth/confirm", { token, password: "Lunokhod-1970" }),
      400,
      "invalid-token",
    );
    expect((await userByEmail(email))!.emailConfirmedAt).toBeNull();
  });

  it("resend-confirmation mails a new link and the old one stops working", async () => {
    const { c, email, token: old } = await signUpFresh();
    const res = await c.post("/api/auth/resend-confirmation", { email });
    expect(res.statusCode).toBe(202);
    expect(res.json().message).toMatch(/отправили письмо повторно/);
    expect(await mailsTo(t.database, email)).toHaveLength(2);
    const fresh = await tokenFromMail(t.database, email, "/confirm");
    expect(fresh).not.toBe(old);

    expectProblem(
      await c.post("/api/auth/confirm", { token: old, password: "Lunokhod-1970" }),
      400,
      "invalid-token",
    );
    expect((await c.post("/api/auth/confirm", { token: fresh, password: "Lunokhod-1970" })).statusCode).toBe(
      200,
    );
    expect((await c.post("/api/auth/signin", { email, password: "Lunokhod-1970" })).statusCode).toBe(200);
  });

  it("resend-confirmation answers the same for an unknown address and mails nothing", async () => {
    const email = randomEmail("nobody");
    const res = await new Client(t.app).post("/api/auth/resend-confirmation", { email });
    expect(res.statusCode).toBe(202);
    expect(await mailsTo(t.database, email)).toHaveLength(0);
  });

  it("refuses a malformed token as a field error", async () => {
    const p = expectProblem(
      await new Client(t.app).post("/api/auth/confirm", { token: "short", password: "Lunokhod-1970" }),
      400,
      "validation",
    );
    expect(Object.keys(fieldErrors(p))).toEqual(["token"]);
  });
});

describe("sign-up keeps `next` (where to go after signing in) in the confirmation link", () => {
  const NEXT = "/organizations/new";
  const ENCODED = "%2Forganizations%2Fnew";
  const confirmLink = async (email: string) => {
    const [m] = await mailsTo(t.database, email);
    expect(m!.template).toBe("confirm-email");
    const url = m!.text.match(/http:\/\/localhost:3000\/confirm\?\S+/)?.[0];
    expect(url, m!.text).toBeTruthy();
    expect(m!.html).toContain(url!.replaceAll("&", "&amp;"));
    return new URL(url!);
  };

  it("mails /confirm?token=…&next=<encoded path>, and the token still confirms", async () => {
    const email = randomEmail("next");
    const c = new Client(t.app);
    const res = await c.post("/api/auth/signup", signup(email, { next: NEXT }));
    expect(res.statusCode).toBe(201);
    expect(res.json().message).toMatch(/Проверьте почту/);

    const [m] = await mailsTo(t.database, email);
    expect(m!.text).toMatch(new RegExp(`/confirm\\?token=[\\w-]+&next=${ENCODED}(\\s|$)`));
    const url = await confirmLink(email);
    expect([...url.searchParams.keys()]).toEqual(["token", "next"]);
    expect(url.searchParams.get("next")).toBe(NEXT);

    const token = await tokenFromMail(t.database, email, "/confirm");
    expect(token).toBe(url.searchParams.get("token"));
    expect((await c.post("/api/auth/confirm", { token, password: "Lunokhod-1970" })).statusCode).toBe(200);
    expect((await c.post("/api/auth/signin", { email, password: "Lunokhod-1970" })).statusCode).toBe(200);
  });

  it("encodes a path with a query string", async () => {
    const email = randomEmail("next");
    const next = "/invitations/abc-DEF_123?x=1&y=два";
    expect((await new Client(t.app).post("/api/auth/signup", signup(email, { next }))).statusCode).toBe(201);
    const url = await confirmLink(email);
    expect(url.search).toContain(`&next=${encodeURIComponent(next)}`);
    expect(url.searchParams.get("next")).toBe(next);
  });

  it("without `next` the link is as before: only the token", async () => {
    const email = randomEmail("next");
    expect((await new Client(t.app).post("/api/auth/signup", signup(email))).statusCode).toBe(201);
    const url = await confirmLink(email);
    expect([...url.searchParams.keys()]).toEqual(["token"]);
    expect(url.pathname).toBe("/confirm");
    const [m] = await mailsTo(t.database, email);
    expect(m!.text).not.toMatch(/next=/);
  });

  it("keeps `next` for a repeated sign-up of an unconfirmed address and in a re-sent mail", async () => {
    const email = randomEmail("next");
    expect((await new Client(t.app).post("/api/auth/signup", signup(email))).statusCode).toBe(201);
    const again = await new Client(t.app).post("/api/auth/signup", signup(email, { next: NEXT }));
    expect(again.statusCode).toBe(201);
    expect((await confirmLink(email)).searchParams.get("next")).toBe(NEXT);

    const resent = await new Client(t.app).post("/api/auth/resend-confirmation", {
      email,
      next: "/measures",
    });
    expect(resent.statusCode).toBe(202);
    expect(await mailsTo(t.database, email)).toHaveLength(3);
    const url = await confirmLink(email);
    expect(url.searchParams.get("next")).toBe("/measures");
    expect(
      (
        await new Client(t.app).post("/api/auth/confirm", {
          token: url.searchParams.get("token"),
          password: "Lunokhod-1970",
        })
      ).statusCode,
    ).toBe(200);

    // Re-sent without `next`: the link carries none.
    const other = randomEmail("next");
    expect((await new Client(t.app).post("/api/auth/signup", signup(other, { next: NEXT }))).statusCode).toBe(
      201,
    );
    expect((await new Client(t.app).post("/api/auth/resend-confirmation", { email: other })).statusCode).toBe(
      202,
    );
    expect([...(await confirmLink(other)).searchParams.keys()]).toEqual(["token"]);
  });

  it("does not add `next` to the warning mailed for a taken, confirmed address", async () => {
    const owner = await createUser(t.database, { email: randomEmail("owner") });
    const res = await new Client(t.app).post(
      "/api/auth/signup",
      signup(owner.email, { password: "Another-Pass-77", next: NEXT }),
    );
    expect(res.statusCode).toBe(201);
    const [m] = await mailsTo(t.database, owner.email);
    expect(m!.template).toBe("signup-existing");
    expect(m!.text).not.toMatch(/next=|\/confirm/);
  });

  const bad: [string, string][] = [
    ["another host (//evil.example)", "//evil.example"],
    ["another host with a backslash (/\\evil.example)", "/\\evil.example"],
    ["an absolute URL", "https://evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "organizations/new"],
    ["a tab, which browsers drop (/<tab>/evil.example)", "/\t/evil.example"],
    ["a newline", "/account\nx"],
    ["an empty string", ""],
    ["600 characters", `/${"a".repeat(599)}`],
  ];
  for (const [name, next] of bad) {
    it(`refuses ${name} as a field error on next and writes nothing`, async () => {
      const email = randomEmail("badnext");
      const before = await counts(t.database);
      const p = expectProblem(
        await new Client(t.app).post("/api/auth/signup", signup(email, { next })),
        400,
        "validation",
      );
      expect(Object.keys(fieldErrors(p))).toEqual(["next"]);
      expect(await counts(t.database)).toEqual(before);
      expect(await userByEmail(email)).toBeUndefined();
      expect(await mailsTo(t.database, email)).toHaveLength(0);
    });
  }

  it("accepts exactly 500 characters", async () => {
    const email = randomEmail("next");
    const next = `/${"a".repeat(499)}`;
    expect((await new Client(t.app).post("/api/auth/signup", signup(email, { next }))).statusCode).toBe(201);
    expect((await confirmLink(email)).searchParams.get("next")).toBe(next);
  });

  it("names the problem in Russian and in English", async () => {
    const ru = fieldErrors(
      expectProblem(
        await new Client(t.app).post(
          "/api/auth/signup",
          signup(randomEmail(), { next: "https://evil.example" }),
        ),
        400,
      ),
    );
    expect(ru.next).toBe("Адрес перехода должен быть страницей этого сайта и начинаться с «/»");
    const en = fieldErrors(
      expectProblem(
        await new Client(t.app, "en").post(
          "/api/auth/signup",
          signup(randomEmail(), { next: "//evil.example" }),
        ),
        400,
      ),
    );
    expect(en.next).toBe("The page to return to must be a path on this site starting with “/”");
    const long = fieldErrors(
      expectProblem(
        await new Client(t.app).post(
          "/api/auth/signup",
          signup(randomEmail(), { next: `/${"a".repeat(599)}` }),
        ),
        400,
      ),
    );
    expect(long.next).toBe("Не длиннее 500 символов");
  });

  it("resend-confirmation refuses a bad next the same way and mails nothing", async () => {
    const email = randomEmail("next");
    expect((await new Client(t.app).post("/api/auth/signup", signup(email))).statusCode).toBe(201);
    const before = await counts(t.database);
    const p = expectProblem(
      await new Client(t.app).post("/api/auth/resend-confirmation", { email, next: "//evil.example" }),
      400,
      "validation",
    );
    expect(Object.keys(fieldErrors(p))).toEqual(["next"]);
    expect(await counts(t.database)).toEqual(before);
    expect(await mailsTo(t.database, email)).toHaveLength(1);
  });
});

describe("sign-in", () => {
  it("gives the same 401 for a wrong password and an unknown e-mail", async () => {
    const u = await createUser(t.database);
    const wrong = await new Client(t.app).post("/api/auth/signin", {
      email: u.email,
      password: "Wrong-Pass-1",
    });
    const unknown = await new Client(t.app).post("/api/auth/signin", {
      email: randomEmail(),
      password: "Wrong-Pass-1",
    });
    const a = expectProblem(wrong, 401, "invalid-credentials");
    const b = expectProblem(unknown, 401, "invalid-credentials");
    expect(a.title).toBe("Неверная электронная почта или пароль");
    expect(b).toEqual(a);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
  });

  it("refuses an unconfirmed user with 403 email-not-confirmed and no session", async () => {
    const u = await createUser(t.database, { confirmed: false });
    const c = new Client(t.app, "en");
    const p = expectProblem(await c.signIn(u), 403);
    expect(p.type).toBe("/problems/email-not-confirmed");
    expect(p.title).toBe("Please confirm your e-mail: we sent you a link");
    expect((await c.get("/api/me")).json().user).toBeNull();
  });

  it("refuses a blocked user with 403 account-blocked naming the reason", async () => {
    const u = await createUser(t.database);
    await t.database.db
      .update(users)
      .set({ blockedAt: new Date(), blockedReason: "рассылка спама" })
      .where(eq(users.id, u.id));
    const c = new Client(t.app);
    const p = expectProblem(await c.signIn(u), 403);
    expect(p.type).toBe("/problems/account-blocked");
    expect(p.title).toBe("Учётная запись заблокирована: рассылка спама");
    expect((await c.get("/api/me")).json().user).toBeNull();
  });

  it("accepts the e-mail in another case and with spaces around it", async () => {
    const u = await createUser(t.database, { email: "case.test@example.ru" });
    const c = new Client(t.app);
    const res = await c.post("/api/auth/signin", {
      email: "  CASE.Test@Example.RU ",
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(u.id);
  });

  it("rotates the session token at every sign-in; the old token stops working", async () => {
    const u = await createUser(t.database);
    const c = new Client(t.app);
    expect((await c.signIn(u)).statusCode).toBe(200);
    const first = c.cookies.get("ic_session")!;
    expect(first).toBeTruthy();
    expect((await c.signIn(u)).statusCode).toBe(200);
    const second = c.cookies.get("ic_session")!;
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    const stale = new Client(t.app);
    stale.cookies.set("ic_session", first);
    expect((await stale.get("/api/me")).json().user).toBeNull();
    expect((await c.get("/api/me")).json().user.id).toBe(u.id);
    // Only the new session is left.
    expect((await c.get("/api/me/sessions")).json().items).toHaveLength(1);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, Path=/ and not Secure over http", async () => {
    const u = await createUser(t.database);
    const res = await new Client(t.app).signIn(u);
    const cookie = res.headers["set-cookie"] as string;
    expect(cookie).toMatch(/^ic_session=[\w-]{20,}/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it("ignores a made-up session cookie", async () => {
    const c = new Client(t.app);
    c.cookies.set("ic_session", fakeToken());
    const me = await c.get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toBeNull();
    expectProblem(await c.get("/api/me/sessions"), 401, "unauthorized");
  });

  it("signs out: the cookie is cleared and the token no longer works", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    const token = c.cookies.get("ic_session")!;
    const res = await c.post("/api/auth/signout");
    expect(res.statusCode).toBe(204);
    expect(String(res.headers["set-cookie"])).toMatch(/ic_session=;/);
    const stale = new Client(t.app);
    stale.cookies.set("ic_session", token);
    expect((await stale.get("/api/me")).json().user).toBeNull();
  });
});

describe("sign-in behind https", () => {
  let https: TestApp;
  beforeAll(async () => {
    https = await testApp({ PUBLIC_URL: "https://x.example" });
  });
  afterAll(() => https.close());

  it("marks the session cookie Secure", async () => {
    const u = await createUser(https.database);
    const res = await new Client(https.app).post("/api/auth/signin", {
      email: u.email,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.headers["set-cookie"] as string;
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it("puts the public https address in mailed links", async () => {
    const email = randomEmail();
    expect((await new Client(https.app).post("/api/auth/signup", signup(email))).statusCode).toBe(201);
    const [m] = await mailsTo(https.database, email);
    expect(m!.text).toMatch(/https:\/\/x\.example\/confirm\?token=/);
  });
});

describe("password reset", () => {
  it("answers the same 202 for an unknown address and mails nothing", async () => {
    const email = randomEmail("ghost");
    const known = await createUser(t.database);
    const a = await new Client(t.app).post("/api/auth/password-reset", { email });
    const b = await new Client(t.app).post("/api/auth/password-reset", { email: known.email });
    expect(a.statusCode).toBe(202);
    expect(b.statusCode).toBe(202);
    expect(a.json()).toEqual(b.json());
    expect(a.json().message).toMatch(/Если такой адрес зарегистрирован/);
    expect(await mailsTo(t.database, email)).toHaveLength(0);
    const [m] = await mailsTo(t.database, known.email);
    expect(m!.template).toBe("reset-password");
    expect(m!.text).toMatch(/http:\/\/localhost:3000\/reset\?token=/);
  });

  it("sets the new password with the token and ends every session of the user", async () => {
    const u = await createUser(t.database);
    const laptop = await signedIn(t, u);
    const phone = await signedIn(t, u);
    const c = new Client(t.app);
    expect((await c.post("/api/auth/password-reset", { email: u.email })).statusCode).toBe(202);
    const token = await tokenFromMail(t.database, u.email, "/reset");

    const res = await c.post("/api/auth/password-reset/confirm", { token, password: "Brand-New-Secret-9" });
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toMatch(/Пароль изменён/);

    expect((await laptop.get("/api/me")).json().user).toBeNull();
    expect((await phone.get("/api/me")).json().user).toBeNull();
    expectProblem(await new Client(t.app).signIn(u), 401, "invalid-credentials");
    expect((await new Client(t.app).signIn(u, "Brand-New-Secret-9")).statusCode).toBe(200);

    // Single use.
    expectProblem(
      await c.post("/api/auth/password-reset/confirm", { token, password: "Other-New-Secret-9" }),
      400,
      "invalid-token",
    );
    expect((await new Client(t.app).signIn(u, "Other-New-Secret-9")).statusCode).toBe(401);
  });

  it("refuses an expired token and keeps the old password", async () => {
    const u = await createUser(t.database);
    const c = new Client(t.app);
    await c.post("/api/auth/password-reset", { email: u.email });
    const token = await tokenFromMail(t.database, u.email, "/reset");
    await t.database.db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(userTokens.userId, u.id));
    expectProblem(
      await c.post("/api/auth/password-reset/confirm", { token, password: "Brand-New-Secret-9" }),
      400,
      "invalid-token",
    );
    expect((await new Client(t.app).signIn(u)).statusCode).toBe(200);
  });

  it("refuses a common password with a field error; the token stays usable", async () => {
    const u = await createUser(t.database);
    const session = await signedIn(t, u);
    const c = new Client(t.app, "en");
    await c.post("/api/auth/password-reset", { email: u.email });
    const token = await tokenFromMail(t.database, u.email, "/reset");

    const p = expectProblem(
      await c.post("/api/auth/password-reset/confirm", { token, password: "password123" }),
      400,
    );
    expect(fieldErrors(p).password).toBe("This password is too common; choose another one");
    // Nothing changed: the old password and the existing session still work.
    expect((await session.get("/api/me")).json().user.id).toBe(u.id);
    expect((await new Client(t.app).signIn(u)).statusCode).toBe(200);

    const again = await c.post("/api/auth/password-reset/confirm", { token, password: "Brand-New-Secret-9" });
    expect(again.statusCode).toBe(200);
    expect((await new Client(t.app).signIn(u, "Brand-New-Secret-9")).statusCode).toBe(200);
  });

  it("a newer reset link replaces the older one", async () => {
    const u = await createUser(t.database);
    const c = new Client(t.app);
    await c.post("/api/auth/password-reset", { email: u.email });
    const first = await tokenFromMail(t.database, u.email, "/reset");
    await c.post("/api/auth/password-reset", { email: u.email });
    const second = await tokenFromMail(t.database, u.email, "/reset");
    expect(second).not.toBe(first);
    expectProblem(
      await c.post("/api/auth/password-reset/confirm", { token: first, password: "Brand-New-Secret-9" }),
      400,
      "invalid-token",
    );
    expect(
      (await c.post("/api/auth/password-reset/confirm", { token: second, password: "Brand-New-Secret-9" }))
        .statusCode,
    ).toBe(200);
  });

  it("refuses a too short new password as a field error", async () => {
    const p = expectProblem(
      await new Client(t.app).post("/api/auth/password-reset/confirm", {
        token: fakeToken(),
        password: "short",
      }),
      400,
      "validation",
    );
    expect(Object.keys(fieldErrors(p))).toEqual(["password"]);
  });
});

describe("change password", () => {
  it("refuses a wrong current password with a field error and changes nothing", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    const other = await signedIn(t, u);
    const p = expectProblem(
      await c.post("/api/me/password", {
        currentPassword: "Not-My-Pass-1",
        newPassword: "Brand-New-Secret-9",
      }),
      400,
      "wrong-password",
    );
    expect(fieldErrors(p).currentPassword).toBe("Текущий пароль указан неверно");
    expect((await other.get("/api/me")).json().user.id).toBe(u.id);
    expect((await new Client(t.app).signIn(u)).statusCode).toBe(200);
    expect(await mailsTo(t.database, u.email)).toHaveLength(0);
  });

  it("refuses a common new password on the field newPassword", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    const p = expectProblem(
      await c.post("/api/me/password", { currentPassword: TEST_PASSWORD, newPassword: "qwertyuiop" }),
      400,
    );
    expect(Object.keys(fieldErrors(p))).toEqual(["newPassword"]);
  });

  it("changes the password, ends the other sessions, keeps this one and mails password-changed", async () => {
    const u = await createUser(t.database, { locale: "en" });
    const c = await signedIn(t, u);
    const other = await signedIn(t, u);
    const res = await c.post("/api/me/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "Brand-New-Secret-9",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().message).toBe("Your password has been changed. Your other sessions have ended.");

    expect((await c.get("/api/me")).json().user.id).toBe(u.id);
    expect((await other.get("/api/me")).json().user).toBeNull();
    expect((await c.get("/api/me/sessions")).json().items).toHaveLength(1);

    const mails = await mailsTo(t.database, u.email);
    expect(mails.map((m) => m.template)).toEqual(["password-changed"]);
    expect(mails[0]!.subject).toBe("Your password was changed");

    expect((await new Client(t.app).signIn(u, "Brand-New-Secret-9")).statusCode).toBe(200);
    expect((await new Client(t.app).signIn(u)).statusCode).toBe(401);
  });

  it("needs a signed-in user", async () => {
    expectProblem(
      await new Client(t.app).post("/api/me/password", {
        currentPassword: TEST_PASSWORD,
        newPassword: "Brand-New-Secret-9",
      }),
      401,
      "unauthorized",
    );
  });
});

describe("sessions", () => {
  it("lists the user's sessions and flags the current one", async () => {
    const u = await createUser(t.database);
    const a = await signedIn(t, u);
    const b = await signedIn(t, u);
    const list = (await a.get("/api/me/sessions")).json().items as {
      id: string;
      current: boolean;
      ip: string;
    }[];
    expect(list).toHaveLength(2);
    const current = list.filter((s) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]!.ip).toBe(a.ip);
    const fromB = (await b.get("/api/me/sessions")).json().items as { id: string; current: boolean }[];
    expect(fromB.find((s) => s.current)!.id).not.toBe(current[0]!.id);
  });

  it("ending another session signs that client out; ending the current one clears it", async () => {
    const u = await createUser(t.database);
    const a = await signedIn(t, u);
    const b = await signedIn(t, u);
    const list = (await a.get("/api/me/sessions")).json().items as { id: string; current: boolean }[];
    const other = list.find((s) => !s.current)!;
    const mine = list.find((s) => s.current)!;

    expect((await a.delete(`/api/me/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await b.get("/api/me")).json().user).toBeNull();
    expect((await a.get("/api/me")).json().user.id).toBe(u.id);

    const res = await a.delete(`/api/me/sessions/${mine.id}`);
    expect(res.statusCode).toBe(204);
    expect(String(res.headers["set-cookie"])).toMatch(/ic_session=;/);
    expect(a.cookies.has("ic_session")).toBe(false);
    expect((await a.get("/api/me")).json().user).toBeNull();
  });

  it("answers 404 for another user's session and leaves it alive", async () => {
    const alice = await signedIn(t, await createUser(t.database));
    const bob = await signedIn(t, await createUser(t.database));
    const bobSession = ((await bob.get("/api/me/sessions")).json().items as { id: string }[])[0]!.id;
    expectProblem(await alice.delete(`/api/me/sessions/${bobSession}`), 404, "not-found");
    expect((await bob.get("/api/me")).json().user).not.toBeNull();
  });

  it("refuses a malformed session id with 400", async () => {
    const c = await signedIn(t, await createUser(t.database));
    const p = expectProblem(await c.delete("/api/me/sessions/not-a-uuid"), 400, "validation");
    expect(fieldErrors(p).id).toBe("Неверный идентификатор");
  });

  it("needs a signed-in user", async () => {
    expectProblem(await new Client(t.app).get("/api/me/sessions"), 401, "unauthorized");
  });
});

describe("profile", () => {
  it("changes the full name and language", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    const res = await c.patch("/api/me", { fullName: "  Иванова Мария  ", locale: "en" });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ fullName: "Иванова Мария", locale: "en" });
    expect((await c.get("/api/me")).json().user).toMatchObject({ fullName: "Иванова Мария", locale: "en" });
  });

  it("after locale=en, problems come in English even with Accept-Language: ru", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u, "ru");
    expect((await c.patch("/api/me", { locale: "en" })).statusCode).toBe(200);
    const p = expectProblem(await c.patch("/api/me", { fullName: "Я" }), 400, "validation");
    expect(p.title).toBe("Please check the fields");
    expect(fieldErrors(p).fullName).toBe("At least 2 characters");
    expect((await c.get("/api/me")).json().user.fullName).toBe(u.fullName);
  });

  it("refuses an unknown language and unknown fields", async () => {
    const c = await signedIn(t, await createUser(t.database));
    expect(Object.keys(fieldErrors(expectProblem(await c.patch("/api/me", { locale: "de" }), 400)))).toEqual([
      "locale",
    ]);
    expect(Object.keys(fieldErrors(expectProblem(await c.patch("/api/me", { role: "admin" }), 400)))).toEqual(
      ["role"],
    );
    expect((await c.get("/api/me")).json().user).toMatchObject({ role: "user", locale: "ru" });
  });

  it("needs a signed-in user", async () => {
    expectProblem(
      await new Client(t.app).patch("/api/me", { fullName: "Иванова Мария" }),
      401,
      "unauthorized",
    );
  });

  it("/api/me tells a guest user null and no abilities", async () => {
    const res = await new Client(t.app).get("/api/me");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const body = res.json();
    expect(body.user).toBeNull();
    expect(body.abilities).toMatchObject({ "admin.users.list": false, "audit.read": false });
  });
});

describe("text fields with a NUL character", () => {
  it("refuses a full name with U+0000 at sign-up as a field error, not a server error", async () => {
    const email = randomEmail();
    const before = await counts(t.database);
    const res = await new Client(t.app).post(
      "/api/auth/signup",
      signup(email, { fullName: "Иван\u0000Петров" }),
    );
    const p = expectProblem(res, 400, "validation");
    expect(Object.keys(fieldErrors(p))).toContain("fullName");
    expect(await counts(t.database)).toEqual(before);
  });

  it("refuses a full name with U+0000 in the profile", async () => {
    const u = await createUser(t.database);
    const c = await signedIn(t, u);
    const p = expectProblem(await c.patch("/api/me", { fullName: "Иван\u0000Петров" }), 400, "validation");
    expect(Object.keys(fieldErrors(p))).toContain("fullName");
    expect((await c.get("/api/me")).json().user.fullName).toBe(u.fullName);
  });
});
