import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe("the applicant and the operator discuss a status application", () => {
  it("exchange messages with a file; the applicant sees the operator's message arrive without reloading", async () => {
    const user = await signInAs(env, "user@innocluster.demo");
    const orgs = (await (await user.request.get(`${env.server.url}/api/me/organizations`)).json()) as {
      items: { organization: { id: string; shortName: string } }[];
    };
    const org = orgs.items.find((i) => i.organization.shortName === "ООО «Нейросенсорика»")!.organization;

    // The organization is verified and applies for participant status (as in organizations.test.ts).
    await user.goto(`${env.server.url}/organizations/${org.id}/verification`);
    await user.getByLabel("Файл документа").setInputFiles({
      name: "Выписка ЕГРЮЛ.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await user.getByRole("button", { name: "Отправить на проверку" }).click();
    await expect.poll(() => user.getByText("Документ на проверке").count()).toBe(1);
    const operator = await signInAs(env, "operator@innocluster.demo");
    await operator.goto(`${env.server.url}/operator/verifications?kind=verification`);
    const card = operator.getByRole("listitem").filter({ hasText: org.shortName });
    await expect.poll(() => card.count()).toBe(1);
    await card.getByRole("button", { name: "Подтвердить организацию" }).click();
    await expect.poll(() => operator.getByText(/Решение принято/).count()).toBeGreaterThan(0);
    await user.goto(`${env.server.url}/organizations/${org.id}/status`);
    await user.getByRole("button", { name: "Подать заявку на статус участника" }).click();
    await expect.poll(() => user.getByText("На рассмотрении").count()).toBeGreaterThan(0);

    // The status page links the application's conversation; the applicant opens it and writes with a file.
    await user.getByRole("link", { name: "Открыть переписку" }).click();
    await user.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const conversationUrl = user.url();
    await expect.poll(() => user.getByText("Заявка подана").count()).toBeGreaterThan(0);
    await user.getByRole("textbox", { name: "Сообщение" }).fill("Добрый день! Прикладываем устав.");
    await user
      .locator('input[type="file"]')
      .setInputFiles({ name: "Устав.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect.poll(() => user.getByText("Устав.pdf").count()).toBeGreaterThan(0);
    await user.getByRole("button", { name: "Отправить" }).click();
    await expect.poll(() => user.getByRole("link", { name: /Устав\.pdf/ }).count()).toBe(1);
    await expectAccessible(user, "conversation (applicant)");

    // The operator finds it among the messages (unread), reads the file and answers.
    await operator.goto(`${env.server.url}/messages`);
    await expect.poll(() => operator.getByRole("link", { name: org.shortName }).count()).toBeGreaterThan(0);
    await expectAccessible(operator, "messages page (operator)");
    await operator.getByRole("link", { name: org.shortName }).first().click();
    await operator.waitForURL(conversationUrl);
    await expect.poll(() => operator.getByText("Добрый день! Прикладываем устав.").count()).toBe(1);
    const download = await operator.request.get(
      `${env.server.url}${await operator.getByRole("link", { name: /Устав\.pdf/ }).getAttribute("href")}`,
    );
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    await expectAccessible(operator, "conversation (operator)");

    // The applicant's page is open and not reloaded: the operator's answer appears by itself.
    const reloads: string[] = [];
    user.on("framenavigated", (f) => {
      if (f === user.mainFrame()) reloads.push(f.url());
    });
    await operator
      .getByRole("textbox", { name: "Сообщение" })
      .fill("Спасибо, устав получили. Проверим до пятницы.");
    await operator.getByRole("button", { name: "Отправить" }).click();
    await expect
      .poll(() => user.getByText("Спасибо, устав получили. Проверим до пятницы.").count(), { timeout: 5000 })
      .toBe(1);
    expect(reloads).toEqual([]);
    // It is from the cluster's operator, as the organization sees it.
    await expect.poll(() => user.getByText("Оператор кластера").count()).toBeGreaterThan(0);

    // On a phone the conversation is usable too.
    await user.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(user, "conversation (phone)");
  });
});
