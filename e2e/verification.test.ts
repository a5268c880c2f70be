import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn } from "../src/shared/identifiers.js";
import { expectAccessible, registerOrganization, rng, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const signIn = (email: string) => signInAs(env, email);

/** A JSON request from the page (same origin, with its session cookie). */
const post = <T>(page: Page, path: string, body: unknown) =>
  page.evaluate(
    async ([p, b]) => {
      const res = await fetch(p as string, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(b),
      });
      return { status: res.status, body: await res.json() };
    },
    [path, body] as const,
  ) as Promise<{ status: number; body: T }>;

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

describe("finding 7: INN squatting — a company claims its organization and the operator transfers it", () => {
  it("is claimed from the 'INN taken' screen by its real owner; the operator transfers ownership", async () => {
    const r = rng(Date.now() % 100000);
    const inn = makeInn("legal", r, { region: "77" });
    const shortName = `ООО «Квантовые сенсоры ${Date.now() % 100000}»`;

    // 1. Someone else registers the company's INN first.
    const squatter = await signIn("expert@innocluster.demo");
    const squat = await post<{ organization: { id: string } }>(squatter, "/api/organizations", {
      type: "legal_entity",
      inn,
      ogrn: makeOgrn(r, { region: "77", sign: "1" }),
      kpp: makeKpp("77", r),
      regionCode: "77",
      fullName: "Общество с ограниченной ответственностью «Квантовые сенсоры»",
      shortName,
      legalAddress: "г. Москва, ул. Тверская, д. 7",
    });
    expect(squat.status).toBe(201);
    const orgId = squat.body.organization.id;

    // The directory shows it as not verified.
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    await guest.goto(`${env.server.url}/directory/${orgId}`);
    await expect.poll(() => guest.getByText("Не подтверждена").count()).toBeGreaterThan(0);
    await expectAccessible(guest, "public page of an unverified organization");

    // 2. The real company tries to register and gets "INN taken"; it files a claim from there.
    const owner = await signIn("user@innocluster.demo");
    await owner.goto(`${env.server.url}/organizations/new`);
    await registerOrganization(owner, {
      inn,
      ogrn: makeOgrn(r, { region: "77", sign: "1" }),
      kpp: makeKpp("77", r),
      fullName: "Общество с ограниченной ответственностью «Квантовые сенсоры»",
      shortName: "Квантовые сенсоры",
      address: "г. Москва, ул. Тверская, д. 7",
    });
    // the INN is taken: the form goes back to the identifiers' step and offers a claim
    await expect.poll(() => owner.getByRole("heading", { name: /^Шаг 1 из 4/ }).count()).toBe(1);
    const claimLink = owner.getByRole("link", { name: "Это наша компания — подать заявление" });
    await expect.poll(() => claimLink.count()).toBe(1);
    await expectAccessible(owner, "INN taken");
    await claimLink.click();
    await owner.waitForURL(new RegExp(`/organizations/${orgId}/claim$`));
    await expect.poll(() => owner.getByText(shortName).count()).toBeGreaterThan(0);
    await owner.getByLabel("Файл документа").setInputFiles({
      name: "Выписка ЕГРЮЛ.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await owner
      .getByRole("textbox", { name: "Комментарий для оператора" })
      .fill("Наш ИНН занят посторонним лицом.");
    await expectAccessible(owner, "claim form");
    await owner.getByRole("button", { name: "Подать заявление" }).click();
    await owner.waitForURL(/\/claims$/);
    await expect.poll(() => owner.getByText("На проверке").count()).toBeGreaterThan(0);
    await expectAccessible(owner, "my claims");

    // 3. The operator transfers the organization to the claimant.
    const operator = await signIn("operator@innocluster.demo");
    await operator.goto(`${env.server.url}/operator/verifications?kind=claim`);
    const card = operator.getByRole("listitem").filter({ hasText: shortName });
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.getByText(/Заявитель: .*user@innocluster\.demo/).count()).toBe(1);
    await expectAccessible(operator, "verification queue");
    // On a phone too.
    await operator.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(operator, "verification queue on a phone");
    await operator.setViewportSize({ width: 1280, height: 900 });
    await card.getByRole("radio", { name: "Передать права заявителю" }).check();
    await card.getByRole("button", { name: "Передать права" }).click();
    await expect.poll(() => operator.getByText(/Решение принято/).count()).toBeGreaterThan(0);

    // 4. The claimant owns it, verified; the squatter no longer sees it.
    await owner.goto(`${env.server.url}/organizations/${orgId}`);
    await expect.poll(() => owner.getByText(/владелец/i).count()).toBeGreaterThan(0);
    expect(await owner.getByText("Не подтверждена").count()).toBe(0);
    await expectAccessible(owner, "the transferred organization");
    await squatter.goto(`${env.server.url}/organizations/${orgId}`);
    await expect.poll(() => squatter.getByText(/не найдена|Не найдено/i).count()).toBeGreaterThan(0);
    await squatter.goto(`${env.server.url}/notifications`);
    await expect.poll(() => squatter.getByText(/передана законному владельцу/).count()).toBeGreaterThan(0);
  });
});
