// A grant from the joint project to the public numbers, in Chromium with axe, through the real pages: a
// company's owner creates a joint project and invites a university, whose owner accepts; the company
// applies for a grant on that project with two expense items and their documents; the operator returns
// it for a missing document, the owner attaches it and resubmits; the operator confirms completeness and
// assigns the expert, who accepts one item partly (with the reason); the commission approves, the signed
// agreement is uploaded and the payment recorded. Time passes (the one step the pages cannot do: the
// server is stopped and the first report's due day moved near); the owner finds the due report in the
// cabinet and submits it, and «Кластер в цифрах» shows the grant approved and paid and the city support.
// (The accounts, the organizations and the program come from the seed and the API: they are not the point.)
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { clusterDate } from "../src/shared/clock.js";
import { addDays } from "../src/shared/dates.js";
import { declareForGrant, expectAccessible, serverAndBrowser, signInAs, uploadPdf } from "./harness.js";

const env = serverAndBrowser();
const PROJECT = "Цифровой двойник линии розлива питьевой воды";
const APPLICATION = "Возмещение затрат на оборудование и ПО цифрового двойника";
const LEAD = "ООО «Нейросенсорика»";
const KPI_YEAR = new Date().getFullYear() + 1;

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const shown = (page: Page, text: string | RegExp) => () => page.getByText(text).count();
const rubles = (n: number) =>
  new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB", maximumFractionDigits: 0 }).format(n);
const flat = (s: string | null) => (s ?? "").replace(/\s+/g, " ");

type Numbers = {
  support: { total: number };
  grants: { approved: number; approvedCount: number; paid: number; paidCount: number };
  series: { key: string; values: number[] }[];
};

/** What the journey carries from step to step. */
const s = {} as {
  operator: Page;
  owner: Page;
  programId: string;
  applicationUrl: string;
  before: Numbers;
};

async function stateIs(page: Page, state: string) {
  await expect.poll(() => page.getByText(state, { exact: true }).count()).toBeGreaterThan(0);
}

describe("a grant's journey", () => {
  it("a company's owner creates a joint project and a university's owner accepts the invitation", async () => {
    const url = env.server.url;
    s.operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(s.operator);
    const api = async <T>(path: string) =>
      (await (await s.operator.request.get(`${url}${path}`)).json()) as T;
    s.before = await api<Numbers>("/api/public/numbers");

    // Setup: the operator's program (its form is grants.test.ts's), open to any organization.
    const day = 86_400_000;
    const program = await s.operator.request.post(`${url}/api/grant-programs`, {
      headers: { origin: url },
      data: {
        titleRu: "Компенсация затрат на цифровизацию производства",
        descriptionRu:
          "Грант возмещает половину затрат на оборудование и программы для цифрового производства.",
        legalBasisRu: "Порядок предоставления грантов участникам кластера",
        legalBasisNumber: "1190-ПП",
        eligibility: {
          participantsOnly: false,
          orgTypes: [],
          smeCategories: [],
          noTaxDebt: true,
          minAgeMonths: null,
        },
        categories: [
          { category: "equipment", share: 5000, cap: null },
          { category: "software", share: 5000, cap: null },
        ],
        maxPerApplicant: 500_000_000,
        budget: 5_000_000_000,
        opensAt: new Date(Date.now() - day).toISOString(),
        closesAt: new Date(Date.now() + 30 * day).toISOString(),
        checkDays: 10,
      },
    });
    expect(program.status(), await program.text()).toBe(201);
    s.programId = ((await program.json()) as { id: string }).id;
    const universities = await api<{ items: { id: string; shortName: string }[] }>(
      "/api/directory?type=university&pageSize=1",
    );
    const partner = universities.items[0]!;
    const members = await api<{ email: string | null; role: string }[]>(
      `/api/organizations/${partner.id}/members`,
    );

    // The company's owner creates the project and invites the university with 30% of the budget.
    s.owner = await signInAs(env, "user@innocluster.demo");
    pages.push(s.owner);
    const owner = s.owner;
    await owner.goto(`${url}/projects/new`);
    await expect.poll(() => heading(owner)).toBe("Новый проект");
    await owner.getByRole("combobox", { name: "Ведущая организация" }).selectOption({ label: LEAD });
    await owner.getByRole("textbox", { name: "Название" }).fill(PROJECT);
    await owner
      .getByRole("textbox", { name: "Описание" })
      .fill("Модель линии розлива, которая предсказывает простои по данным датчиков и подсказывает наладку.");
    await owner.getByRole("textbox", { name: "Бюджет, ₽" }).fill("9 000 000");
    await expectAccessible(owner, "the project form");
    await owner.getByRole("button", { name: "Создать проект" }).click();
    await expect.poll(() => heading(owner)).toBe(PROJECT);
    await owner
      .getByRole("combobox", { name: "Пригласить организацию" })
      .fill(partner.shortName.slice(0, 12));
    await owner.getByRole("option", { name: partner.shortName, exact: true }).click();
    await owner.getByRole("textbox", { name: `Роль: ${partner.shortName}` }).fill("Модель и испытания");
    await owner.getByRole("textbox", { name: `Доля, %: ${partner.shortName}` }).fill("30");
    await owner.getByRole("textbox", { name: `Доля, %: ${LEAD}` }).fill("70");
    await expect.poll(shown(owner, "Сумма долей: 100 %")).toBe(1);
    await owner.getByRole("button", { name: "Сохранить консорциум" }).click();
    await expect.poll(shown(owner, "Приглашена")).toBeGreaterThan(0);
    const projectUrl = owner.url();

    // The university's owner accepts on the project's page.
    const partnerOwner = await signInAs(env, members.find((m) => m.email && m.role === "owner")!.email!);
    pages.push(partnerOwner);
    await partnerOwner.goto(projectUrl);
    await expect.poll(shown(partnerOwner, "Приглашение в консорциум")).toBe(1);
    await expectAccessible(partnerOwner, "the invitation");
    await partnerOwner.getByRole("button", { name: "Принять" }).click();
    await expect.poll(shown(partnerOwner, "Приглашение в консорциум")).toBe(0);
    await expect.poll(shown(partnerOwner, "Модель и испытания · 30 %")).toBe(1);
  });

  it("the company applies on the project with two expense items and their documents", async () => {
    const owner = s.owner;
    await owner.goto(`${env.server.url}/grants/programs/${s.programId}`);
    await owner.getByRole("link", { name: "Подать заявку" }).click();
    await expect.poll(() => heading(owner)).toBe("Заявка на грант");
    await owner.getByRole("combobox", { name: "Организация-заявитель" }).selectOption({ label: LEAD });
    await owner.getByRole("textbox", { name: "Название заявки" }).fill(APPLICATION);
    await expect.poll(() => owner.getByRole("option", { name: PROJECT }).count()).toBe(1);
    await owner.getByRole("combobox", { name: "Проект" }).selectOption({ label: PROJECT });
    const items = [
      {
        what: "Промышленный контроллер и датчики давления",
        supplier: "ООО «Промавтоматика»",
        paidOn: "2026-10-15",
        amount: "1 440 000",
        noVat: "1 200 000",
      },
      {
        what: "Лицензия на среду моделирования",
        supplier: "ООО «Моделирующие системы»",
        paidOn: "2026-10-20",
        amount: "480 000",
        noVat: "400 000",
      },
    ];
    await owner.getByRole("button", { name: "Добавить статью затрат" }).click();
    await owner
      .getByRole("combobox", { name: "Категория затрат" })
      .nth(1)
      .selectOption({ label: "Программное обеспечение" });
    for (const [i, it] of items.entries()) {
      await owner.getByRole("textbox", { name: "Что приобретено" }).nth(i).fill(it.what);
      await owner.getByRole("textbox", { name: "Поставщик" }).nth(i).fill(it.supplier);
      await owner.getByRole("textbox", { name: "ИНН" }).nth(i).fill("7707083893");
      await owner.getByLabel("Дата оплаты").nth(i).fill(it.paidOn);
      await owner.getByRole("textbox", { name: "Сумма с НДС, ₽" }).nth(i).fill(it.amount);
      await owner.getByRole("textbox", { name: "Сумма без НДС, ₽" }).nth(i).fill(it.noVat);
    }
    // half of 1 200 000 and of 400 000, shown as the owner types
    await expect.poll(shown(owner, /Запрашиваемая сумма гранта: 800\s000\s₽/)).toBe(1);
    await owner.getByRole("textbox", { name: `Выручка, ₽, ${KPI_YEAR}` }).fill("60000000");
    await owner.getByRole("textbox", { name: `Рабочие места, ${KPI_YEAR}` }).fill("12");
    await declareForGrant(owner);
    await expectAccessible(owner, "the application form");
    await owner.getByRole("button", { name: "Сохранить черновик" }).click();
    await expect.poll(() => heading(owner)).toBe(APPLICATION);
    s.applicationUrl = owner.url();

    // The contract, invoice, payment order and acceptance act of each item.
    const attach = owner.getByRole("button", { name: "Приложить" });
    for (let i = 0; i < 8; i++) {
      await uploadPdf(owner, () => attach.first().click(), `document-${i + 1}.pdf`);
      await expect.poll(() => attach.count()).toBe(7 - i);
    }
    await expectAccessible(owner, "the application with its documents");
    await owner.getByRole("button", { name: "Подать заявку" }).click();
    await expect.poll(shown(owner, /Проверка комплектности — до/)).toBeGreaterThan(0);
  });

  it("is returned for a missing document, completed and resubmitted", async () => {
    const { operator, owner } = s;
    await operator.goto(s.applicationUrl);
    await expect.poll(() => heading(operator)).toBe(APPLICATION);
    await operator.getByRole("checkbox", { name: "Акт приёма-передачи" }).first().check();
    await operator
      .getByRole("textbox", { name: "Комментарий заявителю" })
      .fill("Акт не подписан поставщиком");
    await expectAccessible(operator, "the completeness check");
    await operator.getByRole("button", { name: "Вернуть на доработку" }).click();
    await stateIs(operator, "Возвращена на доработку");

    await owner.reload();
    await expect.poll(shown(owner, "Заявка возвращена на доработку")).toBe(1);
    const asked = owner.getByRole("listitem").filter({ hasText: "запрошен оператором" });
    await expect.poll(() => asked.count()).toBe(1);
    await uploadPdf(
      owner,
      () => asked.getByRole("button", { name: /Приложить|Заменить/ }).click(),
      "act-signed.pdf",
    );
    await expect.poll(shown(owner, "act-signed.pdf")).toBe(1);
    await expectAccessible(owner, "the returned application");
    await owner.getByRole("button", { name: "Подать повторно" }).click();
    await expect.poll(shown(owner, "Заявка подана повторно")).toBe(1);
  });

  it("the operator assigns the expert, who accepts an item partly; the commission approves", async () => {
    const { operator } = s;
    await operator.reload();
    await operator.getByRole("button", { name: "Принять на экспертизу" }).click();
    await stateIs(operator, "Экспертиза");
    await operator.getByRole("textbox", { name: "Почта экспертов" }).fill("expert@innocluster.demo");
    await operator.getByRole("button", { name: "Назначить экспертов" }).click();
    await expect.poll(shown(operator, /· expert@innocluster\.demo/)).toBe(1);

    const expert = await signInAs(env, "expert@innocluster.demo");
    pages.push(expert);
    // the link of the assignment's notice (the demo expert's list has many before it)
    await expert.goto(s.applicationUrl);
    await expect.poll(() => heading(expert)).toBe(APPLICATION);
    await expert
      .getByRole("combobox", { name: "1. Промышленный контроллер и датчики давления" })
      .selectOption({ label: "Принята частично" });
    await expert.getByRole("textbox", { name: "Принятая часть без НДС, ₽" }).first().fill("1 000 000");
    await expert
      .getByRole("textbox", { name: "Причина" })
      .first()
      .fill("Монтаж оборудования (200 000 ₽) не возмещается программой");
    await expectAccessible(expert, "the expert review");
    await expert.getByRole("button", { name: "Завершить экспертизу" }).click();
    await stateIs(expert, "Рассмотрение комиссией");

    // half of the 1 000 000 accepted of the first item and of the 400 000 of the second
    await operator.reload();
    await expect.poll(shown(operator, /По итогам экспертизы: 700\s000\s₽/)).toBe(1);
    await expectAccessible(operator, "the commission's decision");
    await operator.getByRole("button", { name: "Одобрить" }).click();
    await stateIs(operator, "Одобрена");
  });

  it("the signed agreement is uploaded and the payment recorded", async () => {
    const { operator } = s;
    const today = clusterDate();
    await operator.getByLabel("Подписано заявителем").fill(today);
    await operator.getByLabel("Подписано оператором").fill(today);
    await expectAccessible(operator, "the agreement");
    await uploadPdf(
      operator,
      () => operator.getByRole("button", { name: "Загрузить подписанное соглашение" }).click(),
      "Соглашение.pdf",
    );
    await stateIs(operator, "Соглашение подписано");
    await operator.getByLabel("Дата перечисления").fill(today);
    await operator.getByRole("button", { name: "Отметить перечисление" }).click();
    await stateIs(operator, "Грант перечислен");
    await expect.poll(shown(operator, `Отчёт за ${KPI_YEAR} год`)).toBe(1);
  });

  it("time passes: the first yearly report falls due, and the owner submits it from the cabinet", async () => {
    const id = s.applicationUrl.split("/").pop()!;
    const due = addDays(clusterDate(), 20);
    // TIME PASSES — a shortcut, not a page: the pages cannot make some fifteen months go by and the server
    // has no clock to turn, so the first report's due day is brought to 20 days from today instead,
    // written to the database while the server is stopped (PGlite is one process's).
    await env.server.whileStopped(async (query) => {
      const moved = await query(
        "update grant_reports set due_on = $1 where application_id = $2 and year = $3 returning id",
        [due, id, KPI_YEAR],
      );
      expect(moved).toHaveLength(1);
    });

    const owner = s.owner;
    await owner.goto(`${env.server.url}/cabinet`);
    const dueText = new Intl.DateTimeFormat("ru-RU", { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(due),
    );
    const entry = owner.getByRole("link", {
      name: `Годовой отчёт за ${KPI_YEAR} год по гранту «${APPLICATION}»`,
    });
    await expect.poll(() => entry.count()).toBe(1);
    await expect.poll(shown(owner, `Сдать до ${dueText}`)).toBeGreaterThan(0);
    await expectAccessible(owner, "the cabinet with the grant's report due");
    await entry.click();
    await expect.poll(() => heading(owner)).toBe(APPLICATION);
    await owner.getByRole("textbox", { name: "Выручка, ₽" }).fill("61500000");
    await owner.getByRole("textbox", { name: "Рабочие места" }).fill("13");
    await owner.getByRole("textbox", { name: "Объём собственного производства, ₽" }).fill("18000000");
    await expectAccessible(owner, "the yearly report");
    await owner.getByRole("button", { name: "Отправить отчёт" }).click();
    await expect.poll(shown(owner, "На проверке")).toBe(1);
    await stateIs(owner, "Отчётность");
    // the server's restart is in this step
  }, 240_000);

  it("«Кластер в цифрах» shows the grant approved and paid and the city support", async () => {
    const { before } = s;
    const amount = 700_000;
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    pages.push(guest);
    const after = (await (await guest.request.get(`${env.server.url}/api/public/numbers`)).json()) as Numbers;
    expect(after.grants.approved - before.grants.approved).toBe(amount);
    expect(after.grants.paid - before.grants.paid).toBe(amount);
    expect(after.support.total - before.support.total).toBe(amount);

    // A guest's rendered page is kept 5 s per address (src/server/ssr.ts): another address.
    await guest.goto(`${env.server.url}/numbers?after=grant`);
    await expect.poll(() => heading(guest)).toBe("Кластер в цифрах");
    await expect.poll(shown(guest, `заявок: ${before.grants.approvedCount + 1}`)).toBe(1);
    await expect
      .poll(shown(guest, `выплат: ${before.grants.paidCount + 1}; входят в поддержку города`))
      .toBe(1);
    const thisMonth = (key: string) => before.series.find((x) => x.key === key)!.values.at(-1)!;
    for (const [title, key] of [
      ["Поддержка города", "support"],
      ["Одобренные гранты", "grantsApproved"],
      ["Выплаченные гранты", "grantsPaid"],
    ] as const)
      await expect
        .poll(async () => flat(await guest.getByRole("figure", { name: title }).textContent()))
        .toContain(flat(`в текущем месяце — ${rubles(thisMonth(key) + amount)}`));
    await expectAccessible(guest, "the cluster in numbers after the grant");
  });
});
