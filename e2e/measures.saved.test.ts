// Following the navigator, in Chromium with axe: a signed-in member saves a search of the navigator and
// marks a measure as a favourite; both are on "Избранное и подписки" (/measures/saved), built from the
// same blocks as the exchanges' saved page (src/web/components/follow.tsx, savedPage.tsx).
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

describe("the navigator's saved searches and favourites", () => {
  it("saves a search and marks a measure, then finds both on the saved page and deletes the search", async () => {
    const page = await signInAs(env, "user@innocluster.demo", { width: 1366, height: 900 });
    pages.push(page);

    // A grant search of the navigator, saved under a name of one's own.
    await page.goto(`${env.server.url}/measures?form=grant`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Сохранить поиск" }).click();
    const name = page.getByRole("textbox", { name: /Название поиска/ });
    await expect.poll(() => name.inputValue()).toBe("Мой поиск мер");
    await name.fill("Гранты для нашей компании");
    await expectAccessible(page, "save a navigator search");
    await page.getByRole("button", { name: "Сохранить", exact: true }).click();
    await expect.poll(() => page.getByText("Поиск сохранён", { exact: false }).count()).toBeGreaterThan(0);

    // A measure of that search: the favourite button flips and says so.
    const first = page.getByRole("article").first().getByRole("link").first();
    const title = (await first.textContent()) ?? "";
    await first.click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(title);
    const toggle = page.getByRole("button", { name: /^(В избранное|В избранном)$/ });
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toMatch(/^(true|false)$/);
    if ((await toggle.getAttribute("aria-pressed")) === "true") {
      await toggle.click();
      await expect.poll(() => page.getByRole("button", { name: "В избранное" }).count()).toBe(1);
    }
    await page.getByRole("button", { name: "В избранное" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "В избранном" }).getAttribute("aria-pressed"))
      .toBe("true");
    await expectAccessible(page, "measure marked as a favourite");

    await page.getByRole("link", { name: "Избранное и подписки" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Избранное и подписки");
    const search = page.getByRole("link", { name: "Гранты для нашей компании" });
    await expect.poll(() => search.count()).toBe(1);
    expect(await search.getAttribute("href")).toMatch(/^\/measures\?.*form=grant/);
    await expect.poll(() => page.getByRole("link", { name: title }).count()).toBeGreaterThan(0);
    await expectAccessible(page, "saved measures and searches");

    // Deleting the search removes it from the list.
    await page.getByRole("button", { name: "Удалить поиск «Гранты для нашей компании»" }).click();
    await expect.poll(() => search.count()).toBe(0);
  });
});
