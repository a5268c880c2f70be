// The IP registry, in Chromium with axe: a participant's owner deposits a file (its SHA-256 computed in
// the browser), downloads the receipt, and a guest verifies the receipt with the file on the public page;
// another file is refused.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const FILE = {
  name: "описание.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\nСпособ охлаждения серверов\n%%EOF\n"),
};

describe("IP deposit", () => {
  it("is deposited with a hash computed in the browser, and its receipt verifies on the public page", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);
    const api = async <T>(path: string) =>
      (await (await operator.request.get(`${env.server.url}${path}`)).json()) as T;
    const seeded = await api<{ items: { lead: { id: string } }[] }>("/api/projects?joint=false&pageSize=1");
    const members = await api<{ email: string | null; role: string }[]>(
      `/api/organizations/${seeded.items[0]!.lead.id}/members`,
    );
    const owner = await signInAs(env, members.find((m) => m.email && m.role === "owner")!.email!);
    pages.push(owner);

    await owner.goto(`${env.server.url}/ipregistry/mine`);
    await expect.poll(() => owner.getByRole("heading", { level: 1 }).textContent()).toBe("Депонирование");
    await owner.locator("input[type=file]").first().setInputFiles(FILE);
    await expect.poll(() => owner.getByTestId("file-hash").count()).toBe(1);
    await owner
      .getByRole("textbox", { name: "Название объекта" })
      .fill("Способ жидкостного охлаждения серверов");
    await owner
      .getByRole("textbox", { name: "Вид объекта" })
      .or(owner.getByRole("combobox", { name: "Вид объекта" }))
      .first()
      .click();
    await owner.getByRole("option", { name: "Изобретение", exact: true }).click();
    await owner.getByRole("textbox", { name: "Авторы" }).fill("Иванов И. И.\nПетрова А. С.");
    await expectAccessible(owner, "the deposit form");
    await owner.getByRole("button", { name: "Депонировать" }).click();
    await expect.poll(() => owner.getByText(/Объект депонирован: запись №/).count()).toBe(1);
    const [download] = await Promise.all([
      owner.waitForEvent("download"),
      owner.getByRole("alert").getByRole("button", { name: "Квитанция (JSON)" }).click(),
    ]);
    const receipt = readFileSync((await download.path())!);
    expect(JSON.parse(receipt.toString()).format).toBe("innocluster-receipt/1");

    // A guest checks it: the right file verifies, another does not.
    const ctx = await env.browser.newContext({ locale: "ru-RU" });
    const guest = await ctx.newPage();
    pages.push(guest);
    await guest.goto(`${env.server.url}/ipregistry/verify`);
    await expect
      .poll(() => guest.getByRole("heading", { level: 1 }).textContent())
      .toBe("Проверить квитанцию");
    const inputs = guest.locator("input[type=file]");
    await inputs
      .nth(0)
      .setInputFiles({ name: "receipt.json", mimeType: "application/json", buffer: receipt });
    await inputs.nth(1).setInputFiles(FILE);
    await guest.getByRole("button", { name: "Проверить" }).click();
    await expect.poll(() => guest.getByText("Квитанция подлинная").count()).toBe(1);
    await expectAccessible(guest, "the verify page");
    await inputs.nth(1).setInputFiles({ ...FILE, buffer: Buffer.from("другой файл") });
    await guest.getByRole("button", { name: "Проверить" }).click();
    await expect.poll(() => guest.getByText(/это не депонированный файл/).count()).toBe(1);

    // The public register lists it.
    await guest.goto(`${env.server.url}/ipregistry`);
    await guest
      .getByRole("textbox", { name: "Поиск по названию и правообладателю" })
      .fill("охлаждение серверов");
    await guest.getByRole("button", { name: "Найти" }).click();
    await expect.poll(() => guest.getByText("Способ жидкостного охлаждения серверов").count()).toBe(1);
    await expectAccessible(guest, "the register");
  });
});
