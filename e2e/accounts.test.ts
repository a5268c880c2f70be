import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, expectAccessible, serverAndBrowser } from "./harness.js";

const env = serverAndBrowser();

describe("finding 5: anyone can lock an account out", () => {
  it("a user past the failure threshold still signs in: the browser solves the challenge", async () => {
    const email = "user@innocluster.demo";
    // Someone guesses passwords for the account (from this machine too).
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await fetch(`${env.server.url}/api/auth/signin`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: `Wrong-Guess-${i}` }),
      });
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
    const challengeSeen = page
      .getByTestId("challenge-progress")
      .waitFor({ state: "visible", timeout: 15_000 })
      .then(
        () => true,
        () => false,
      );
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 60_000 });
    expect(await challengeSeen).toBe(true);
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(me.user.email).toBe(email);
    await expectAccessible(page, "signed in after the challenge");
    await context.close();
  });
});
