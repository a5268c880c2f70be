// Challenges, in Chromium with axe: an organization's member posts a challenge with weighted criteria
// and a deadline a few minutes ahead, the operator approves it, another organization submits; once the
// deadline has passed (Moscow time, enforced by the server) the owner closes submissions, the expert
// declares no conflict of interest and scores, the owner closes the stage and publishes the results,
// and the submitter reads the feedback: averages per criterion, comments without names, the decision.
// The public catalog is checked on a phone.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const PHONE = { width: 390, height: 844 };
const TITLE = "Датчики протечек в технических помещениях технопарка";
const MINUTE = 60_000;

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

describe("a challenge", () => {
  it("is posted, approved, answered, scored after its deadline, and every submitter reads the feedback", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);
    const memberOf = async (organizationId: string) => {
      const members = (await (
        await operator.request.get(`${env.server.url}/api/organizations/${organizationId}/members`)
      ).json()) as { email: string | null; role: string }[];
      const page = await signInAs(env, members.find((m) => m.email && m.role === "owner")!.email!);
      pages.push(page);
      return page;
    };
    const park = (
      (await (await operator.request.get(`${env.server.url}/api/directory?q=Строгино`)).json()) as {
        items: { id: string; shortName: string }[];
      }
    ).items.find((o) => o.shortName === "Технопарк «Строгино»")!;
    const owner = await memberOf(park.id);

    // The technopark's owner posts a challenge: two weighted criteria, a deadline 4 minutes ahead.
    const deadline = moscowIn(4 * MINUTE);
    await owner.goto(`${env.server.url}/challenges/new`);
    await expect.poll(() => heading(owner)).toBe("Новый запрос");
    await choose(owner, "Организация", "Технопарк «Строгино»");
    await owner.getByRole("textbox", { name: "Название" }).fill(TITLE);
    await owner
      .getByRole("textbox", { name: "Проблема" })
      .fill(
        "В подвалах корпусов протечки обнаруживают через сутки; нужен беспроводной контроль 40 помещений.",
      );
    await owner
      .getByRole("textbox", { name: "Ожидаемый результат" })
      .fill("Оповещение диспетчера о протечке не позднее чем через 5 минут.");
    await owner.getByLabel("Срок приёма заявок").fill(deadline.local);
    await owner.getByRole("textbox", { name: "Сумма, ₽" }).fill("900000");
    await owner.getByRole("textbox", { name: "Критерий 1" }).fill("Надёжность");
    await owner.getByRole("textbox", { name: "Критерий 2" }).fill("Стоимость");
    // Weights must sum to 100: the editor says so as they change.
    await owner.getByRole("textbox", { name: "Вес критерия 1, %" }).fill("70");
    await expect.poll(shown(owner, "Сумма весов: 120 из 100")).toBe(1);
    await owner.getByRole("textbox", { name: "Вес критерия 2, %" }).fill("30");
    await expect.poll(shown(owner, "Сумма весов: 100 из 100")).toBe(1);
    await expectAccessible(owner, "the challenge form");
    await owner.getByRole("button", { name: "Создать черновик" }).click();
    await expect
      .poll(async () => /\/challenges\/[0-9a-f-]{36}$/.test(owner.url()) || (await problems(owner)))
      .toBe(true);
    const challengeUrl = owner.url();
    await expect.poll(() => heading(owner)).toBe(TITLE);
    await expectAccessible(owner, "a draft challenge for its owner");
    await owner.getByRole("button", { name: "Отправить на модерацию" }).click();
    await expect.poll(shown(owner, "На модерации")).toBeGreaterThan(0);

    // The operator approves it from the queue.
    await operator.goto(`${env.server.url}/challenges/moderation`);
    const card = operator.getByRole("article").filter({ hasText: TITLE });
    await card.waitFor();
    await expectAccessible(operator, "the challenges' moderation queue");
    await card.getByRole("button", { name: "Одобрить" }).click();
    await expect.poll(() => card.count()).toBe(0);

    // It is in the public catalog; a verified organization's owner submits.
    const guest = await (await env.browser.newContext({ locale: "ru-RU", viewport: PHONE })).newPage();
    pages.push(guest);
    await guest.goto(`${env.server.url}/challenges`);
    await expect.poll(() => heading(guest)).toBe("Запросы города и корпораций");
    await guest.getByRole("link", { name: TITLE }).waitFor();
    await expectAccessible(guest, "the public catalog on a phone");
    expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await guest.getByRole("link", { name: TITLE }).click();
    await expect.poll(() => heading(guest)).toBe(TITLE);
    await expectAccessible(guest, "a challenge's public page on a phone");

    const listed = (await (
      await operator.request.get(`${env.server.url}/api/listings?kind=capability`)
    ).json()) as { items: { organization: { id: string; shortName: string } }[] };
    const maker = listed.items.find((i) => i.organization.id !== park.id)!.organization;
    const submitter = await memberOf(maker.id);
    await submitter.goto(challengeUrl);
    await submitter.getByRole("link", { name: "Подать заявку" }).click();
    await expect.poll(() => heading(submitter)).toBe("Заявка на запрос");
    await choose(submitter, "Кто подаёт заявку", maker.shortName);
    await submitter
      .getByRole("textbox", { name: "Решение" })
      .fill("Беспроводные датчики LoRaWAN с батареей на 5 лет и шлюз с уведомлениями в Telegram и по SMS.");
    await submitter.getByRole("textbox", { name: /^Уровень готовности/ }).fill("7");
    await choose(submitter, /^Права на результаты/, "Есть патент");
    await submitter.getByRole("textbox", { name: "Стоимость, ₽" }).fill("850000");
    await submitter
      .getByRole("textbox", { name: "План пилота" })
      .fill("Монтаж за 2 недели в корпусе А, месяц наблюдения, отчёт.");
    await expectAccessible(submitter, "the submission form");
    await submitter.getByRole("button", { name: "Подать заявку" }).click();
    await expect
      .poll(
        async () =>
          /\/challenges\/submissions\/[0-9a-f-]{36}$/.test(submitter.url()) || (await problems(submitter)),
      )
      .toBe(true);
    const submissionUrl = submitter.url();
    await expect.poll(() => heading(submitter)).toBe(`Заявка: ${maker.shortName}`);
    await expectAccessible(submitter, "a submission for its author");

    // The owner assigns the expert while submissions are open.
    await owner.goto(challengeUrl);
    await owner.getByRole("textbox", { name: "Эксперты" }).fill("expert@innocluster.demo");
    await owner.getByRole("button", { name: "Сохранить экспертов" }).click();
    await expect.poll(shown(owner, /не подтвердил отсутствие конфликта интересов/)).toBeGreaterThan(0);

    // Until the deadline passes, scoring cannot start; after it, the owner closes submissions.
    await new Promise((r) => setTimeout(r, Math.max(0, deadline.at.getTime() - Date.now() + 2000)));
    await owner.reload();
    await owner.getByRole("button", { name: "Закрыть приём и начать оценку" }).click();
    await expect.poll(shown(owner, "Экспертная оценка")).toBeGreaterThan(0);

    // The expert declares no conflict of interest, then scores the submission.
    const expert = await signInAs(env, "expert@innocluster.demo");
    pages.push(expert);
    await expert.goto(challengeUrl);
    await expert.getByRole("button", { name: "Подтверждаю отсутствие конфликта интересов" }).click();
    await expect.poll(shown(expert, "Вы подтвердили отсутствие конфликта интересов.")).toBe(1);
    await expectAccessible(expert, "a challenge for its expert");
    await expert.getByRole("link", { name: maker.shortName }).click();
    await expert.waitForURL(submissionUrl);
    await expert.getByRole("textbox", { name: "Надёжность (70%), 0–10" }).fill("8");
    await expert.getByRole("textbox", { name: "Стоимость (30%), 0–10" }).fill("6");
    await expert
      .getByRole("textbox", { name: "Комментарий: Стоимость" })
      .fill("Стоимость шлюза завышена относительно аналогов.");
    await expert.getByRole("textbox", { name: "Общий комментарий" }).fill("Зрелое решение, готово к пилоту.");
    await expectAccessible(expert, "the score form");
    await expert.getByRole("button", { name: "Сохранить оценку" }).click();
    await expect.poll(shown(expert, "Оценка сохранена")).toBeGreaterThan(0);

    // The owner sees the progress, closes the stage and publishes the results.
    await owner.goto(`${challengeUrl}/evaluation`);
    await expect.poll(() => heading(owner)).toBe("Ход оценки");
    await expect.poll(shown(owner, "Этап 1: оценку закончили 1 из 1 экспертов")).toBe(1);
    await expectAccessible(owner, "the evaluation page");
    await owner.getByRole("button", { name: "Завершить этап" }).click();
    await owner.getByRole("radiogroup", { name: `Решение по заявке ${maker.shortName}` }).waitFor();
    await owner.getByText("Победитель", { exact: true }).click();
    await expectAccessible(owner, "the results form");
    await owner.getByRole("button", { name: "Опубликовать итоги" }).click();
    await expect
      .poll(shown(owner, "Итоги опубликованы; участники получили обратную связь"))
      .toBeGreaterThan(0);

    // The submitter reads the feedback: the decision, averages per criterion, comments without names.
    await submitter.goto(submissionUrl);
    const feedback = submitter.getByRole("region", { name: "Итоги и обратная связь" });
    await feedback.waitFor();
    expect(await feedback.getByText("Победитель", { exact: true }).count()).toBe(1);
    // 8 × 0.7 + 6 × 0.3 = 7.4
    expect(await feedback.getByText(/^Итоговая оценка: 7[.,]4 из 10$/).count()).toBe(1);
    expect(await feedback.getByRole("row", { name: /^Надёжность 70\s?% 8([.,]0)?$/ }).count()).toBe(1);
    expect(await feedback.getByRole("row", { name: /^Стоимость 30\s?% 6([.,]0)?$/ }).count()).toBe(1);
    expect(await feedback.getByText("Зрелое решение, готово к пилоту.").count()).toBe(1);
    expect(await feedback.getByText(/Стоимость шлюза завышена/).count()).toBe(1);
    expect(await submitter.getByText("Лебедева").count()).toBe(0);
    await expectAccessible(submitter, "the feedback");
  }, 420_000);
});
