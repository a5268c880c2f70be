// The member's cabinet and the operator's desk, in Chromium with axe, on a desktop (1366×900) and a
// phone (390×844): a new user from sign-up to the cabinet's checklist, the demo member's cabinet, the
// demo operator's desk and a decision appearing among today's, the operator's pilots queue.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const SIZES = [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const;

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

/** Nothing wider than the screen (a phone must not scroll sideways). */
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const section = (page: Page, name: string) => page.getByRole("region", { name });

describe("a new user", () => {
  it("signs up, confirms, lands on the cabinet's checklist and takes one of the two ways in by keyboard", async () => {
    const email = `cabinet.${Date.now()}@example.ru`;
    const password = "Skolkovo-Tower-77";
    const ctx = await env.browser.newContext({ locale: "ru-RU", viewport: DESKTOP });
    const page = await ctx.newPage();
    pages.push(page);
    await page.goto(`${env.server.url}/signup`);
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel("ФИО").fill("Новикова Ольга Петровна");
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect.poll(() => page.getByText(/Проверьте почту/).count()).toBeGreaterThan(0);
    await page.goto(`${env.server.url}/dev/mail`);
    await page.getByRole("link", { name: "Подтвердите адрес электронной почты" }).first().click();
    const href = await page
      .getByRole("link", { name: /\/confirm\?token=/ })
      .first()
      .getAttribute("href");
    await page.goto(href!);
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
    await page.getByRole("button", { name: "Подтвердить адрес и войти" }).click();

    // Signed in: the cabinet, not the account settings.
    await page.waitForURL(/\/cabinet$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Мой кабинет");
    const steps = section(page, "Следующие шаги");
    await expect.poll(() => steps.getByText("Сделано 1 из 4").count()).toBe(1);
    expect(await steps.getByRole("listitem").count()).toBe(4);
    await expect.poll(() => steps.getByRole("listitem").first().textContent()).toContain("Готово");
    // The two ways in, and empty sections that say what to do next.
    expect(await steps.getByRole("link", { name: "Зарегистрировать организацию" }).count()).toBeGreaterThan(
      0,
    );
    expect(await steps.getByRole("link", { name: "Найти организацию в каталоге" }).count()).toBe(1);
    expect(
      await section(page, "Заявки на статус")
        .getByText(/Заявку на статус подаёт организация/)
        .count(),
    ).toBe(1);
    expect(
      await section(page, "Новые подходящие меры поддержки")
        .getByRole("link", { name: "Открыть навигатор мер поддержки" })
        .count(),
    ).toBe(1);
    await expectAccessible(page, "new user's cabinet (desktop)");

    // The same cabinet on a phone, signed in again: sign-in lands on it too.
    const phone = await env.browser.newContext({ locale: "ru-RU", viewport: PHONE });
    const p2 = await phone.newPage();
    pages.push(p2);
    await p2.goto(`${env.server.url}/signin`);
    await p2.getByLabel("Электронная почта").fill(email);
    await p2.getByRole("textbox", { name: "Пароль", exact: true }).fill(password);
    await p2.getByRole("button", { name: "Войти" }).click();
    await p2.waitForURL(/\/cabinet$/);
    await expect.poll(() => section(p2, "Следующие шаги").getByText("Сделано 1 из 4").count()).toBe(1);
    expect(await noSidewaysScroll(p2)).toBe(true);
    await expectAccessible(p2, "new user's cabinet (phone)");

    // By keyboard: the "find in the directory" way in opens the directory.
    await steps.getByRole("link", { name: "Найти организацию в каталоге" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/directory/);
  });

  it("an explicit 'return to' still wins over the cabinet", async () => {
    const ctx = await env.browser.newContext({ locale: "ru-RU", viewport: DESKTOP });
    const page = await ctx.newPage();
    pages.push(page);
    await page.goto(`${env.server.url}/signin?next=${encodeURIComponent("/measures/saved")}`);
    await page.getByLabel("Электронная почта").fill("user@innocluster.demo");
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill("Innocluster-demo-2026");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(/\/measures\/saved$/);
  });
});

describe("the demo member's cabinet", () => {
  for (const [label, viewport] of SIZES) {
    it(`shows applications, measures that newly fit, favourites closing soon, unread counts and responses waiting (${label})`, async () => {
      const page = await signInAs(env, "user@innocluster.demo", viewport);
      pages.push(page);
      expect(page.url()).toMatch(/\/cabinet$/);
      const measures = section(page, "Новые подходящие меры поддержки");
      await expect.poll(() => measures.getByRole("article").count()).toBe(3);
      await expect.poll(() => measures.getByText("Подходит").count()).toBeGreaterThan(0);
      expect(
        await section(page, "Избранное: скоро закрывается приём").getByRole("article").count(),
      ).toBeGreaterThan(0);
      const applications = section(page, "Заявки на статус");
      expect(await applications.getByRole("link", { name: "ООО «Нейросенсорика»" }).count()).toBe(1);
      expect(await applications.getByText(/в течение 10 рабочих дней/).count()).toBe(1);
      expect(
        await section(page, "Непрочитанное")
          .getByRole("link", { name: /непрочитанн/ })
          .count(),
      ).toBe(2);
      // The steps know the organization: its profile or its status is the next thing to do.
      expect(
        await section(page, "Следующие шаги").getByText("Вы в организации", { exact: false }).count(),
      ).toBe(1);
      // The exchanges' responses waiting for its organizations: a landlord proposed a time to view its
      // premises, and the next move (confirming it) is the organization's.
      const awaiting = section(page, "Отклики ждут вашего ответа");
      await expect.poll(() => awaiting.getByText("Ход за вашей организацией в 1 отклике.").count()).toBe(1);
      expect(await awaiting.getByText(/^Ваш ход: /).count()).toBe(1);
      expect(await awaiting.getByRole("link", { name: /./ }).first().getAttribute("href")).toMatch(
        /^\/responses\/[0-9a-f-]{36}$/,
      );
      expect(await noSidewaysScroll(page)).toBe(true);
      await expectAccessible(page, `demo member's cabinet (${label})`);
    });
  }
});

describe("the demo operator's desk", () => {
  for (const [label, viewport] of SIZES) {
    it(`lands on the desk: every queue with its count and oldest item (${label})`, async () => {
      const page = await signInAs(env, "operator@innocluster.demo", viewport);
      pages.push(page);
      expect(page.url()).toMatch(/\/desk$/);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("Рабочий стол оператора");
      const queues = section(page, "Очереди");
      await expect.poll(() => queues.getByRole("article").count()).toBe(7);
      const status = queues.getByRole("article", { name: "Заявки на статус" });
      expect(Number(await status.locator(".stat-value").textContent())).toBeGreaterThan(0);
      expect(await status.getByText(/Дольше всех ждёт/).count()).toBe(1);
      const erasures = queues.getByRole("article", { name: "Удаление учётных записей" });
      expect(await erasures.locator(".stat-value").textContent()).toBe("1");
      // Six new demo listings and one change of a published one wait for moderation.
      const listings = queues.getByRole("article", { name: "Объявления на модерации" });
      expect(await listings.locator(".stat-value").textContent()).toBe("7");
      // One demo challenge waits for moderation; two new pilot applications and one taken by the operator.
      const challenges = queues.getByRole("article", { name: "Запросы на модерации" });
      expect(await challenges.locator(".stat-value").textContent()).toBe("1");
      const pilots = queues.getByRole("article", { name: "Заявки на пилоты" });
      expect(await pilots.locator(".stat-value").textContent()).toBe("3");
      expect(await pilots.getByText(/Дольше всех ждёт/).count()).toBe(1);
      expect(await noSidewaysScroll(page)).toBe(true);
      await expectAccessible(page, `operator's desk (${label})`);
    });
  }

  it("a decision appears among today's, and the queue's link works by keyboard", async () => {
    const page = await signInAs(env, "operator@innocluster.demo", DESKTOP);
    pages.push(page);
    // Decide the oldest pending application (the operator's own page is covered by its own tests).
    const decided = await page.evaluate(async () => {
      const q = await (await fetch("/api/operator/status-applications?state=pending&pageSize=1")).json();
      const app = q.items[0];
      const res = await fetch(`/api/operator/status-applications/${app.id}/decision`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          decision: "return",
          comment: "Приложите выписку из реестра",
          version: app.version,
        }),
      });
      return res.status;
    });
    expect(decided).toBe(200);
    await page.reload();
    const region = page.getByRole("region", { name: /Решения за сегодня/ });
    await expect.poll(() => region.getByText(/Сегодня принято 1 решение, из них ваших — 1/).count()).toBe(1);
    expect(await region.getByText(/Кузнецов Дмитрий Олегович вернул\(а\) на доработку/).count()).toBe(1);
    await expectAccessible(page, "operator's desk with a decision");

    await section(page, "Очереди").getByRole("link", { name: "Заявки на статус" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/operator\/applications/);
  });

  for (const [label, viewport] of SIZES) {
    it(`the pilots' queue opens from the desk: the applications waiting for the operator, each with its next step (${label})`, async () => {
      const page = await signInAs(env, "operator@innocluster.demo", viewport);
      pages.push(page);
      const pilots = section(page, "Очереди").getByRole("article", { name: "Заявки на пилоты" });
      await pilots.getByRole("link", { name: "Заявки на пилоты" }).click();
      await page.waitForURL(/\/operator\/pilots$/);
      const list = page.getByRole("list", { name: "Заявки, ожидающие оператора" });
      await expect.poll(() => list.getByRole("listitem").count()).toBe(3);
      expect(await list.getByText("Возьмите заявку в работу").count()).toBe(1);
      expect(await list.getByText("Назначьте эксперта", { exact: true }).count()).toBe(1);
      expect(await list.getByText("Назначьте эксперта или отклоните заявку").count()).toBe(1);
      expect(await noSidewaysScroll(page)).toBe(true);
      await expectAccessible(page, `operator's pilots queue (${label})`);
      await list.getByRole("link").first().click();
      await page.waitForURL(/\/pilots\/[0-9a-f-]{36}$/);
    });
  }
});

describe("the home page", () => {
  it("lists only services that exist, each a link, and a signed-in user finds the cabinet in the first screen", async () => {
    const ctx = await env.browser.newContext({ locale: "ru-RU", viewport: PHONE });
    const guest = await ctx.newPage();
    pages.push(guest);
    await guest.goto(`${env.server.url}/`);
    const services = guest.getByRole("region", { name: "Что даёт платформа" });
    await expect.poll(() => services.getByRole("article").count()).toBe(9);
    for (const [name, path] of [
      ["Каталог организаций", "/directory"],
      ["Навигатор мер поддержки", "/measures"],
      ["Биржи", "/exchanges"],
      ["Запросы города и корпораций", "/challenges"],
      ["Площадки для пилотирования", "/pilot-sites"],
      ["Инновационные проекты", "/projects"],
      ["Межотраслевые кластеры", "/clusters"],
      ["Организации и статус в кластере", "/organizations"],
      ["Сообщения и уведомления", "/messages"],
    ] as const)
      expect(await services.getByRole("link", { name, exact: true }).getAttribute("href")).toBe(path);
    // The figures are the live counts of the cluster in numbers.
    const stats = await guest.evaluate(async () => (await fetch("/api/public/numbers")).json());
    const numbers = guest.getByRole("region", { name: "Кластер в цифрах" });
    await expect
      .poll(async () => (await numbers.locator(".stat-value").first().textContent())?.replace(/\s/g, ""))
      .toBe(String(stats.organizations.total));

    const page = await signInAs(env, "user@innocluster.demo", PHONE);
    pages.push(page);
    await page.goto(`${env.server.url}/`);
    const toCabinet = page.getByRole("link", { name: "Перейти в мой кабинет" });
    await expect.poll(() => toCabinet.count()).toBe(1);
    const box = await toCabinet.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await expectAccessible(page, "home, signed in (phone)");
  });
});
