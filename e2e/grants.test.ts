// Grants, in Chromium with axe: the operator opens a program in the program form; a company's owner
// applies with an expense item (the amount computed as they type) and its documents and submits; the
// operator returns it for a missing document from the queue; the applicant sees the return on the
// timeline; a guest on a phone reads the programs.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { declareForGrant, expectAccessible, serverAndBrowser, signInAs, uploadPdf } from "./harness.js";

const env = serverAndBrowser();
const PHONE = { width: 390, height: 844 };
const PROGRAM = "Компенсация затрат на оборудование для малых производств";
const TITLE = "Возмещение затрат на лазерный станок";

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const shown = (page: Page, text: string | RegExp) => () => page.getByText(text).count();
const wall = (days: number) =>
  new Date(Date.now() + days * 86_400_000 + 3 * 3600_000).toISOString().slice(0, 16);

describe("a grant application", () => {
  it("is applied for with documents, returned once for a missing one, and the public reads the programs", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);

    // The operator opens a program.
    await operator.goto(`${env.server.url}/grants/programs/new`);
    await expect.poll(() => heading(operator)).toBe("Новая грантовая программа");
    await operator.getByRole("textbox", { name: "Название", exact: true }).fill(PROGRAM);
    await operator
      .getByRole("textbox", { name: "Описание и условия" })
      .fill("Грант возмещает половину затрат на новое оборудование для собственного производства.");
    await operator
      .getByRole("textbox", { name: "Правовое основание (документ)" })
      .fill("Порядок предоставления грантов участникам кластера");
    await operator.getByRole("textbox", { name: "Номер документа" }).fill("1190-ПП");
    await operator
      .getByRole("checkbox", { name: "Только участники Московского инновационного кластера" })
      .uncheck();
    await operator.getByRole("checkbox", { name: "Оборудование" }).check();
    await operator.getByRole("textbox", { name: "Максимум на получателя, ₽" }).fill("5 000 000");
    await operator.getByRole("textbox", { name: "Бюджет, ₽" }).fill("50 000 000");
    await operator.getByLabel("Приём открывается (МСК)").fill(wall(-1));
    await operator.getByLabel("Приём закрывается (МСК)").fill(wall(30));
    await expectAccessible(operator, "the program form");
    await operator.getByRole("button", { name: "Создать программу" }).click();
    await expect.poll(() => heading(operator)).toBe(PROGRAM);
    const programId = operator.url().split("/").pop()!;

    // The demo user, owner of a registered (not yet participant) company, applies: this program is open
    // to any organization of the types it names.
    const org = { shortName: "ООО «Нейросенсорика»" };
    const owner = await signInAs(env, "user@innocluster.demo");
    pages.push(owner);
    await owner.goto(`${env.server.url}/grants/programs/${programId}`);
    await owner.getByRole("link", { name: "Подать заявку" }).click();
    await expect.poll(() => heading(owner)).toBe("Заявка на грант");
    await owner
      .getByRole("combobox", { name: "Организация-заявитель" })
      .selectOption({ label: org.shortName });
    await owner.getByRole("textbox", { name: "Название заявки" }).fill(TITLE);
    await owner.getByRole("textbox", { name: "Что приобретено" }).fill("Установка лазерной резки металла");
    await owner.getByRole("textbox", { name: "Поставщик" }).fill("ООО «Лазерные системы»");
    await owner.getByRole("textbox", { name: "ИНН" }).fill("7707083893");
    await owner.getByLabel("Дата оплаты").fill("2026-10-15");
    await owner.getByRole("textbox", { name: "Сумма с НДС, ₽" }).fill("1 440 000");
    await owner.getByRole("textbox", { name: "Сумма без НДС, ₽" }).fill("1 200 000");
    await expect.poll(shown(owner, /Запрашиваемая сумма гранта: 600\s000\s₽/)).toBe(1);
    await owner.getByRole("textbox", { name: "Выручка, ₽, 2027" }).fill("90000000");
    await declareForGrant(owner);
    await expectAccessible(owner, "the application form");
    await owner.getByRole("button", { name: "Сохранить черновик" }).click();
    await expect.poll(() => heading(owner)).toBe(TITLE);

    // The documents, one by one, then the submission.
    for (let i = 0; i < 4; i++) {
      await uploadPdf(
        owner,
        () => owner.getByRole("button", { name: "Приложить" }).first().click(),
        `doc-${i}.pdf`,
      );
      await expect.poll(() => owner.getByRole("button", { name: "Приложить" }).count()).toBe(3 - i);
    }
    await expectAccessible(owner, "the application with its documents");
    await owner.getByRole("button", { name: "Подать заявку" }).click();
    await expect.poll(shown(owner, /Проверка комплектности — до/)).toBeGreaterThan(0);

    // The operator's queue, under "More": the application, returned for a document.
    await operator.goto(`${env.server.url}/desk`);
    await operator.getByRole("button", { name: "Ещё" }).click();
    await operator.getByRole("menuitem", { name: "Заявки на гранты" }).click();
    await operator.waitForURL(/\/grants\/queue$/);
    await expectAccessible(operator, "the operator's grant queue");
    await operator.goto(`${owner.url()}`);
    await expect.poll(() => heading(operator)).toBe(TITLE);
    await operator.getByRole("checkbox", { name: "Акт приёма-передачи" }).check();
    await operator
      .getByRole("textbox", { name: "Комментарий заявителю" })
      .fill("Акт не подписан поставщиком");
    await expectAccessible(operator, "the completeness check");
    await operator.getByRole("button", { name: "Вернуть на доработку" }).click();
    await expect.poll(shown(operator, "Возвращена на доработку")).toBeGreaterThan(0);

    await owner.reload();
    await expect.poll(shown(owner, "Заявка возвращена на доработку")).toBe(1);
    await expect.poll(shown(owner, "запрошен оператором")).toBe(1);
    await expectAccessible(owner, "the returned application with its timeline");

    // A guest on a phone reads the programs.
    const guest = await (await env.browser.newContext({ locale: "ru-RU", viewport: PHONE })).newPage();
    pages.push(guest);
    await guest.goto(`${env.server.url}/grants`);
    await expect.poll(() => heading(guest)).toBe("Гранты на компенсацию затрат");
    await expect.poll(shown(guest, PROGRAM)).toBe(1);
    await expectAccessible(guest, "the programs on a phone");
    expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await guest.getByRole("link", { name: PROGRAM }).click();
    await expect.poll(() => heading(guest)).toBe(PROGRAM);
    await expectAccessible(guest, "a program's page on a phone");
  });
});
