// "Мои команды", in Chromium with axe, on a desktop (1366×900) and a phone (390×844): the captain
// renames the team by keyboard; the new name is what the page shows.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const SIZES = [
  ["desktop", { width: 1366, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const;

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

describe("my teams", () => {
  for (const [label, viewport] of SIZES) {
    it(`the captain renames the team by keyboard (${label})`, async () => {
      const page = await signInAs(env, "user@innocluster.demo", viewport);
      pages.push(page);
      const name = `Команда «Датчики» ${label}`;
      const created = await page.evaluate(async (n) => {
        const res = await fetch("/api/teams", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: n }),
        });
        return res.status;
      }, name);
      expect(created).toBe(201);
      await page.goto(`${env.server.url}/teams`);
      const card = page.getByRole("region", { name });
      await card.getByRole("button", { name: /Переименовать команду/ }).focus();
      await page.keyboard.press("Enter");
      // the field has the focus, with the name to edit
      const field = card.getByRole("textbox", { name: /Название команды/ });
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await field.inputValue()).toBe(name);
      await expectAccessible(page, `renaming a team (${label})`);
      const renamed = `Сенсоры Бауманки ${label}`;
      await field.fill(renamed);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.getByRole("heading", { name: renamed }).count()).toBe(1);
      expect(await page.getByRole("heading", { name, exact: true }).count()).toBe(0);
    });
  }
});
