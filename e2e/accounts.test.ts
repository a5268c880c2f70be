import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PRIVACY_POLICY_VERSION } from "../src/shared/constants.js";
import { DEMO_PASSWORD, expectAccessible, serverAndBrowser } from "./harness.js";

const env = serverAndBrowser();

/** A JSON POST to the API from outside the browser (another machine, as far as the test cares). */
const post = (path: string, body: unknown) =>
  fetch(`${env.server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Whether the challenge's progress line shows (while the browser solves it) within 15 s. */
const challengeShown = (page: Page) =>
  page
    .getByTestId("challenge-progress")
    .waitFor({ state: "visible", timeout: 15_000 })
    .then(
      () => true,
      () => false,
    );

describe("finding 5: anyone can lock an account out", () => {
  it("a user past the failure threshold still signs in: the browser solves the challenge", async () => {
    const email = "user@innocluster.demo";
    // Someone guesses passwords for the account (from this machine too).
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await post("/api/auth/signin", { email, password: `Wrong-Guess-${i}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(428);

    const context = await env.browser.newContext({ locale: "ru-RU", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/signin`);
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(DEMO_PASSWORD);
    // By keyboard: Enter submits; the proof of work needs no click.
    await page.getByRole("textbox", { name: "Пароль", exact: true }).press("Enter");
    // The progress line shows while the browser solves the challenge.
    const challengeSeen = challengeShown(page);
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 60_000 });
    expect(await challengeSeen).toBe(true);
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(me.user.email).toBe(email);
    await expectAccessible(page, "signed in after the challenge");
    await context.close();
  });
});

/** Signs up through the API and returns the confirmation link of the newest mail to the address. */
async function signUpAndGetLink(email: string, password: string, next: string) {
  const res = await post("/api/auth/signup", {
    email,
    fullName: "Громова Ирина Павловна",
    password,
    consent: true,
    policyVersion: PRIVACY_POLICY_VERSION,
    next,
  });
  expect(res.status).toBe(201);
  const list = await (await fetch(`${env.server.url}/api/dev/mail?pageSize=50`)).json();
  const summary = list.items.find((m: { to: string }) => m.to === email);
  const mail = await (await fetch(`${env.server.url}/api/dev/mail/${summary.id}`)).json();
  return mail.text.match(/http\S+\/confirm\?\S+/)[0] as string;
}

describe("finding 3: a confirmation link is useless without its sign-up's password", () => {
  it("the victim opening the attacker's link on a phone is refused and told to sign up again", async () => {
    const email = `victim.${Date.now()}@example.ru`;
    const link = await signUpAndGetLink(email, "Attacker-Owns-It-1", "/measures");
    const context = await env.browser.newContext({ locale: "ru-RU", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(link);
    const password = page.getByRole("textbox", { name: "Пароль", exact: true });
    await expect
      .poll(() => page.getByRole("textbox", { name: "Электронная почта" }).inputValue())
      .toBe(email);
    await expectAccessible(page, "confirm on a phone");
    await password.fill("Victim-Real-Secret-2");
    await password.press("Enter");
    await expect
      .poll(() => page.getByText(/Это не тот пароль, который был указан при регистрации/).count())
      .toBeGreaterThan(0);
    // The field error is on the password, which has the focus again.
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => password.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole("link", { name: "Зарегистрироваться заново" }).getAttribute("href")).toBe(
      "/signup?next=%2Fmeasures",
    );
    await expectAccessible(page, "confirm refused");
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(me.user).toBeNull();
    await context.close();
  });

  it("after many wrong passwords the owner confirms by keyboard: the browser solves the challenge", async () => {
    const email = `owner.${Date.now()}@example.ru`;
    const OWNER_PW = "Owner-Chose-This-3";
    const link = await signUpAndGetLink(email, OWNER_PW, "/measures");
    const token = new URL(link).searchParams.get("token");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await post("/api/auth/confirm", { token, password: `Wrong-Guess-${i}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 428]);

    const context = await env.browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    // English, as chosen earlier in this browser.
    await context.addInitScript(() => localStorage.setItem("innocluster.lang", "en"));
    const page = await context.newPage();
    await page.goto(link);
    const password = page.getByRole("textbox", { name: "Password", exact: true });
    await expect.poll(() => page.getByRole("textbox", { name: "Email" }).inputValue()).toBe(email);
    await expect.poll(() => page.getByText(/Forgot the password, or it was not you/).count()).toBe(1);
    await expectAccessible(page, "confirm (en)");
    await password.fill(OWNER_PW);
    await password.press("Enter");
    const challengeSeen = challengeShown(page);
    await page.waitForURL(/\/measures$/, { timeout: 60_000 });
    expect(await challengeSeen).toBe(true);
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(me.user).toMatchObject({ email, emailConfirmed: true });
    await context.close();
  });
});
