// Exchanges (listings), in Chromium with axe, on a desktop (1366×900) and a phone (390×844): a member
// of a verified organization lists premises from the form the kind's declaration generates and sends it
// to moderation; the operator approves it in the moderation queue; the listing appears in the premises
// catalog (found by text and a facet) and on its page, without its private field. The member then
// changes its price and adds a photo; the operator sees what the change changes and approves it.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const TITLE = "Лаборатория микроэлектроники с чистой зоной";
const CADASTRAL = "77:08:0009005:4242";
/** A 1×1 PNG: a photo of the laboratory. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** A text input by its label exactly (a required one's label ends with an asterisk). */
const field = (page: Page, label: string) =>
  page.getByRole("textbox", {
    name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`),
  });

/** Picks an option of a Mantine select by the field's label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("a premises listing", () => {
  it("is written by a member, approved by the operator and found in the catalog", async () => {
    // The demo member works for «Технопарк «Строгино»» (verified): it lists a laboratory.
    const member = await signInAs(env, "user@innocluster.demo", DESKTOP);
    pages.push(member);
    await member.getByRole("link", { name: "Биржи" }).first().click();
    await expect.poll(() => member.getByRole("heading", { level: 1 }).textContent()).toBe("Биржи");
    await expectAccessible(member, "exchanges (desktop)");
    await member.getByRole("link", { name: "Разместить помещение" }).click();
    await expect.poll(() => member.getByRole("heading", { level: 1 }).textContent()).toBe("Новое объявление");

    // Required fields are checked before sending, from the kind's declaration.
    await member.getByRole("button", { name: "Сохранить черновик" }).click();
    await expect.poll(() => member.getByText("Заполните это поле").count()).toBeGreaterThan(3);

    await choose(member, "От имени организации", "Технопарк «Строгино»");
    await field(member, "Заголовок").fill(TITLE);
    await field(member, "Описание").fill(
      "Лаборатория 60 м² с чистой зоной ISO 7, антистатическим полом и подводом сжатого воздуха.",
    );
    await choose(member, "Тип помещения", "Лаборатория");
    await field(member, "Площадь, м²: от").fill("60");
    await field(member, "Площадь, м²: до").fill("60");
    await choose(member, "Как указана цена", "₽ за м² в месяц");
    await field(member, "Цена, ₽").fill("2900");
    await member.getByRole("combobox", { name: "Регион" }).fill("Моск");
    await member.getByRole("option", { name: "Москва", exact: true }).click();
    await choose(member, "Административный округ Москвы", "Северо-Западный (СЗАО)");
    await field(member, "Адрес").fill("Москва, ул. Исаковского, д. 6, стр. 2");
    await member.getByRole("checkbox", { name: "Чистое помещение" }).check();
    await field(member, "Кадастровый номер").fill(CADASTRAL);
    await expectAccessible(member, "listing form (desktop)");
    await member.getByRole("button", { name: "Сохранить черновик" }).click();

    await member.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    await expect.poll(() => member.getByRole("heading", { level: 1 }).textContent()).toContain(TITLE);
    expect(await member.getByText("Черновик", { exact: true }).count()).toBe(1);
    expect(await member.getByText(CADASTRAL).count()).toBe(1);

    // The draft edited in two windows: the second save gets 409, keeps what was typed, shows the
    // version saved meanwhile and what differs, and saves over it.
    const draftUrl = member.url();
    const other = await member.context().newPage();
    await member.goto(`${draftUrl}/edit`);
    await other.goto(`${draftUrl}/edit`);
    await field(other, "Этаж").fill("3");
    await other.getByRole("button", { name: "Сохранить", exact: true }).click();
    await other.waitForURL(draftUrl);
    await other.close();
    await field(member, "Этаж").fill("2");
    await member.getByRole("button", { name: "Сохранить", exact: true }).click();
    const conflict = member
      .getByRole("alert")
      .filter({ hasText: "Объявление изменили, пока вы его редактировали" });
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.getByText("Отличается от ваших правок: Этаж.").count()).toBe(1);
    expect(await field(member, "Этаж").inputValue()).toBe("2");
    await expectAccessible(member, "listing edit conflict (desktop)");
    await conflict.getByRole("button", { name: "Сохранить мою версию" }).click();
    await member.waitForURL(draftUrl);
    await expect.poll(() => member.getByRole("heading", { level: 1 }).textContent()).toContain(TITLE);
    expect(await member.getByText("Этаж").count()).toBeGreaterThan(0);

    await member.getByRole("button", { name: "Отправить на модерацию" }).click();
    await expect.poll(() => member.getByText("На модерации", { exact: true }).count()).toBe(1);
    await expectAccessible(member, "listing on moderation (desktop)");
    const url = member.url();

    // "My listings" on a phone: the organization's listings with their states.
    const mobile = await signInAs(env, "user@innocluster.demo", PHONE);
    pages.push(mobile);
    await mobile.goto(`${env.server.url}/listings/mine`);
    await expect.poll(() => mobile.getByRole("heading", { level: 1 }).textContent()).toBe("Мои объявления");
    await mobile
      .getByRole("textbox", { name: "Организация" })
      .or(mobile.getByRole("combobox", { name: "Организация" }))
      .click();
    await mobile.getByRole("option", { name: "Технопарк «Строгино»", exact: true }).click();
    const mineItem = mobile.getByRole("listitem").filter({ hasText: TITLE });
    await expect.poll(() => mineItem.getByText("На модерации", { exact: true }).count()).toBe(1);
    await expectAccessible(mobile, "my listings (phone)");
    expect(await noSidewaysScroll(mobile)).toBe(true);

    // The operator approves it from the queue, on a phone.
    const operator = await signInAs(env, "operator@innocluster.demo", PHONE);
    pages.push(operator);
    await operator.goto(`${env.server.url}/operator/listings`);
    await expect
      .poll(() => operator.getByRole("heading", { level: 1 }).textContent())
      .toBe("Модерация объявлений");
    const card = operator.getByRole("listitem").filter({ hasText: TITLE });
    await expect.poll(() => card.count()).toBe(1);
    await expectAccessible(operator, "moderation queue (phone)");
    expect(await noSidewaysScroll(operator)).toBe(true);
    await card.getByRole("button", { name: "Одобрить" }).click();
    await expect.poll(() => operator.getByText("Объявление опубликовано").count()).toBeGreaterThan(0);
    await expect.poll(() => operator.getByRole("listitem").filter({ hasText: TITLE }).count()).toBe(0);

    // A guest finds it in the premises catalog by text and the okrug facet, on a phone.
    const guestCtx = await env.browser.newContext({ locale: "ru-RU", viewport: PHONE });
    const guest = await guestCtx.newPage();
    pages.push(guest);
    await guest.goto(`${env.server.url}/exchanges/premises?q=микроэлектроника&okrug=szao`, {
      waitUntil: "networkidle",
    });
    await expect.poll(() => guest.getByRole("heading", { level: 1 }).textContent()).toBe("Помещения");
    const result = guest.getByRole("link", { name: TITLE });
    await expect.poll(() => result.count()).toBe(1);
    await expectAccessible(guest, "premises catalog (phone)");
    expect(await noSidewaysScroll(guest)).toBe(true);
    await result.click();
    await expect.poll(() => guest.getByRole("heading", { level: 1 }).textContent()).toContain(TITLE);
    expect(guest.url()).toBe(url);
    expect(await guest.getByText("Северо-Западный (СЗАО)").count()).toBe(1);
    expect(await guest.getByText(CADASTRAL).count()).toBe(0);
    await expectAccessible(guest, "listing page (phone)");
    // The organization's public page lists it.
    await guest.getByRole("link", { name: "Технопарк «Строгино»" }).click();
    const onOrgPage = guest.getByRole("region", { name: "Объявления организации" });
    await expect.poll(() => onOrgPage.getByRole("link", { name: TITLE }).count()).toBe(1);

    // On a desktop, the catalog's facets narrow the list with counts.
    const desk = await env.browser.newContext({ locale: "ru-RU", viewport: DESKTOP });
    const d = await desk.newPage();
    pages.push(d);
    // The page comes rendered by the server: wait for it to hydrate before using its controls.
    await d.goto(`${env.server.url}/exchanges/premises`, { waitUntil: "networkidle" });
    await expect.poll(() => d.getByRole("link", { name: TITLE }).count()).toBe(1);
    // By keyboard: the facet's checkbox takes the focus and Space chooses it.
    await d.getByRole("checkbox", { name: /Чистое помещение/ }).focus();
    await d.keyboard.press("Space");
    await expect.poll(() => d.url()).toMatch(/amenities=clean_room/);
    await expect.poll(() => d.getByRole("link", { name: TITLE }).count()).toBe(1);
    await expectAccessible(d, "premises catalog (desktop)");

    // The member raises the price of the published listing and adds a photo: both wait for the operator,
    // while visitors still see the published version without the photo.
    await member.goto(`${url}/edit`);
    await expect
      .poll(() => member.getByRole("heading", { level: 1 }).textContent())
      .toBe("Изменение объявления");
    await field(member, "Цена, ₽").fill("3100");
    await member.getByRole("button", { name: "Отправить изменения на модерацию" }).click();
    await member.waitForURL(url);
    await expect.poll(() => member.getByText(/Изменения отправлены на модерацию/).count()).toBeGreaterThan(0);
    await member
      .locator('input[type="file"]')
      .setInputFiles({ name: "лаборатория.png", mimeType: "image/png", buffer: PNG });
    await expect.poll(() => member.getByText("Файл лаборатория.png добавлен").count()).toBeGreaterThan(0);
    const waiting = member.getByRole("list", { name: "Фотографии объявления" });
    await expect.poll(() => waiting.getByText("На модерации", { exact: true }).count()).toBe(1);
    await expectAccessible(member, "listing with a change on moderation (desktop)");
    await guest.goto(url, { waitUntil: "networkidle" });
    await expect.poll(() => guest.getByText(/2\s900/).count()).toBeGreaterThan(0);
    expect(await guest.getByRole("img", { name: /^Фотография/ }).count()).toBe(0);

    // The operator sees what the change changes — the published price beside the proposed one, the new
    // photo — and approves it.
    await operator.goto(`${env.server.url}/operator/listings`);
    const change = operator.getByRole("listitem").filter({ hasText: TITLE });
    await expect.poll(() => change.getByText("Изменение опубликованного").count()).toBe(1);
    const price = change.getByRole("definition").filter({ hasText: "Предлагается" });
    await expect.poll(() => price.getByText(/2\s900/).count()).toBe(1);
    expect(await price.getByText(/3\s100/).count()).toBe(1);
    expect(await change.getByRole("term").allTextContents()).toEqual(["Цена, ₽"]);
    expect(await change.getByRole("link", { name: "лаборатория.png" }).count()).toBe(1);
    await expectAccessible(operator, "moderation queue, a change (phone)");
    expect(await noSidewaysScroll(operator)).toBe(true);
    await change.getByRole("button", { name: "Одобрить" }).click();
    await expect.poll(() => operator.getByText("Объявление опубликовано").count()).toBeGreaterThan(0);

    // Visitors now see the new price and the photo, a thumbnail linking to the full picture.
    await guest.goto(url, { waitUntil: "networkidle" });
    await expect.poll(() => guest.getByText(/3\s100/).count()).toBeGreaterThan(0);
    const thumb = guest.getByRole("link", { name: `Фотография 1 из 1: ${TITLE}` });
    expect(await thumb.count()).toBe(1);
    const full = await thumb.getAttribute("href");
    expect((await guest.request.get(`${env.server.url}${full}`)).status()).toBe(200);
    await expectAccessible(guest, "listing page with a photo (phone)");
    // (a long walk through seven pages on two devices: more than the default two minutes on a busy machine)
  }, 300_000);
});

describe("the exchanges", () => {
  it("show every kind with what it is for, and a technology offer in its catalog", async () => {
    const ctx = await env.browser.newContext({ locale: "ru-RU", viewport: PHONE });
    const page = await ctx.newPage();
    pages.push(page);
    await page.goto(`${env.server.url}/exchanges`, { waitUntil: "networkidle" });
    for (const exchange of ["Контрактное производство", "Патенты и технологии", "Поиск помещений"])
      expect(await page.getByRole("heading", { level: 2, name: exchange }).count()).toBe(1);
    for (const kind of [
      "Производственные возможности",
      "Заказы на производство",
      "Технологии и патенты",
      "Запросы технологий",
      "Помещения",
    ])
      expect(await page.getByRole("link", { name: kind, exact: true }).count()).toBe(1);
    await expectAccessible(page, "exchanges (phone)");
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.getByRole("link", { name: "Технологии и патенты", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Технологии и патенты");
    const offer = page.getByRole("link", {
      name: "Программа распознавания дефектов сварных швов по рентгенограммам",
    });
    await expect.poll(() => offer.count()).toBe(1);
    await expectAccessible(page, "technology catalog (phone)");
    await offer.click();
    await expect.poll(() => page.getByText("2024612345").count()).toBe(1);
    await expectAccessible(page, "technology offer (phone)");
  });
});
