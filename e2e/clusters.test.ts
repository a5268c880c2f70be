// Clusters, in Chromium with axe: the operator creates a cluster and picks its lead from the directory,
// an organization's owner applies from the cluster's page, the lead's owner finds it waiting in the
// cabinet and accepts, and a guest on a phone finds the cluster in the catalog and reads the new member
// on its page.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const PHONE = { width: 390, height: 844 };
const NAME = "Технологии чистого воздуха";

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const shown = (page: Page, text: string | RegExp) => () => page.getByText(text).count();

describe("a cluster", () => {
  it("is created by the operator, an organization applies, the lead accepts, and the public reads it", async () => {
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
    const found = await api<{ items: { id: string; shortName: string }[] }>(
      "/api/directory?type=legal_entity&pageSize=10",
    );
    const [lead, applicant] = found.items;

    // The operator creates the cluster with its lead.
    await operator.goto(`${env.server.url}/clusters/new`);
    await expect.poll(() => heading(operator)).toBe("Новый кластер");
    await operator.getByRole("textbox", { name: /^Название/ }).fill(NAME);
    await operator
      .getByRole("textbox", { name: /^Тема/ })
      .fill("Датчики, фильтры и сервисы контроля качества воздуха в школах, больницах и на производствах.");
    await operator.getByRole("combobox", { name: /^Ведущая организация/ }).fill(lead!.shortName.slice(0, 12));
    await operator.getByRole("option", { name: lead!.shortName, exact: true }).click();
    await expectAccessible(operator, "the cluster form");
    await operator.getByRole("button", { name: "Создать кластер" }).click();
    await expect.poll(() => heading(operator)).toBe(NAME);
    const id = operator.url().split("/").pop()!;

    // An organization's owner applies from the cluster's page.
    const owner = await ownerOf(applicant!.id);
    await owner.goto(`${env.server.url}/clusters/${id}`);
    await expect.poll(() => heading(owner)).toBe(NAME);
    const choice = owner.getByRole("combobox", { name: "Организация" });
    if (await choice.count()) await choice.selectOption({ label: applicant!.shortName });
    await owner
      .getByRole("textbox", { name: /^Почему организация хочет вступить/ })
      .fill("Делаем датчики CO₂ для школ и хотим пилотировать их вместе с участниками кластера.");
    await expectAccessible(owner, "the application form");
    await owner.getByRole("button", { name: "Подать заявку" }).click();
    await expect.poll(shown(owner, `Заявка организации ${applicant!.shortName} ждёт решения`)).toBe(1);

    // The lead's owner finds the application waiting in the cabinet, with the oldest's name, and accepts.
    const leadOwner = await ownerOf(lead!.id);
    await leadOwner.goto(`${env.server.url}/cabinet`);
    const waiting = leadOwner.getByRole("region", { name: "Ждут ваших действий" });
    await expect
      .poll(() => waiting.getByText(`Дольше всех ждёт ${applicant!.shortName}`, { exact: false }).count())
      .toBe(1);
    await expectAccessible(leadOwner, "the cabinet with the cluster's application waiting");
    await waiting
      .getByRole("link", { name: `1 заявка на вступление в кластер «${NAME}» ждёт решения` })
      .click();
    await leadOwner.waitForURL(new RegExp(`/clusters/${id}/applications$`));
    await expect.poll(() => heading(leadOwner)).toBe("Заявки на вступление");
    await expect.poll(shown(leadOwner, /Делаем датчики CO₂/)).toBe(1);
    await expectAccessible(leadOwner, "the lead's applications");
    await leadOwner.getByRole("button", { name: "Принять" }).click();
    await expect.poll(shown(leadOwner, /Делаем датчики CO₂/)).toBe(0);

    // A guest on a phone: the catalog's search and the cluster's page with its new member.
    const guest = await (await env.browser.newContext({ locale: "ru-RU", viewport: PHONE })).newPage();
    pages.push(guest);
    await guest.goto(`${env.server.url}/clusters?q=${encodeURIComponent("чистого воздуха")}`);
    await expect.poll(shown(guest, NAME)).toBe(1);
    await expectAccessible(guest, "the clusters' catalog on a phone");
    expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await guest.getByRole("link", { name: NAME }).click();
    await expect.poll(() => heading(guest)).toBe(NAME);
    const members = guest.getByRole("region", { name: "Участники кластера" });
    await expect.poll(() => members.getByRole("link", { name: applicant!.shortName }).count()).toBe(1);
    await expectAccessible(guest, "a cluster's public page on a phone");
  });
});
