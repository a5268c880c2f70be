// Open innovation end to end, in Chromium with axe: a corporation's owner posts a two-stage challenge
// that admits teams, the operator approves it, an organization and a team submit before the deadline
// (Moscow time, enforced by the server); the expert scores both in the screening stage, the owner
// shortlists one, the expert scores it in the final, the owner chooses it the winner and publishes the
// results; both submitters read their feedback. The owner starts the winner's pilot at its site from
// the evaluation page; the pilot is agreed, runs, gets the site's feedback letter and is completed, and
// the company's public page shows it with the letter. (Accounts, the team and the site come from the
// seed and the API: they are not the point.)
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const TITLE = "Контроль микроклимата в серверных технопарка";
const TEAM = "Команда «Тихий воздух»";
const SITE = "Серверная корпуса Б технопарка";
const MINUTE = 60_000;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

/** A Moscow wall time (YYYY-MM-DDTHH:mm) `ms` from now, rounded up to the minute. */
function moscowIn(ms: number) {
  const at = new Date(Math.ceil((Date.now() + ms) / MINUTE) * MINUTE);
  return { at, local: new Date(at.getTime() + 3 * 3600_000).toISOString().slice(0, 16) };
}

/** Picks an option of a select (Mantine's combobox) unless it is already chosen. */
async function choose(page: Page, label: string | RegExp, option: string) {
  const box = page.getByRole("combobox", { name: label });
  if ((await box.inputValue()) === option) return;
  await box.click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The problems a page shows (what a failed step said), for the assertion's message. */
const problems = async (page: Page) => (await page.getByRole("alert").allTextContents()).join(" | ");
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const shown = (page: Page, text: string | RegExp) => () => page.getByText(text).count();

/** The expert scores one submission of the challenge in the stage being scored. */
async function score(expert: Page, challengeUrl: string, name: string, reliability: string, cost: string) {
  await expert.goto(challengeUrl);
  await expert.getByRole("link", { name, exact: true }).click();
  await expert.waitForURL(/\/challenges\/submissions\/[0-9a-f-]{36}$/);
  await expert.getByRole("textbox", { name: "Надёжность (60%), 0–10" }).fill(reliability);
  await expert.getByRole("textbox", { name: "Стоимость (40%), 0–10" }).fill(cost);
  await expert.getByRole("textbox", { name: "Общий комментарий" }).fill(`Оценка решения: ${name}.`);
  await expert.getByRole("button", { name: "Сохранить оценку" }).click();
  await expect
    .poll(async () => (await expert.getByText("Оценка сохранена").count()) || (await problems(expert)))
    .toBeGreaterThan(0);
}

describe("open innovation", () => {
  it("a challenge's winner runs a pilot at a site, and the letter shows on the company's page", async () => {
    const url = env.server.url;
    const origin = { origin: url };
    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);
    const ownerOf = async (organizationId: string) => {
      const members = (await (
        await operator.request.get(`${url}/api/organizations/${organizationId}/members`)
      ).json()) as {
        email: string | null;
        role: string;
      }[];
      const page = await signInAs(env, members.find((m) => m.email && m.role === "owner")!.email!);
      pages.push(page);
      return page;
    };
    const park = (
      (await (await operator.request.get(`${url}/api/directory?q=Строгино`)).json()) as {
        items: { id: string; shortName: string }[];
      }
    ).items.find((o) => o.shortName === "Технопарк «Строгино»")!;
    const owner = await ownerOf(park.id);
    const listed = (await (await operator.request.get(`${url}/api/listings?kind=capability`)).json()) as {
      items: { organization: { id: string; shortName: string } }[];
    };
    const others = [...new Map(listed.items.map((i) => [i.organization.id, i.organization])).values()].filter(
      (o) => o.id !== park.id,
    );
    const maker = others[0]!;
    const submitter = await ownerOf(maker.id);
    // the team's captain: another organization's owner, submitting for a team without a legal entity
    const captain = await ownerOf(others[1]!.id);
    const team = await captain.request.post(`${url}/api/teams`, {
      headers: origin,
      data: { name: TEAM, description: "Три инженера, прототип на Raspberry Pi" },
    });
    expect(team.status(), await team.text()).toBe(201);
    // the technopark's site where the winner's pilot will run
    const site = await owner.request.post(`${url}/api/pilot-sites`, {
      headers: origin,
      data: {
        organizationId: park.id,
        name: SITE,
        type: "office",
        okrug: "szao",
        district: "shchukino",
        address: "ул. Исаковского, д. 2",
        testable: "Датчики и системы контроля микроклимата, энергопотребления и доступа",
        conditions: "Монтаж в рабочее время по согласованию со службой эксплуатации",
        capacity: 2,
        periodFrom: "2026-01-01",
        periodTo: "2028-12-31",
        paid: false,
      },
    });
    expect(site.status(), await site.text()).toBe(201);

    // The technopark's owner posts a two-stage challenge that admits teams.
    const deadline = moscowIn(5 * MINUTE);
    await owner.goto(`${url}/challenges/new`);
    await expect.poll(() => heading(owner)).toBe("Новый запрос");
    await choose(owner, "Организация", "Технопарк «Строгино»");
    await owner.getByRole("textbox", { name: "Название" }).fill(TITLE);
    await owner
      .getByRole("textbox", { name: "Проблема" })
      .fill("Перегрев серверных замечают только после отказа оборудования; нужен постоянный контроль.");
    await owner
      .getByRole("textbox", { name: "Ожидаемый результат" })
      .fill("Оповещение дежурного о превышении температуры не позднее чем через минуту.");
    await owner.getByLabel("Срок приёма заявок").fill(deadline.local);
    await owner.getByRole("textbox", { name: "Сумма, ₽" }).fill("1200000");
    await owner.getByText("Два этапа: отбор и финал", { exact: true }).click();
    const teams = owner.getByRole("switch", { name: "Команды без юрлица допускаются" });
    await teams.check();
    expect(await teams.isChecked()).toBe(true);
    await owner.getByRole("textbox", { name: "Критерий 1" }).fill("Надёжность");
    await owner.getByRole("textbox", { name: "Критерий 2" }).fill("Стоимость");
    await owner.getByRole("textbox", { name: "Вес критерия 1, %" }).fill("60");
    await owner.getByRole("textbox", { name: "Вес критерия 2, %" }).fill("40");
    await expect.poll(shown(owner, "Сумма весов: 100 из 100")).toBe(1);
    await owner.getByRole("button", { name: "Создать черновик" }).click();
    await expect
      .poll(async () => /\/challenges\/[0-9a-f-]{36}$/.test(owner.url()) || (await problems(owner)))
      .toBe(true);
    const challengeUrl = owner.url();
    await expect.poll(() => heading(owner)).toBe(TITLE);
    await owner.getByRole("button", { name: "Отправить на модерацию" }).click();
    await expect.poll(shown(owner, "На модерации")).toBeGreaterThan(0);

    // The operator approves it.
    await operator.goto(`${url}/challenges/moderation`);
    const card = operator.getByRole("article").filter({ hasText: TITLE });
    await card.getByRole("button", { name: "Одобрить" }).click();
    await expect.poll(() => card.count()).toBe(0);

    // An organization and a team submit.
    const submit = async (page: Page, who: string, solution: string) => {
      await page.goto(challengeUrl);
      await page.getByRole("link", { name: "Подать заявку" }).click();
      await expect.poll(() => heading(page)).toBe("Заявка на запрос");
      await choose(page, "Кто подаёт заявку", who);
      await page.getByRole("textbox", { name: "Решение" }).fill(solution);
      await page.getByRole("textbox", { name: /^Уровень готовности/ }).fill("6");
      await choose(page, /^Права на результаты/, "Есть патент");
      await page.getByRole("textbox", { name: "Стоимость, ₽" }).fill("990000");
      await page
        .getByRole("textbox", { name: "План пилота" })
        .fill("Две недели монтажа, два месяца наблюдения, отчёт.");
      await page.getByRole("button", { name: "Подать заявку" }).click();
      await expect
        .poll(
          async () => /\/challenges\/submissions\/[0-9a-f-]{36}$/.test(page.url()) || (await problems(page)),
        )
        .toBe(true);
      return page.url();
    };
    const makerSubmission = await submit(
      submitter,
      maker.shortName,
      "Беспроводные датчики температуры и влажности с оповещением в мессенджер и по SMS.",
    );
    await expectAccessible(submitter, "an organization's submission");
    const teamSubmission = await submit(
      captain,
      TEAM,
      "Самодельные датчики на микроконтроллерах и панель мониторинга в браузере.",
    );

    // The owner assigns the expert; after the deadline, closes submissions.
    await owner.goto(challengeUrl);
    await owner.getByRole("textbox", { name: "Эксперты" }).fill("expert@innocluster.demo");
    await owner.getByRole("button", { name: "Сохранить экспертов" }).click();
    await expect.poll(shown(owner, /не подтвердил отсутствие конфликта интересов/)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, Math.max(0, deadline.at.getTime() - Date.now() + 2000)));
    await owner.reload();
    await owner.getByRole("button", { name: "Закрыть приём и начать оценку" }).click();
    await expect.poll(shown(owner, "Экспертная оценка")).toBeGreaterThan(0);

    // Screening: the expert declares no conflict of interest and scores both submissions.
    const expert = await signInAs(env, "expert@innocluster.demo");
    pages.push(expert);
    await expert.goto(challengeUrl);
    await expert.getByRole("button", { name: "Подтверждаю отсутствие конфликта интересов" }).click();
    await expect.poll(shown(expert, "Вы подтвердили отсутствие конфликта интересов.")).toBe(1);
    await score(expert, challengeUrl, maker.shortName, "8", "7");
    await score(expert, challengeUrl, TEAM, "5", "4");

    // The owner shortlists the best one for the final.
    await owner.goto(`${challengeUrl}/evaluation`);
    await expect.poll(shown(owner, "Этап 1: оценку закончили 1 из 1 экспертов")).toBe(1);
    await owner.getByRole("textbox", { name: "Сколько заявок пройдёт" }).fill("1");
    await owner.getByRole("button", { name: "Завершить этап" }).click();
    await expect.poll(shown(owner, "Этап 2: оценку закончили 0 из 1 экспертов")).toBe(1);

    // The final: the expert scores the finalist; the owner closes the stage and publishes the results.
    await score(expert, challengeUrl, maker.shortName, "9", "8");
    await owner.reload();
    await expect.poll(shown(owner, "Этап 2: оценку закончили 1 из 1 экспертов")).toBe(1);
    await owner.getByRole("button", { name: "Завершить этап" }).click();
    await owner.getByRole("radiogroup", { name: `Решение по заявке ${maker.shortName}` }).waitFor();
    await owner.getByText("Победитель", { exact: true }).click();
    await owner.getByRole("button", { name: "Опубликовать итоги" }).click();
    await expect
      .poll(shown(owner, "Итоги опубликованы; участники получили обратную связь"))
      .toBeGreaterThan(0);

    // Both submitters read their feedback.
    await submitter.goto(makerSubmission);
    const won = submitter.getByRole("region", { name: "Итоги и обратная связь" });
    await won.waitFor();
    expect(await won.getByText("Победитель", { exact: true }).count()).toBe(1);
    await expectAccessible(submitter, "the winner's feedback");
    await captain.goto(teamSubmission);
    const lost = captain.getByRole("region", { name: "Итоги и обратная связь" });
    await lost.waitFor();
    expect(await lost.getByText("Не отобрана", { exact: true }).count()).toBe(1);
    // 5 × 0.6 + 4 × 0.4 = 4.6
    expect(await lost.getByText(/4[.,]6/).count()).toBeGreaterThan(0);
    expect(await lost.getByText(`Оценка решения: ${TEAM}.`).count()).toBe(1);
    await expectAccessible(captain, "the team's feedback");

    // The owner starts the winner's pilot at the technopark's site.
    await owner.reload();
    const pilots = owner.getByRole("region", { name: "Пилоты победителей" });
    await pilots.getByRole("button", { name: `Запустить пилот: ${maker.shortName}` }).click();
    await choose(owner, "Площадка", SITE);
    await pilots
      .getByRole("textbox", { name: "Ожидаемый эффект" })
      .fill("Ни одного перегрева без оповещения.");
    await pilots.getByRole("textbox", { name: "Команда", exact: true }).fill("Два инженера компании");
    await pilots.getByRole("textbox", { name: "Что нужно от площадки" }).fill("Доступ в серверную и Wi-Fi");
    await pilots.getByLabel("Начало").fill("2027-02-01");
    await pilots.getByLabel("Окончание").fill("2027-05-31");
    await expectAccessible(owner, "starting a winner's pilot");
    await pilots.getByRole("button", { name: "Запустить пилот", exact: true }).click();
    const pilotLink = pilots.getByRole("link", { name: `Пилот на площадке «${SITE}»` });
    await expect.poll(async () => (await pilotLink.count()) || (await problems(owner))).toBe(1);
    // once started, the page offers the pilot, not a second start
    await owner.reload();
    await pilotLink.waitFor();
    expect(await pilots.getByRole("button", { name: /^Запустить пилот/ }).count()).toBe(0);

    // The site's owner agrees, starts the pilot, uploads the feedback letter and completes it.
    await pilotLink.click();
    await expect.poll(() => heading(owner)).toBe(SITE);
    await expectAccessible(owner, "the winner's pilot for the site's owner");
    await owner.getByRole("textbox", { name: "Условия пилота" }).fill("Монтаж по будням с 10 до 17");
    await owner.getByRole("button", { name: "Согласовать" }).click();
    await owner.getByRole("button", { name: "Начать пилот" }).click();
    await owner.getByRole("button", { name: "Загрузить отзыв площадки" }).waitFor();
    const chooser = owner.waitForEvent("filechooser");
    await owner.getByRole("button", { name: "Загрузить отзыв площадки" }).click();
    await (await chooser).setFiles({
      name: "Отзыв технопарка.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await expect.poll(shown(owner, /Отзыв технопарка\.pdf/)).toBeGreaterThan(0);
    await owner.getByRole("textbox", { name: "Измеренный эффект" }).fill("Три перегрева замечены за минуту");
    await owner.getByRole("button", { name: "Завершить пилот" }).click();
    await expect
      .poll(async () => (await owner.getByText("Завершён").count()) || (await problems(owner)))
      .toBeGreaterThan(0);

    // A guest reads it on the company's public page, with the letter.
    // The page is rendered on the server with the section, and the browser hydrates it without a warning.
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    pages.push(guest);
    const html = await (await guest.request.get(`${url}/directory/${maker.id}`)).text();
    expect(html).toContain("Успешные пилоты");
    expect(html).toContain("Отзыв площадки (файл)");
    const messages: string[] = [];
    guest.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") messages.push(`${m.type()}: ${m.text()}`);
    });
    guest.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
    await guest.goto(`${url}/directory/${maker.id}`, { waitUntil: "networkidle" });
    expect(await guest.locator("#ssr-data").count()).toBe(1);
    const section = guest.getByRole("region", { name: "Успешные пилоты" });
    await section.waitFor();
    expect(await section.getByRole("link", { name: SITE }).count()).toBe(1);
    expect(await section.getByText("Измеренный эффект: Три перегрева замечены за минуту").count()).toBe(1);
    expect(await section.getByText(/1 февраля 2027 г\. — 31 мая 2027 г\./).count()).toBe(1);
    const letter = section.getByRole("link", { name: "Отзыв площадки (файл)" });
    const href = await letter.getAttribute("href");
    expect((await guest.request.get(`${url}${href}`)).status()).toBe(200);
    expect(messages).toEqual([]);
    await expectAccessible(guest, "the company's public page with its pilot");
  }, 900_000);
});
