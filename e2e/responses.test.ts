// Responses to listings, in Chromium with axe: a customer's production order gets a manufacturer's
// quote, the customer accepts it, they talk in the response's conversation, the manufacturer delivers
// and the customer's rating shows on the manufacturer's public page; a premises viewing is requested
// on a phone, a time proposed by the landlord and confirmed by the tenant.
import type { APIRequestContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const PHONE = { width: 390, height: 844 };
const TITLE = "Кронштейны из алюминия АМг6, 300 шт.";

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const api = (page: Page) => {
  const headers = { origin: env.server.url };
  const url = (path: string) => `${env.server.url}${path}`;
  const request: APIRequestContext = page.request;
  return {
    get: async <T>(path: string) => (await (await request.get(url(path))).json()) as T,
    post: async <T>(path: string, data: unknown) => {
      const res = await request.post(url(path), { headers, data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as T;
    },
  };
};

/** Signs in as a member (with an e-mail) of the organization, found through the operator. */
async function memberOf(
  operator: Page,
  organizationId: string,
  viewport?: { width: number; height: number },
) {
  const members = await api(operator).get<{ email: string | null; role: string }[]>(
    `/api/organizations/${organizationId}/members`,
  );
  const email =
    members.find((m) => m.email && m.role === "owner")?.email ?? members.find((m) => m.email)!.email!;
  const page = await signInAs(env, email, viewport);
  pages.push(page);
  return page;
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** Opens a move's dialog by its button, fills it with `fill`, and confirms with the same words. */
async function makeMove(
  page: Page,
  name: string,
  fill?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  await page.getByRole("button", { name, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole("button", { name, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
}

describe("a production order", () => {
  it("gets a quote, which the customer accepts, then production, delivery and a rating on the manufacturer's page", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    const customer = await signInAs(env, "user@innocluster.demo");
    pages.push(operator, customer);
    // The demo member's verified technopark posts an order; the operator approves it (both set up
    // through the API: the listing's form and moderation have their own browser test).
    const mine = await api(customer).get<{ items: { organization: { id: string; shortName: string } }[] }>(
      "/api/me/organizations",
    );
    const park = mine.items.find((i) => i.organization.shortName === "Технопарк «Строгино»")!.organization;
    const draft = await api(customer).post<{ id: string; version: number }>("/api/listings", {
      organizationId: park.id,
      kind: "rfq",
      titleRu: TITLE,
      descriptionRu:
        "Кронштейны крепления датчиков, фрезеровка, анодирование. Нужен протокол измерений первой партии.",
      values: { process: "cnc_milling", materials: ["aluminium"], quantity: 300, deadline: "2099-06-01" },
    });
    const sent = await api(customer).post<{ version: number }>(`/api/listings/${draft.id}/submit`, {
      version: draft.version,
    });
    await api(operator).post(`/api/operator/listings/${draft.id}/decision`, {
      decision: "approve",
      version: sent.version,
    });

    // A manufacturer of the demo data (one with a capability listed) quotes a price.
    const capabilities = await api(operator).get<{
      items: { organization: { id: string; shortName: string } }[];
    }>("/api/listings?kind=capability");
    const maker = capabilities.items.find((c) => c.organization.id !== park.id)!.organization;
    const makerPage = await memberOf(operator, maker.id);
    await makerPage.goto(`${env.server.url}/listings/${draft.id}`);
    await expect.poll(() => heading(makerPage)).toBe(TITLE);
    await makerPage.getByRole("button", { name: "Предложить цену" }).click();
    await makerPage.getByRole("textbox", { name: /^Цена без НДС/ }).fill("420000");
    await makerPage.getByRole("combobox", { name: /^НДС/ }).click();
    await makerPage.getByRole("option", { name: "НДС 22 %", exact: true }).click();
    await makerPage.getByRole("textbox", { name: /^Срок изготовления/ }).fill("25");
    await makerPage.getByLabel(/^Предложение действует до/).fill("2099-01-31");
    await makerPage
      .getByRole("textbox", { name: /^Комментарий/ })
      .fill("Материал наш, доставка по Москве включена.");
    await expectAccessible(makerPage, "quote form");
    await makerPage.getByRole("button", { name: "Отправить предложение" }).click();
    await makerPage.waitForURL(/\/responses\/[0-9a-f-]{36}$/);
    const responseUrl = makerPage.url();
    await expect.poll(() => makerPage.getByText("Отправлено", { exact: true }).count()).toBe(1);
    // The price with VAT shown as the customer compares it.
    expect(await makerPage.getByText(/420\s000 ₽ без НДС; с НДС 22 % — 512\s400 ₽/).count()).toBe(1);

    // The customer sees the quote among the order's responses and accepts it.
    await customer.goto(`${env.server.url}/listings/${draft.id}`);
    await customer.getByRole("link", { name: maker.shortName }).click();
    await customer.waitForURL(responseUrl);
    await expectAccessible(customer, "a quote for the customer");
    await makeMove(customer, "Принять предложение");
    await expect.poll(() => customer.getByText("Принято", { exact: true }).count()).toBe(1);

    // They talk in the response's conversation, which shows each step.
    await customer.getByRole("link", { name: "Переписка" }).click();
    await customer.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await expect.poll(() => customer.getByText("Отклик принят").count()).toBeGreaterThan(0);
    await customer.getByRole("textbox", { name: /Сообщение/ }).fill("Чертежи пришлём сегодня до 18:00.");
    await customer.getByRole("button", { name: "Отправить" }).click();
    await expect.poll(() => customer.getByText("Чертежи пришлём сегодня до 18:00.").count()).toBe(1);

    // The manufacturer starts production and delivers.
    await makerPage.reload();
    await makeMove(makerPage, "Начать производство");
    await expect.poll(() => makerPage.getByText("В производстве", { exact: true }).count()).toBe(1);
    await makeMove(makerPage, "Отметить поставку");
    await expect.poll(() => makerPage.getByText("Поставлено", { exact: true }).count()).toBeGreaterThan(0);

    // The customer rates the manufacturer.
    await customer.goto(responseUrl);
    await makeMove(customer, "Оценить исполнителя", async (dialog) => {
      await dialog.getByRole("textbox", { name: /^Оценка/ }).fill("5");
      await dialog
        .getByRole("textbox", { name: /^Отзыв/ })
        .fill("Сделали на неделю раньше, все размеры в допуске.");
    });
    await expect.poll(() => customer.getByText("Завершено", { exact: true }).count()).toBe(1);
    await expectAccessible(customer, "a completed order");

    // Anyone sees the completed order and its rating on the manufacturer's public page.
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    pages.push(guest);
    await guest.goto(`${env.server.url}/directory/${maker.id}`);
    await guest.getByRole("heading", { name: "Выполненные заказы" }).waitFor();
    expect(await guest.getByText("Сделали на неделю раньше, все размеры в допуске.").count()).toBe(1);
    expect(await guest.getByText(/средняя оценка/).count()).toBe(1);
    await expectAccessible(guest, "manufacturer's public page with its record");
  });
});

describe("a premises viewing", () => {
  it("is requested on a phone, a time proposed by the landlord and confirmed by the tenant", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    const tenant = await signInAs(env, "user@innocluster.demo", PHONE);
    pages.push(operator, tenant);
    const list = await api(operator).get<{
      items: { id: string; titleRu: string; organization: { id: string; shortName: string } }[];
    }>("/api/listings?kind=premises");
    const mine = await api(tenant).get<{ items: { organization: { id: string } }[] }>(
      "/api/me/organizations",
    );
    const own = new Set(mine.items.map((i) => i.organization.id));
    const listing = list.items.find((l) => !own.has(l.organization.id))!;
    await tenant.goto(`${env.server.url}/listings/${listing.id}`);
    const ask = tenant.getByRole("button", { name: "Записаться на просмотр" });
    // The demo member may belong to an organization that already asked (the demo data): then it is shown.
    await ask.click();
    await tenant
      .getByRole("textbox", { name: /^Сообщение арендодателю/ })
      .fill("Посмотрим помещение под опытный участок.");
    await expectAccessible(tenant, "viewing request form (phone)");
    expect(await tenant.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await tenant.getByRole("button", { name: "Отправить запрос" }).click();
    await tenant.waitForURL(/\/responses\/[0-9a-f-]{36}$/);
    const url = tenant.url();

    const landlord = await memberOf(operator, listing.organization.id);
    await landlord.goto(url);
    await makeMove(landlord, "Предложить время", async (dialog) => {
      await dialog.getByLabel(/^Дата и время просмотра/).fill("2099-05-14T11:00");
    });
    await expect
      .poll(() => landlord.getByText("Предложено время", { exact: true }).count())
      .toBeGreaterThan(0);

    await tenant.reload();
    await expect.poll(() => tenant.getByText(/14 мая 2099.*11:00 \(МСК\)/).count()).toBe(1);
    await makeMove(tenant, "Подтвердить время");
    await expect.poll(() => tenant.getByText("Подтверждён", { exact: true }).count()).toBe(1);
    await expectAccessible(tenant, "confirmed viewing (phone)");
  });
});
