import fs from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();

describe("personal data (152-FZ)", () => {
  it("a user requests the export of their data in the account settings and downloads the zip", async () => {
    const page = await signInAs(env, "user@innocluster.demo");
    await page.goto(`${env.server.url}/account#my-data-title`);
    const section = page.getByRole("region", { name: "Мои данные" });
    await section.waitFor();
    // The seed's export was prepared at start; a new one is asked for by keyboard.
    const ask = section.getByRole("button", { name: /Запросить новую выгрузку|Запросить выгрузку/ });
    await ask.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => section.getByText(/Выгрузка готовится/).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, "account: export queued");
    // The job on the real queue prepares it; the page polls and shows the link with its expiry.
    const link = section.getByRole("link", { name: /Скачать архив/ });
    await link.waitFor({ timeout: 60_000 });
    await expect.poll(() => section.getByText(/Ссылка действует до/).count()).toBe(1);
    await expectAccessible(page, "account: export ready");

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^innocluster-data-\d{4}-\d\d-\d\d\.zip$/);
    const file = await download.path();
    const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining([
        "README.txt",
        "accounts.json",
        "organizations.json",
        "notifications.json",
        "audit.json",
      ]),
    );
    const accounts = JSON.parse(Buffer.from(zip["accounts.json"]!).toString("utf8"));
    expect(accounts.account.email).toBe("user@innocluster.demo");
    const orgs = JSON.parse(Buffer.from(zip["organizations.json"]!).toString("utf8"));
    expect(orgs.memberships.map((m: { organization: string }) => m.organization)).toContain(
      "ООО «Нейросенсорика»",
    );
    // Nobody else's address is in it (the demo user's organization has other members).
    const all = Object.values(zip)
      .map((b) => Buffer.from(b).toString("utf8"))
      .join("\n");
    expect(all).not.toMatch(/admin@innocluster\.demo|operator@innocluster\.demo/);

    // Someone else's session cannot fetch it.
    const url = await link.getAttribute("href");
    const other = await signInAs(env, "expert@innocluster.demo");
    const res = await other.evaluate(async (u) => (await fetch(u!)).status, url);
    expect(res).toBe(404);
    await other.context().close();
    await page.context().close();
  });

  it("a user asks to delete the account on a phone, is told what happens, and cancels at sign-in", async () => {
    const page = await signInAs(env, "expert@innocluster.demo", { width: 390, height: 844 });
    await page.goto(`${env.server.url}/account#my-data-title`);
    const section = page.getByRole("region", { name: "Мои данные" });
    await section.getByText(/Отзыв согласия на обработку персональных данных — это тот же запрос/).waitFor();
    await section.getByRole("button", { name: "Удалить учётную запись…" }).click();
    const dialog = page.getByRole("dialog", { name: "Удалить учётную запись?" });
    await dialog.getByRole("textbox", { name: "Пароль" }).fill(DEMO_PASSWORD);
    await dialog.getByRole("checkbox", { name: /отзываю согласие/ }).check();
    await expectAccessible(page, "delete account dialog (phone)");
    await dialog.getByRole("button", { name: "Удалить через 30 дней" }).click();
    await page
      .getByText(/будет удалена .*отменить/i)
      .first()
      .waitFor();
    await page.waitForURL((u) => u.pathname === "/");
    expect((await page.evaluate(async () => (await fetch("/api/me")).json())).user).toBeNull();

    await page.goto(`${env.server.url}/signin`);
    await page.getByLabel("Электронная почта").fill("expert@innocluster.demo");
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти" }).click();
    const pending = page.getByRole("status").filter({ hasText: "Учётная запись ожидает удаления" });
    await pending.waitFor();
    await expectAccessible(page, "sign-in: deletion pending");
    await pending.getByRole("button", { name: "Отменить удаление и войти" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
    expect((await page.evaluate(async () => (await fetch("/api/me")).json())).user.email).toBe(
      "expert@innocluster.demo",
    );
    await page.context().close();
  });

  it("the operator sees the pending erasures with dates and days left", async () => {
    const page = await signInAs(env, "operator@innocluster.demo");
    await page.goto(`${env.server.url}/operator/erasures`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Удаление учётных записей");
    const table = page.getByRole("region", { name: "Ожидающие удаления учётные записи" });
    await expect.poll(() => table.getByText("дней: 18").count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, "operator erasures");
    await page.context().close();
  });
});
