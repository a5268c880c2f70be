// Issue 11 §3: a new user from sign-up to the registration form they came from, registering an
// organization in steps with the region from the INN and a draft, the next step as the main action,
// and the state-register lookup against a stand-in DaData server (no internet).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn } from "../src/shared/identifiers.js";
import { DEMO_PASSWORD, expectAccessible, rng, serverAndBrowser, signInAs } from "./harness.js";

const r = rng(20261206);
const FOUND = makeInn("legal", r, { region: "77" });
const FOUND_OGRN = makeOgrn(r, { region: "50", sign: "1" });
const FOUND_KPP = makeKpp("50", r);
const MISSING = makeInn("legal", r, { region: "78" });
const DOWN = makeInn("legal", r, { region: "66" });

// The stand-in register: FOUND is an LLC whose address is in the Moscow Oblast (50), MISSING is
// unknown, DOWN makes it fail.
const standIn = createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => {
    raw += c;
  });
  req.on("end", () => {
    const inn = (JSON.parse(raw || "{}") as { query?: string }).query;
    if (inn === DOWN) return void res.writeHead(503).end();
    const suggestions =
      inn === FOUND
        ? [
            {
              value: 'ООО "ОБЛАЧНЫЕ СЕНСОРЫ"',
              data: {
                inn: FOUND,
                kpp: FOUND_KPP,
                ogrn: FOUND_OGRN,
                type: "LEGAL",
                okved: "26.51",
                name: {
                  short_with_opf: "ООО «Облачные сенсоры»",
                  full_with_opf: "Общество с ограниченной ответственностью «Облачные сенсоры»",
                },
                address: {
                  value: "143026, Московская обл, г Одинцово, ул Агрохимиков, д 6",
                  data: { region_kladr_id: "5000000000000" },
                },
                state: { status: "ACTIVE" },
              },
            },
          ]
        : [];
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ suggestions }));
  });
});
await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
afterAll(() => new Promise((resolve) => standIn.close(resolve)));

const env = serverAndBrowser(() => ({
  DADATA_API_KEY: "e2e-stand-in-key",
  DADATA_URL: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`,
}));

const VIEWPORTS = [
  ["desktop", { width: 1366, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const;

/** The newest confirmation link mailed to an address (the development mailbox's API; the test is local). */
async function confirmationLink(email: string): Promise<string> {
  const list = (await (await fetch(`${env.server.url}/api/dev/mail?pageSize=50`)).json()) as {
    items: { id: string; to: string }[];
  };
  const mail = list.items.find((m) => m.to === email);
  expect(mail, `a mail to ${email}`).toBeTruthy();
  const full = (await (await fetch(`${env.server.url}/api/dev/mail/${mail!.id}`)).json()) as { text: string };
  const link = full.text.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0];
  expect(link).toBeTruthy();
  return link!;
}

const heading = (page: Page, step: number) =>
  page.getByRole("heading", { name: new RegExp(`^Шаг ${step} из 4`) });
const region = (page: Page) => page.getByRole("combobox", { name: "Регион", exact: true });

describe("a new user registers an organization", () => {
  for (const [name, viewport] of VIEWPORTS) {
    it(`${name}: signs up from the registration page, confirms and lands back; steps, region from the INN, draft; the next step is the main action`, async () => {
      const ctx = await env.browser.newContext({ locale: "ru-RU", viewport });
      const page = await ctx.newPage();

      // 1. A guest opens the registration form: sign in first, then sign up, `next` comes along.
      await page.goto(`${env.server.url}/organizations/new`);
      await page.waitForURL(/\/signin\?next=%2Forganizations%2Fnew$/);
      await page.getByRole("main").getByRole("link", { name: "Зарегистрироваться", exact: true }).click();
      await page.waitForURL(/\/signup\?next=%2Forganizations%2Fnew$/);
      const email = `steps.${name}.${Date.now()}@example.ru`;
      const password = "Registr-Steps-2026";
      await page.getByLabel("Электронная почта").fill(email);
      await page.getByLabel("ФИО").fill("Шагова Анна Петровна");
      await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: "Зарегистрироваться" }).click();

      // 2. "Check your mail" names the address the link went to.
      // (Argon2 hashing of the sign-up's password is slow on a loaded 2-core machine)
      await page.getByRole("heading", { name: "Проверьте почту" }).waitFor({ timeout: 90_000 });
      expect(await page.getByRole("status").filter({ hasText: email }).count()).toBe(1);
      expect(await page.getByText(/действует 48 часов и срабатывает один раз/).count()).toBe(1);
      await expectAccessible(page, `${name}: check your mail`);

      // 3. The link with the sign-up's password signs in and goes back to the registration form.
      const link = await confirmationLink(email);
      expect(link).toMatch(/&next=%2Forganizations%2Fnew$/);
      await page.goto(link);
      await page.getByRole("textbox", { name: "Пароль", exact: true }).waitFor();
      expect(await page.getByRole("textbox", { name: "Электронная почта" }).inputValue()).toBe(email);
      await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
      await page.getByRole("button", { name: "Подтвердить адрес и войти" }).click();
      await page.waitForURL(/\/organizations\/new$/);
      expect(await page.getByRole("link", { name: "Войти", exact: true }).count()).toBe(0);

      // 4. Step 1: the INN fills the region (50 — Moscow Oblast), the person may change it.
      await heading(page, 1).waitFor();
      await page.getByRole("radio", { name: "Юридическое лицо" }).check();
      const inn = makeInn("legal", r, { region: "50" });
      await page.getByRole("textbox", { name: "ИНН", exact: true }).fill(inn);
      await expect.poll(() => region(page).inputValue(), { timeout: 10_000 }).toBe("50 — Московская область");
      expect(await page.getByText(/Заполнен по ИНН/).count()).toBe(1);
      await expectAccessible(page, `${name}: registration, identifiers`);

      // Enter goes on only when the step is complete: the focus lands on the missing OGRN.
      await page.getByRole("textbox", { name: "ИНН", exact: true }).press("Enter");
      const ogrn = page.getByRole("textbox", { name: "ОГРН", exact: true });
      await expect
        .poll(() => ogrn.evaluate((el) => el === document.activeElement), { timeout: 10_000 })
        .toBe(true);
      expect(await heading(page, 1).count()).toBe(1);
      await ogrn.fill(makeOgrn(r, { region: "50", sign: "1" }));
      await page.getByRole("textbox", { name: "КПП", exact: true }).fill(makeKpp("50", r));
      await page.getByRole("textbox", { name: "КПП", exact: true }).press("Enter");

      // 5. Step 2, by keyboard; its heading has the focus.
      await heading(page, 2).waitFor();
      await expect
        .poll(() => heading(page, 2).evaluate((el) => el === document.activeElement), { timeout: 10_000 })
        .toBe(true);
      const shortName = `ООО «Шаги ${name} ${Date.now() % 100000}»`;
      await page
        .getByRole("textbox", { name: "Полное наименование", exact: true })
        .fill("Общество с ограниченной ответственностью «Шаги»");
      await page.getByRole("textbox", { name: "Краткое наименование", exact: true }).fill(shortName);
      await page
        .getByRole("textbox", { name: "Юридический адрес", exact: true })
        .fill("143026, Московская обл., г. Одинцово, ул. Агрохимиков, д. 6");
      await expectAccessible(page, `${name}: registration, about`);

      // 6. The draft survives a reload: same step, same values.
      await page.waitForTimeout(600);
      await page.reload();
      await page.getByText("Черновик восстановлен").waitFor();
      await heading(page, 2).waitFor();
      expect(
        await page.getByRole("textbox", { name: "Краткое наименование", exact: true }).inputValue(),
      ).toBe(shortName);
      await page.getByRole("button", { name: "Назад", exact: true }).click();
      await heading(page, 1).waitFor();
      expect(await region(page).inputValue()).toBe("50 — Московская область");
      await page.getByRole("button", { name: "Далее", exact: true }).click();
      await heading(page, 2).waitFor();
      await page.getByRole("button", { name: "Далее", exact: true }).click();
      await heading(page, 3).waitFor();
      await expectAccessible(page, `${name}: registration, contacts`);
      await page.getByRole("button", { name: "Далее", exact: true }).click();

      // 7. The review shows what was entered.
      await heading(page, 4).waitFor();
      expect(await page.getByText(inn, { exact: true }).count()).toBe(1);
      expect(await page.getByText("50 — Московская область", { exact: true }).count()).toBe(1);
      expect(await page.getByText(shortName, { exact: true }).count()).toBe(1);
      await expectAccessible(page, `${name}: registration, review`);
      await page.getByRole("button", { name: "Зарегистрировать организацию" }).click();

      // 8. The organization's page: the next step for a Moscow Oblast organization is partner status,
      // first confirming the organization — its main action.
      await page.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
      const card = page.getByRole("region", { name: "Следующий шаг — статус партнёра кластера" });
      await card.waitFor();
      expect(await card.getByText(/Московская область/).count()).toBeGreaterThan(0);
      expect(
        await card
          .getByText(/Статус участника — только для организаций, зарегистрированных в Москве/)
          .count(),
      ).toBe(1);
      await expectAccessible(page, `${name}: organization with its next step`);
      expect(
        await page.evaluate(() =>
          Object.keys(localStorage).filter((k) => k.startsWith("innocluster.organizations.draft.")),
        ),
      ).toEqual([]);
      await card.getByRole("link", { name: "Подтвердить организацию" }).click();
      await page.waitForURL(/\/organizations\/[0-9a-f-]{36}\/verification$/);
      await ctx.close();
    });
  }
});

describe("the state-register lookup", () => {
  it("fills the form from the register, prefers the address's region, and explains a miss or an outage", async () => {
    const page = await signInAs(env, "expert@innocluster.demo", { width: 1366, height: 900 });
    await page.goto(`${env.server.url}/organizations/new`);
    await page.getByRole("radio", { name: "Юридическое лицо" }).check();
    const lookup = page.getByRole("button", { name: "Заполнить из госреестра" });
    expect(await lookup.isDisabled()).toBe(true); // no INN yet

    await page.getByRole("textbox", { name: "ИНН", exact: true }).fill(FOUND);
    await expect.poll(() => region(page).inputValue(), { timeout: 10_000 }).toBe("77 — Москва"); // from the INN
    await lookup.click();
    await page.getByRole("status").filter({ hasText: "Заполнено из государственного реестра" }).waitFor();
    expect(await page.getByRole("textbox", { name: "ОГРН", exact: true }).inputValue()).toBe(FOUND_OGRN);
    expect(await page.getByRole("textbox", { name: "КПП", exact: true }).inputValue()).toBe(FOUND_KPP);
    expect(await region(page).inputValue()).toBe("50 — Московская область"); // the register's address
    expect(await page.getByText(/Заполнен по адресу из государственного реестра/).count()).toBe(1);
    await expectAccessible(page, "registration filled from the register");
    await page.getByRole("button", { name: "Далее", exact: true }).click();
    await heading(page, 2).waitFor();
    expect(await page.getByRole("textbox", { name: "Краткое наименование", exact: true }).inputValue()).toBe(
      "ООО «Облачные сенсоры»",
    );
    await page.getByRole("button", { name: "Назад", exact: true }).click();
    await heading(page, 1).waitFor();

    await page.getByRole("textbox", { name: "ИНН", exact: true }).fill(MISSING);
    await lookup.click();
    await page
      .getByRole("alert")
      .filter({ hasText: `нет организации или предпринимателя с ИНН ${MISSING}` })
      .waitFor();

    await page.getByRole("textbox", { name: "ИНН", exact: true }).fill(DOWN);
    await lookup.click();
    await page.getByRole("alert").filter({ hasText: "Государственный реестр не ответил" }).waitFor();
    await expectAccessible(page, "registration with the register down");
    // the form goes on by hand
    expect(await page.getByRole("button", { name: "Далее", exact: true }).isEnabled()).toBe(true);
    await page.context().close();
  });
});

describe("a page's form right after a client-side navigation", () => {
  // The new page's code arrives late (a slow network): until it is there, the old page must not stay
  // on screen under the new address, or what the person types goes into the old page's form and is lost.
  const slowChunk = (page: Page, name: string) =>
    page.route(new RegExp(`/assets/${name}-[\\w-]+\\.js$`), async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });

  it("keeps what is typed into the sign-up form at once, and shows the registration form, not sign-in, after signing in", async () => {
    const ctx = await env.browser.newContext({ locale: "ru-RU", viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await slowChunk(page, "SignUpPage");
    await slowChunk(page, "NewOrganizationPage");
    await page.goto(`${env.server.url}/signin?next=%2Forganizations%2Fnew`);
    await page.getByRole("main").getByRole("link", { name: "Зарегистрироваться", exact: true }).click();
    await page.waitForURL(/\/signup\?next=%2Forganizations%2Fnew$/);
    await page.getByLabel("Электронная почта").fill("at.once@example.ru");
    await page.getByLabel("ФИО").fill("Сразу Вера Игоревна");
    await page.getByRole("heading", { name: "Регистрация", level: 1 }).waitFor();
    expect(await page.getByLabel("Электронная почта").inputValue()).toBe("at.once@example.ru");
    expect(await page.getByLabel("ФИО").inputValue()).toBe("Сразу Вера Игоревна");

    // Signing in goes on to the registration form; the sign-in form is gone as soon as the address changes.
    await page.getByRole("main").getByRole("link", { name: "Войти", exact: true }).click();
    await page.waitForURL(/\/signin\?next=%2Forganizations%2Fnew$/);
    await page.getByLabel("Электронная почта").fill("expert@innocluster.demo");
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(/\/organizations\/new$/);
    expect(await page.getByRole("heading", { name: "Вход", level: 1 }).count()).toBe(0);
    await page.getByRole("radio", { name: "Юридическое лицо" }).check();
    const inn = makeInn("legal", r, { region: "77" });
    await page.getByRole("textbox", { name: "ИНН", exact: true }).fill(inn);
    await page.waitForTimeout(500); // anything that would re-mount the form has happened by now
    expect(await page.getByRole("textbox", { name: "ИНН", exact: true }).inputValue()).toBe(inn);
    expect(await page.getByRole("radio", { name: "Юридическое лицо" }).isChecked()).toBe(true);
    await ctx.close();
  });
});
