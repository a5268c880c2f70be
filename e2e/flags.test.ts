import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn } from "../src/shared/identifiers.js";
import { okvedSectionName } from "../src/shared/okved.js";
import { DEMO_PASSWORD, expectAccessible, serverAndBrowser } from "./harness.js";

// Declared eligibility flags (a member states one after "fill in the profile" and the verdict follows)
// and the guest questionnaire's answers pre-filling a new organization after signing in.

const env = serverAndBrowser();

const ANSWERS_KEY = "innocluster.measures.questionnaire";
/** The flags' names as the Russian profile form shows them. */
const FLAG_NAMES: Record<string, string> = {
  skolkovo_resident: "Резидент «Сколково»",
  exporter: "Экспортёр: продаёт товары или услуги за рубеж",
  no_tax_debt: "Нет задолженности по налогам и сборам",
  it_accredited: "Аккредитованная ИТ-компания",
  innovation_activity: "Ведёт инновационную деятельность",
};

type Outcome = { key: string; result: "met" | "not_met" | "unknown"; field?: string };
type Card = { id: string; titleRu: string; eligibility?: { verdict: string; criteria: Outcome[] } };

const newContext = () => env.browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 } });

async function signIn(page: Page, email: string) {
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
}

/** GET from the page, as the signed-in user. */
const apiGet = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

describe("declared flags", () => {
  let ctx: BrowserContext;
  afterAll(() => ctx?.close());

  it("a member follows 'fill in the profile' to the flag, states it, and the measure becomes eligible", async () => {
    ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(`${env.server.url}/signin`);
    await signIn(page, "user@innocluster.demo");
    await page.waitForURL(/\/(cabinet|desk)$/);
    const { activeOrganizationId: orgId } = await apiGet<{ activeOrganizationId: string }>(
      page,
      "/api/me/organizations",
    );
    expect(orgId).toBeTruthy();

    // A published measure for which the only thing «Нейросенсорика» has not said is one declared flag.
    const check = await apiGet<{ items: Card[] }>(page, "/api/measures?eligibility=check&pageSize=100");
    const target = check.items.find((m) => {
      const unknown = m.eligibility?.criteria.filter((c) => c.result === "unknown") ?? [];
      return unknown.length === 1 && unknown[0]!.key.startsWith("flag.");
    });
    expect(target, "a demo measure whose only unknown condition is a declared flag").toBeTruthy();
    const field = target!.eligibility!.criteria.find((c) => c.result === "unknown")!.field!;
    const flag = field.replace(/^flags\./, "");
    expect(FLAG_NAMES[flag]).toBeTruthy();

    await page.goto(`${env.server.url}/measures/${target!.id}`);
    await expect.poll(() => page.getByText("Проверьте", { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Заполнить в профиле организации" }).click();
    await page.waitForURL(new RegExp(`/organizations/${orgId}\\?edit=1&field=${field.replace(".", "\\.")}$`));

    // The form opens at the flag: it is on screen and the focus is in its group of choices.
    const fieldId = `org-field-${field}`;
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const el = document.getElementById(id);
          if (!el?.contains(document.activeElement)) return "not focused";
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight ? "focused, visible" : "off screen";
        }, fieldId),
      )
      .toBe("focused, visible");
    const group = page.getByRole("radiogroup", { name: FLAG_NAMES[flag] });
    expect(await group.getByRole("radio", { name: "Не указано" }).isChecked()).toBe(true);
    await expectAccessible(page, "profile form with declared flags");
    await group.getByText("Да", { exact: true }).click();
    expect(await group.getByRole("radio", { name: "Да" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Сохранить изменения" }).click();
    await expect.poll(() => page.url()).not.toContain("edit=1");

    // The profile lists the statement with its date.
    const facts = page.getByRole("region", { name: "Сведения для мер поддержки" });
    await expect.poll(() => facts.getByText(FLAG_NAMES[flag]!).count()).toBe(1);
    await expect.poll(() => facts.getByText(/^Указано \d/).count()).toBe(1);

    await page.goBack();
    await page.goBack();
    await page.waitForURL(new RegExp(`/measures/${target!.id}$`));
    // (the page refetches its verdict on return)
    await expect
      .poll(async () => ({
        eligible: (await page.getByText("Подходит", { exact: true }).count()) > 0,
        check: await page.getByText("Проверьте", { exact: true }).count(),
      }))
      .toEqual({ eligible: true, check: 0 });
  });
});

/** A guest answers the questionnaire (legal entity, Moscow, 3 years, 12 people, 50 mln, OKVED J). */
async function answerQuestionnaire(page: Page) {
  await page.goto(`${env.server.url}/measures/check`);
  await page.getByRole("combobox", { name: "Тип организации" }).selectOption("legal_entity");
  await page.getByRole("combobox", { name: "Регион" }).selectOption("77");
  await page.getByRole("textbox", { name: "Возраст организации, лет" }).fill("3");
  await page.getByRole("textbox", { name: "Численность сотрудников" }).fill("12");
  await page.getByRole("textbox", { name: "Выручка, млн руб." }).fill("50");
  await page.getByRole("combobox", { name: "Отрасль (раздел ОКВЭД)" }).selectOption("J");
  await page.getByRole("button", { name: "Показать подходящие меры" }).click();
  await expect.poll(() => page.getByText(/^Найдено/).count()).toBeGreaterThan(0);
}

/** The new-organization form shows the questionnaire's answers. */
async function expectPrefilled(page: Page) {
  await expect
    .poll(() => page.getByText("Часть полей заполнена по вашим ответам в навигаторе мер поддержки").count())
    .toBe(1);
  expect(await page.getByRole("radio", { name: "Юридическое лицо" }).isChecked()).toBe(true);
  expect(await page.getByRole("combobox", { name: "Регион", exact: true }).inputValue()).toBe("77 — Москва");
}

/** The registration's second step ("about") shows the questionnaire's size and industry. */
async function expectPrefilledAbout(page: Page) {
  await page.getByRole("heading", { name: /^Шаг 2 из 4/ }).waitFor();
  expect(await page.getByRole("textbox", { name: "Численность сотрудников" }).inputValue()).toBe("12");
  expect(await page.getByRole("textbox", { name: "Выручка, млн руб." }).inputValue()).toBe("50");
  expect(await page.getByText(`J — ${okvedSectionName("J", "ru")}`).count()).toBeGreaterThan(0);
}

describe("the guest questionnaire", () => {
  it("pre-fills a new organization after the guest signs in (in another tab), then is forgotten", async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await answerQuestionnaire(page);
    await expectAccessible(page, "questionnaire results with the register offer");

    // A guest is sent to sign in first, and back to the registration form afterwards.
    await page.getByRole("link", { name: "Зарегистрировать организацию с этими ответами" }).click();
    await page.waitForURL(/\/signin\?next=%2Forganizations%2Fnew$/);
    const signInUrl = page.url();
    await page.close();

    // As after the e-mail confirmation: another tab of the same env.browser.
    const tab = await ctx.newPage();
    await tab.goto(signInUrl);
    await signIn(tab, "expert@innocluster.demo"); // a demo user without an organization
    await tab.waitForURL(/\/organizations\/new$/);

    await expectPrefilled(tab);
    await expectAccessible(tab, "new organization pre-filled from the questionnaire");

    // The rest is typed in, step by step; registering removes the saved answers.
    let seed = 4242;
    const r = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    await tab.getByRole("textbox", { name: "ИНН", exact: true }).fill(makeInn("legal", r, { region: "77" }));
    await tab
      .getByRole("textbox", { name: "ОГРН", exact: true })
      .fill(makeOgrn(r, { region: "77", sign: "1" }));
    await tab.getByRole("textbox", { name: "КПП", exact: true }).fill(makeKpp("77", r));
    await tab.getByRole("button", { name: "Далее", exact: true }).click();
    await expectPrefilledAbout(tab);
    // The age gives no date, only a hint.
    expect(await tab.getByLabel("Дата основания").inputValue()).toBe("");
    expect(await tab.getByText("По анкете — около 3 лет").count()).toBe(1);
    await tab
      .getByRole("textbox", { name: "Полное наименование", exact: true })
      .fill("Общество с ограниченной ответственностью «Анкета»");
    await tab.getByRole("textbox", { name: "Краткое наименование", exact: true }).fill("ООО «Анкета»");
    await tab
      .getByRole("textbox", { name: "Юридический адрес", exact: true })
      .fill("г. Москва, ул. Тверская, д. 1");
    await tab.getByRole("button", { name: "Далее", exact: true }).click();
    await tab.getByRole("button", { name: "Далее", exact: true }).click();
    await tab.getByRole("button", { name: "Зарегистрировать организацию" }).click();
    await tab.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
    expect(await tab.evaluate((k) => localStorage.getItem(k), ANSWERS_KEY)).toBeNull();
    const view = await apiGet<{
      organization: { headcount: number; revenueMln: number; okvedSections: string[] };
    }>(tab, `/api/organizations/${tab.url().split("/").pop()}`);
    expect(view.organization).toMatchObject({ headcount: 12, revenueMln: 50, okvedSections: ["J"] });

    // The draft is gone for good: no save still waiting writes it back (the last step was submitted at once).
    await tab.waitForTimeout(800);
    expect(
      await tab.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("innocluster.organizations.draft.")),
      ),
    ).toEqual([]);

    // A new registration starts empty, at its first step.
    await tab.goto(`${env.server.url}/organizations/new`);
    await tab.getByRole("heading", { name: /^Шаг 1 из 4/ }).waitFor();
    expect(await tab.getByRole("radio", { name: "Юридическое лицо" }).isChecked()).toBe(false);
    expect(await tab.getByText("Черновик восстановлен").count()).toBe(0);
    expect(await tab.getByText("Часть полей заполнена по вашим ответам").count()).toBe(0);
    await ctx.close();
  });

  it("a brand-new user signs up from the sign-in page, confirms by mail with the password and lands on the pre-filled form", async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await answerQuestionnaire(page);
    await page.getByRole("link", { name: "Зарегистрировать организацию с этими ответами" }).click();
    await page.waitForURL(/\/signin\?next=%2Forganizations%2Fnew$/);

    // No account yet: from sign-in to sign-up, and `next` comes along (and back again).
    const main = page.getByRole("main");
    await main.getByRole("link", { name: "Зарегистрироваться", exact: true }).click();
    await page.waitForURL(/\/signup\?next=%2Forganizations%2Fnew$/);
    expect(await main.getByRole("link", { name: "Войти", exact: true }).getAttribute("href")).toBe(
      "/signin?next=%2Forganizations%2Fnew",
    );

    const email = `questionnaire.${Date.now()}@example.ru`;
    const password = "Anketa-Strogino-58";
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel("ФИО").fill("Анкетова Мария Ильинична");
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
    await page.getByRole("checkbox").check();
    await expectAccessible(page, "sign-up with next");
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect.poll(() => page.getByText(/Проверьте почту/).count()).toBeGreaterThan(0);

    // The confirmation mail (in the development mailbox) links to /confirm with `next`.
    await page.goto(`${env.server.url}/dev/mail`);
    await page
      .getByRole("row")
      .filter({ hasText: email })
      .getByRole("link", { name: "Подтвердите адрес электронной почты" })
      .click();
    const link = page.getByRole("link", { name: /\/confirm\?token=/ }).first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/\/confirm\?token=[\w-]+&next=%2Forganizations%2Fnew$/);

    // Confirming with the sign-up's password signs in and goes on to `next`.
    await page.goto(href!);
    await expect
      .poll(() => page.getByRole("textbox", { name: "Электронная почта" }).inputValue())
      .toBe(email);
    await expectAccessible(page, "confirm with the password");
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
    await page.getByRole("button", { name: "Подтвердить адрес и войти" }).click();

    await page.waitForURL(/\/organizations\/new$/);
    await expectPrefilled(page);
    await ctx.close();
  });
});
