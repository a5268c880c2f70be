// Following the exchanges, in Chromium with axe: a signed-in member stars a manufacturer's listing and
// saves a search of the premises catalog; both are on "Избранное и поиски" (/listings/saved).
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

describe("favourites and saved searches", () => {
  it("stars a listing and saves a search, then finds both on the saved page", async () => {
    const page = await signInAs(env, "user@innocluster.demo", { width: 1366, height: 900 });
    pages.push(page);

    // A manufacturer's listing (not the member's organization's): the star.
    await page.goto(`${env.server.url}/exchanges/capability`, { waitUntil: "networkidle" });
    const first = page.getByRole("article").first().getByRole("link").first();
    const title = (await first.textContent()) ?? "";
    await first.click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(title);
    await page.getByRole("button", { name: "В избранное" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "В избранном" }).getAttribute("aria-pressed"))
      .toBe("true");
    await expectAccessible(page, "listing with the star");

    // The premises catalog with a filter: saved under a name.
    await page.goto(`${env.server.url}/exchanges/premises?premisesType=warehouse`, {
      waitUntil: "networkidle",
    });
    await page.getByRole("button", { name: "Сохранить поиск" }).click();
    const name = page.getByRole("textbox", { name: /Название/ });
    await name.fill("Склады в Москве");
    await page.getByRole("button", { name: "Сохранить", exact: true }).click();
    await expect.poll(() => page.getByText("Поиск сохранён", { exact: false }).count()).toBeGreaterThan(0);

    await page.goto(`${env.server.url}/listings/saved`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Избранное и поиски");
    const search = page.getByRole("link", { name: "Склады в Москве" });
    await expect.poll(() => search.count()).toBe(1);
    expect(await search.getAttribute("href")).toBe("/exchanges/premises?premisesType=warehouse");
    await expect.poll(() => page.getByRole("link", { name: title }).count()).toBe(1);
    await expectAccessible(page, "saved listings and searches");

    // Deleting the search leaves the empty state with the way back to the exchanges.
    await page.getByRole("button", { name: "Удалить поиск «Склады в Москве»" }).click();
    await expect.poll(() => page.getByText(/Сохранённых поисков нет/).count()).toBe(1);
  });
});
