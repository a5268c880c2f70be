import { describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn } from "../src/shared/identifiers.js";
import { expectAccessible, registerOrganization, rng, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();

const signIn = (email: string) => signInAs(env, email);

describe("an organization becomes a cluster participant", () => {
  it("is registered, applies, is approved by the operator, shows the badge, and its owner gets the mail", async () => {
    const r = rng(Date.now() % 100000);
    const shortName = `ООО «Тестовые роботы ${Date.now() % 100000}»`;

    // 1. The user registers an organization.
    const user = await signIn("user@innocluster.demo");
    await user.goto(`${env.server.url}/organizations/new`);
    await registerOrganization(user, {
      inn: makeInn("legal", r, { region: "77" }),
      ogrn: makeOgrn(r, { region: "77", sign: "1" }),
      kpp: makeKpp("77", r),
      fullName: "Общество с ограниченной ответственностью «Тестовые роботы»",
      shortName,
      address: "г. Москва, ул. Тверская, д. 1",
    });
    await user.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
    const orgId = user.url().split("/").pop()!;
    await expectAccessible(user, "organization profile");

    // 2. It is verified: the owner uploads an extract from the register, the operator checks it.
    await user.goto(`${env.server.url}/organizations/${orgId}/verification`);
    await user.getByLabel("Файл документа").setInputFiles({
      name: "Выписка ЕГРЮЛ.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
      ),
    });
    await expectAccessible(user, "verification page");
    await user.getByRole("button", { name: "Отправить на проверку" }).click();
    await expect.poll(() => user.getByText("Документ на проверке").count()).toBe(1);
    const operator = await signIn("operator@innocluster.demo");
    await operator.goto(`${env.server.url}/operator/verifications?kind=verification`);
    const card = operator.getByRole("listitem").filter({ hasText: shortName });
    await expect.poll(() => card.count()).toBe(1);
    await card.getByRole("button", { name: "Подтвердить организацию" }).click();
    await expect.poll(() => operator.getByText(/Решение принято/).count()).toBeGreaterThan(0);

    // 3. It applies for participant status.
    await user.goto(`${env.server.url}/organizations/${orgId}/status`);
    await user.getByRole("button", { name: "Подать заявку на статус участника" }).click();
    await expect.poll(() => user.getByText("На рассмотрении").count()).toBeGreaterThan(0);
    await expectAccessible(user, "status page (pending)");

    // 4. The operator finds it in the queue and approves it.
    await operator.goto(`${env.server.url}/operator/applications`);
    await expect.poll(() => operator.getByRole("table").count()).toBe(1);
    await expectAccessible(operator, "operator queue");
    // The queue is oldest first; the new application is found by name.
    await operator.getByRole("searchbox", { name: "Название или ИНН" }).fill("Тестовые роботы");
    await expect.poll(() => operator.getByRole("link", { name: shortName }).count()).toBe(1);
    await operator.getByRole("link", { name: shortName }).click();
    await operator.waitForURL(/\/operator\/applications\/[0-9a-f-]{36}$/);
    await expectAccessible(operator, "application");
    await operator.getByRole("button", { name: "Одобрить", exact: true }).click();
    // approving asks for confirmation, as rejecting and returning do
    await operator.getByRole("dialog").getByRole("button", { name: "Одобрить и присвоить статус" }).click();
    await expect.poll(() => operator.getByText(/одобрен/i).count()).toBeGreaterThan(0);

    // 5. The badge shows on the organization's status page and in the public directory.
    await user.goto(`${env.server.url}/organizations/${orgId}/status`);
    await expect.poll(() => user.getByText("Участник кластера").count()).toBeGreaterThan(0);
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    await guest.goto(`${env.server.url}/directory/${orgId}`);
    await expect.poll(() => guest.getByText(/Участник кластера с/).count()).toBeGreaterThan(0);
    await expectAccessible(guest, "public organization page");

    // 6. The applicant got the decision by mail (and in the notification centre).
    const mails = await (await fetch(`${env.server.url}/api/dev/mail?pageSize=50`)).json();
    const decision = mails.items.find(
      (m: { to: string; subject: string }) => m.to === "user@innocluster.demo" && /участник/i.test(m.subject),
    );
    expect(decision, JSON.stringify(mails.items.slice(0, 5))).toBeTruthy();
    await user.goto(`${env.server.url}/notifications`);
    await expect.poll(() => user.getByText(/участник/i).count()).toBeGreaterThan(0);
    await expectAccessible(user, "notifications");
  });

  it("lets a guest search the directory with a word and a region facet (typos: directory API tests)", async () => {
    const page = await (
      await env.browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 } })
    ).newPage();
    await page.goto(`${env.server.url}/directory`);
    await expect.poll(() => page.getByText(/Найдено:/).count()).toBeGreaterThan(0);
    await expectAccessible(page, "directory");
    await page.getByRole("checkbox", { name: "Москва", exact: true }).check();
    await page.waitForURL(/region=77/);
    await page.getByRole("searchbox", { name: "Поиск организаций" }).fill("Технопарк");
    await page.waitForURL(/q=/);
    await expect.poll(() => page.getByText(/Найдено:/).count()).toBeGreaterThan(0);
  });
});
