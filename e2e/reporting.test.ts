// Participants' KPI reports, in Chromium with axe: the operator opens the demo campaign from the desk,
// filters the table to the submitted reports and returns one with a reason; the organization's owner, on
// a phone, finds it in the cabinet, fixes a figure and submits again; the operator accepts it.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const PHONE = { width: 390, height: 844 };
const REASON = "Уточните экспортную выручку по данным бухгалтерской отчётности.";

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const shown = (page: Page, text: string | RegExp) => () => page.getByText(text).count();

type Report = { id: string; organization: { id: string; shortName: string } };

describe("a participant's yearly report", () => {
  it("is returned by the operator, fixed and resubmitted on a phone, then accepted", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);
    const api = async <T>(path: string) =>
      (await (await operator.request.get(`${env.server.url}${path}`)).json()) as T;
    const [campaign] = (
      await api<{ items: { id: string; titleRu: string }[] }>("/api/operator/kpi-campaigns")
    ).items;
    const submitted = await api<{ items: Report[] }>(
      `/api/operator/kpi-campaigns/${campaign!.id}/reports?state=submitted&pageSize=100`,
    );
    const members = await api<{ email: string | null; role: string }[]>(
      `/api/organizations/${submitted.items[0]!.organization.id}/members`,
    );
    const owners = members.filter((m) => m.email && m.role === "owner");
    const report = submitted.items[0]!;

    // The desk links the campaigns; the campaign's table filtered to the submitted reports.
    await expect.poll(() => heading(operator)).toBe("Рабочий стол оператора");
    await operator.getByRole("link", { name: "Отчётность участников кластера" }).click();
    await expect.poll(() => heading(operator)).toBe("Отчётность участников кластера");
    await operator.getByRole("link", { name: campaign!.titleRu }).click();
    await expect.poll(() => heading(operator)).toBe(campaign!.titleRu);
    await operator.getByRole("combobox", { name: "Состояние" }).selectOption("submitted");
    await operator.getByRole("searchbox", { name: "Название или ИНН" }).fill(report.organization.shortName);
    await expect.poll(() => operator.getByRole("button", { name: "Вернуть" }).count()).toBe(1);
    await expectAccessible(operator, "the campaign's table");
    await operator.getByRole("button", { name: "Вернуть" }).click();
    const dialog = operator.getByRole("dialog", { name: "Вернуть отчёт на доработку" });
    await dialog.getByRole("textbox", { name: /Что нужно исправить/ }).fill(REASON);
    await expectAccessible(operator, "the return dialog");
    await dialog.getByRole("button", { name: "Вернуть" }).click();
    await expect.poll(() => operator.getByRole("button", { name: "Вернуть" }).count()).toBe(0);

    // The owner, on a phone: the cabinet says the report came back; the form shows the reason.
    const owner = await signInAs(env, owners[0]!.email!, PHONE);
    pages.push(owner);
    await owner.goto(`${env.server.url}/cabinet`);
    const link = owner.getByRole("link", { name: /Отчёт за \d{4} год возвращён на доработку/ }).first();
    await expect.poll(() => link.count()).toBeGreaterThan(0);
    await owner.goto(`${env.server.url}/cabinet/reports/${report.id}`);
    await expect.poll(shown(owner, REASON)).toBe(1);
    await expectAccessible(owner, "the report form on a phone");
    expect(await owner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const exported = owner.getByRole("textbox", { name: "Экспортная выручка" });
    await exported.fill("0");
    await owner.getByRole("button", { name: "Отправить отчёт" }).click();
    await expect.poll(shown(owner, "Сдан")).toBeGreaterThan(0);
    await expect.poll(() => owner.getByRole("button", { name: "Отправить отчёт" }).count()).toBe(0);

    // The operator accepts the resubmitted report.
    await operator.reload();
    await operator.getByRole("button", { name: "Принять" }).click();
    await operator
      .getByRole("dialog", { name: "Принять отчёт?" })
      .getByRole("button", { name: "Принять" })
      .click();
    await expect.poll(() => operator.getByRole("button", { name: "Принять" }).count()).toBe(0);
  });
});
