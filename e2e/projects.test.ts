// Projects, in Chromium with axe: a lead organization's owner creates a project, invites a partner with
// a share in the consortium editor (the sum said in words until it is 100%), the partner's owner
// accepts on the project's page, and a guest reads the joint project in the catalog on a phone.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const PHONE = { width: 390, height: 844 };
const TITLE = "Датчики качества воздуха в школьных классах";

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const shown = (page: Page, text: string | RegExp) => () => page.getByText(text).count();

describe("a joint project", () => {
  it("is created, a partner is invited with a share and accepts, and the public reads the consortium", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);
    const api = async <T>(path: string) =>
      (await (await operator.request.get(`${env.server.url}${path}`)).json()) as T;
    const ownerOf = async (organizationId: string) => {
      const members = await api<{ email: string | null; role: string }[]>(
        `/api/organizations/${organizationId}/members`,
      );
      const page = await signInAs(env, members.find((m) => m.email && m.role === "owner")!.email!);
      pages.push(page);
      return page;
    };
    const seeded = await api<{ items: { lead: { id: string; shortName: string } }[] }>(
      "/api/projects?joint=false&pageSize=1",
    );
    const lead = seeded.items[0]!.lead;
    const universities = await api<{ items: { id: string; shortName: string }[] }>(
      "/api/directory?type=university&pageSize=5",
    );
    const partner = universities.items.find((u) => u.id !== lead.id)!;

    // The lead's owner creates the project.
    const owner = await ownerOf(lead.id);
    await owner.goto(`${env.server.url}/projects/new`);
    await expect.poll(() => heading(owner)).toBe("Новый проект");
    await owner
      .getByRole("combobox", { name: "Ведущая организация" })
      .selectOption({ label: lead.shortName });
    await owner.getByRole("textbox", { name: "Название" }).fill(TITLE);
    await owner
      .getByRole("textbox", { name: "Описание" })
      .fill("Сеть датчиков CO₂ и температуры в классах с подсказкой учителю, когда проветрить.");
    await owner.getByRole("textbox", { name: "Бюджет, ₽" }).fill("12 500 000");
    await expectAccessible(owner, "the project form");
    await owner.getByRole("button", { name: "Создать проект" }).click();
    await expect.poll(() => heading(owner)).toBe(TITLE);

    // The consortium: the partner found in the directory, 30% to it; the sum says what is wrong.
    await owner
      .getByRole("combobox", { name: "Пригласить организацию" })
      .fill(partner.shortName.slice(0, 12));
    await owner.getByRole("option", { name: partner.shortName, exact: true }).click();
    await expect.poll(shown(owner, "Сумма долей: 100 % — должна быть ровно 100 %")).toBe(0);
    await owner.getByRole("textbox", { name: `Роль: ${partner.shortName}` }).fill("Испытания в лаборатории");
    await owner.getByRole("textbox", { name: `Доля, %: ${partner.shortName}` }).fill("30");
    await expect.poll(shown(owner, "Сумма долей: 130 % — должна быть ровно 100 %")).toBe(1);
    await owner.getByRole("textbox", { name: `Доля, %: ${lead.shortName}` }).fill("70");
    await expect.poll(shown(owner, "Сумма долей: 100 %")).toBe(1);
    await expectAccessible(owner, "the project's page with its managers' panels");
    await owner.getByRole("button", { name: "Сохранить консорциум" }).click();
    await expect.poll(shown(owner, "Приглашена")).toBeGreaterThan(0);
    const id = owner.url().split("/").pop()!;

    // The partner's owner accepts.
    const partnerOwner = await ownerOf(partner.id);
    await partnerOwner.goto(`${env.server.url}/projects/${id}`);
    await expect.poll(shown(partnerOwner, "Приглашение в консорциум")).toBe(1);
    await expectAccessible(partnerOwner, "the invitation");
    await partnerOwner.getByRole("button", { name: "Принять" }).click();
    await expect.poll(shown(partnerOwner, "Приглашение в консорциум")).toBe(0);

    // A guest on a phone: the catalog's joint filter and the project's consortium.
    const guest = await (await env.browser.newContext({ locale: "ru-RU", viewport: PHONE })).newPage();
    pages.push(guest);
    await guest.goto(
      `${env.server.url}/projects?joint=true&q=${encodeURIComponent("датчики качества воздуха")}`,
    );
    await expect.poll(shown(guest, TITLE)).toBe(1);
    await expectAccessible(guest, "the projects' catalog on a phone");
    expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await guest.getByRole("link", { name: TITLE }).click();
    await expect.poll(() => heading(guest)).toBe(TITLE);
    await expect.poll(shown(guest, "Испытания в лаборатории · 30 %")).toBe(1);
    await expectAccessible(guest, "the project's public page on a phone");

    // The partner's projects, as its public page links them.
    await guest.goto(`${env.server.url}/projects?organization=${partner.id}`);
    await expect.poll(shown(guest, TITLE)).toBe(1);
    await expect.poll(shown(guest, "Проекты одной организации")).toBeGreaterThan(0);

    // The phone's drawer lists the catalog (the bar has no room for it).
    await guest.getByRole("button", { name: "Открыть меню" }).click();
    await guest.getByRole("dialog").getByRole("link", { name: "Проекты", exact: true }).click();
    await expect.poll(() => heading(guest)).toBe("Инновационные проекты");

    // The operator's queue of declared money, under "More".
    await operator.goto(`${env.server.url}/desk`);
    await operator.getByRole("button", { name: "Ещё" }).click();
    await operator.getByRole("menuitem", { name: "Инвестиции и поддержка на проверке" }).click();
    await operator.waitForURL(/\/projects\/queue$/);
    await expect.poll(() => heading(operator)).toBe("Инвестиции и поддержка на проверке");
    await expectAccessible(operator, "the operator's queue");
  });
});
