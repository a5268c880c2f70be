import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type Server, startServer } from "./harness.js";

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a newcomer", () => {
  it("signs up, confirms from the mailbox with the password, signs in again, switches to English and signs out", async () => {
    const email = `e2e.${Date.now()}@example.ru`;
    const password = "Skolkovo-Tower-77";

    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator("h1").first().textContent()).toBeTruthy();
    await expectAccessible(page, "home");

    await page.goto(`${server.url}/signup`);
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel("ФИО").fill("Тестова Анна Сергеевна");
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
    await page.getByRole("checkbox").check();
    await expectAccessible(page, "sign-up");
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect.poll(() => page.getByText(/Проверьте почту/).count()).toBeGreaterThan(0);

    // The dev mailbox holds the confirmation mail; its link confirms the address.
    await page.goto(`${server.url}/dev/mail`);
    await page.getByRole("link", { name: "Подтвердите адрес электронной почты" }).first().click();
    await expectAccessible(page, "mail");
    const link = page.getByRole("link", { name: /\/confirm\?token=/ }).first();
    const href = await link.getAttribute("href");
    expect(href).toContain("/confirm?token=");
    // The link alone confirms nothing: the page shows the address and asks for the sign-up's password.
    await page.goto(href!);
    const confirmPassword = page.getByRole("textbox", { name: "Пароль", exact: true });
    await expect
      .poll(() => page.getByRole("textbox", { name: "Электронная почта" }).inputValue())
      .toBe(email);
    await expectAccessible(page, "confirm");
    await confirmPassword.fill("Not-My-Password-1");
    await confirmPassword.press("Enter");
    await expect
      .poll(() => page.getByText(/Это не тот пароль, который был указан при регистрации/).count())
      .toBeGreaterThan(0);
    await expectAccessible(page, "confirm, wrong password");
    await confirmPassword.fill(password);
    await page.getByRole("button", { name: "Подтвердить адрес и войти" }).click();
    // Mailbox and password proven: signed in, on the cabinet.
    await page.waitForURL(/\/(cabinet|desk)$/);
    await page.getByRole("button", { name: "Тестова Анна Сергеевна" }).click();
    await page.getByRole("menuitem", { name: "Выйти" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Войти" }).count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/signin`);
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill("wrong-password-1");
    await page.getByRole("button", { name: "Войти" }).click();
    await expect
      .poll(() => page.getByText("Неверная электронная почта или пароль").count())
      .toBeGreaterThan(0);
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(/\/(cabinet|desk)$/);
    await expect
      .poll(() => page.getByRole("button", { name: "Тестова Анна Сергеевна" }).count())
      .toBeGreaterThan(0);
    await expectAccessible(page, "account");

    await page.getByRole("radiogroup", { name: "Язык" }).getByText("EN").click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: "Тестова Анна Сергеевна" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Sign in" }).count()).toBeGreaterThan(0);
    await expectAccessible(page, "signed out (en)");

    expect((await page.evaluate(async () => (await fetch("/api/me")).json())).user).toBeNull();

    // The language choice was saved on the account: signing in from a fresh browser comes back in English.
    const fresh = await browser.newContext({ locale: "ru-RU" });
    const p2 = await fresh.newPage();
    await p2.goto(`${server.url}/signin`);
    await p2.getByLabel("Электронная почта").fill(email);
    await p2.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
    await p2.getByRole("button", { name: "Войти" }).click();
    await expect.poll(() => p2.locator("html").getAttribute("lang")).toBe("en");
    await fresh.close();
  });

  it("lets the admin find and block a user, and the audit log shows it", async () => {
    const ctx = await browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    await p.goto(`${server.url}/signin`);
    await p.getByLabel("Электронная почта").fill("admin@innocluster.demo");
    await p.getByRole("textbox", { name: "Пароль", exact: true }).fill("Innocluster-demo-2026");
    await p.getByRole("button", { name: "Войти" }).click();
    await p.waitForURL(/\/(cabinet|desk)$/);
    await p.goto(`${server.url}/admin/users`);
    await expect
      .poll(() => p.getByRole("button", { name: "Заблокировать user@innocluster.demo" }).count())
      .toBe(1);
    await expectAccessible(p, "admin users");
    await p.getByRole("button", { name: "Заблокировать user@innocluster.demo" }).click();
    await p.getByLabel("Причина блокировки").fill("Проверка блокировки в браузерном тесте");
    await p.getByRole("dialog").getByRole("button", { name: "Заблокировать" }).click();
    await expect
      .poll(() => p.getByRole("button", { name: "Разблокировать user@innocluster.demo" }).count())
      .toBe(1);

    await p.goto(`${server.url}/audit`);
    await expect.poll(() => p.getByText("user.block").count()).toBeGreaterThan(0);
    await expectAccessible(p, "audit log");
    await ctx.close();
  });

  it("works on a 375 px phone: the menu opens from the burger and every page fits", async () => {
    const phone = await browser.newContext({
      locale: "ru-RU",
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const p = await phone.newPage();
    for (const path of ["/", "/signup", "/signin", "/reset", "/privacy"]) {
      await p.goto(`${server.url}${path}`);
      await expect.poll(() => p.locator("h1").count()).toBeGreaterThan(0);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      await expectAccessible(p, `phone ${path}`);
    }
    await p.getByRole("button", { name: "Открыть меню" }).click();
    await expect.poll(() => p.getByRole("navigation").count()).toBeGreaterThan(0);
    await phone.close();
  });

  it("keeps a second server off the same data folder", async () => {
    const { spawnSync } = await import("node:child_process");
    const r = spawnSync(process.execPath, ["dist/server/main.mjs"], {
      env: { ...process.env, PORT: "0", DATA_DIR: server.dataDir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/in use by another Innocluster process/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("serves on Node.js 24 or newer (the node package's binary, whatever node runs npm)", async () => {
    const { node } = (await (await fetch(`${server.url}/api/health`)).json()) as { node: string };
    expect(Number(node.split(".")[0])).toBeGreaterThanOrEqual(24);
  });
});
