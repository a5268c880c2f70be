// News, in Chromium with axe: the operator writes an article with a cover and publishes it; a guest
// finds it in the list by a word, reads it, and the page names its feeds.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { coverPng } from "../src/server/seed/news.js";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const TITLE = "Итоги пилота умных светофоров в Зеленограде";

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("news", () => {
  it("the operator publishes an article with a cover; a guest finds and reads it", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);
    await operator.goto(`${env.server.url}/operator/news/new`);
    await expect.poll(() => heading(operator)).toBe("Новая новость");
    await operator.getByRole("textbox", { name: /^Заголовок/ }).fill(TITLE);
    await operator
      .getByRole("textbox", { name: /^Лид/ })
      .fill("Светофоры с адаптивным управлением сократили время ожидания на перекрёстках на 18%.");
    await operator
      .getByRole("textbox", { name: /^Текст/ })
      .fill(
        "Пилот длился три месяца на шести перекрёстках.\n\n## Что дальше\n\n- масштабирование на весь округ\n- **открытые данные** о потоках",
      );
    await operator.getByRole("textbox", { name: /^Теги/ }).fill("пилоты, транспорт");
    await operator.locator('input[type="file"]').setInputFiles({
      name: "svetofor.png",
      mimeType: "image/png",
      buffer: coverPng(3),
    });
    await operator.getByRole("textbox", { name: /^Описание обложки/ }).fill("Перекрёсток со светофором");
    await operator.getByRole("combobox", { name: "Состояние" }).click();
    await operator.getByRole("option", { name: "Опубликована", exact: true }).click();
    await expectAccessible(operator, "the article form");
    await operator.getByRole("button", { name: "Сохранить" }).click();
    await expect.poll(() => heading(operator)).toBe(TITLE);
    const slug = operator.url().split("/").pop()!;

    // A guest finds it by a word and reads it with its cover.
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    pages.push(guest);
    await guest.goto(`${env.server.url}/news`);
    await expect.poll(() => heading(guest)).toBe("Новости");
    await guest.getByRole("textbox", { name: "Поиск по новостям" }).fill("светофоры");
    await guest.getByRole("button", { name: "Найти" }).click();
    await expect.poll(() => guest.getByRole("link", { name: TITLE }).count()).toBe(1);
    await expectAccessible(guest, "the news list");
    await guest.getByRole("link", { name: TITLE }).click();
    await expect.poll(() => heading(guest)).toBe(TITLE);
    await expect.poll(() => guest.getByRole("heading", { name: "Что дальше" }).count()).toBe(1);
    const cover = guest.getByRole("img", { name: "Перекрёсток со светофором" });
    await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
    await expectAccessible(guest, "an article");

    // The article's page, as first sent, names its feeds; the RSS feed has it.
    const html = await (await guest.request.get(`${env.server.url}/news/${slug}`)).text();
    expect(html).toContain('<link rel="alternate" type="application/rss+xml"');
    const rss = await (await guest.request.get(`${env.server.url}/news/rss.xml`)).text();
    expect(rss).toContain(TITLE);
  });
});
