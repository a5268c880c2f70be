import { describe, expect, it } from "vitest";
import { makeInn, makeKpp, makeOgrn } from "../src/shared/identifiers.js";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();

const signIn = (email: string, viewport?: { width: number; height: number }) =>
  signInAs(env, email, viewport);

type MailSummary = { id: string; to: string; subject: string };

/** The newest mail to an address, with its text (development mailbox). */
async function newestMailTo(to: string) {
  const list = (await (await fetch(`${env.server.url}/api/dev/mail?pageSize=50`)).json()) as {
    items: MailSummary[];
  };
  const m = list.items.find((i) => i.to === to);
  if (!m) return null;
  return (await (await fetch(`${env.server.url}/api/dev/mail/${m.id}`)).json()) as { text: string };
}

describe("finding 8: a member appears publicly only with their own consent", () => {
  it("a manager asks, the member agrees, and the member appears on the public organization page", async () => {
    const MEMBER = "expert@innocluster.demo";
    const MEMBER_NAME = "Лебедева Марина Игоревна";
    const owner = await signIn("user@innocluster.demo");

    // The owner of «Нейросенсорика» invites the member (the invitation link arrives by mail).
    await owner.goto(`${env.server.url}/organizations`);
    await owner
      .getByRole("link", { name: /Нейросенсорика/ })
      .first()
      .click();
    await owner.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
    const orgId = owner.url().split("/").pop()!;
    await owner.goto(`${env.server.url}/organizations/${orgId}/members`);
    const invite = owner.getByRole("form", { name: "Пригласить сотрудника" });
    await invite.getByLabel("Электронная почта").fill(MEMBER);
    await invite.getByRole("button", { name: "Пригласить" }).click();
    await expect.poll(async () => (await newestMailTo(MEMBER))?.text ?? "").toMatch(/\/invitations\//);
    const link = (await newestMailTo(MEMBER))!.text.match(/https?:\/\/\S+\/invitations\/[\w-]+/)![0];

    // The member accepts on a phone.
    const member = await signIn(MEMBER, { width: 390, height: 844 });
    await member.goto(link);
    await member.getByRole("button", { name: "Принять приглашение" }).click();
    await member.waitForURL(new RegExp(`/organizations/${orgId}`));

    // The owner asks the member to be shown publicly: nothing is public yet.
    await owner.reload();
    await owner
      .getByRole("button", { name: `Попросить ${MEMBER_NAME} согласиться на показ на публичной странице` })
      .click();
    await owner.getByText("Ждём согласия").first().waitFor();
    await expectAccessible(owner, "members page with a pending request");
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    await guest.goto(`${env.server.url}/directory/${orgId}`);
    await guest
      .getByRole("heading", { name: /Нейросенсорика/ })
      .first()
      .waitFor();
    expect(await guest.getByText(MEMBER_NAME).count()).toBe(0);

    // The member sees the request on the organization's page and agrees, by keyboard.
    await member.goto(`${env.server.url}/organizations/${orgId}`);
    await member
      .getByText(/просит показать вас на публичной странице/)
      .first()
      .waitFor();
    await expectAccessible(member, "consent card (phone)");
    await member.getByRole("button", { name: "Согласиться" }).focus();
    await member.keyboard.press("Enter");
    await member.getByText("Ваши имя и должность показаны на публичной странице организации.").waitFor();

    // Now the public page shows the member.
    await guest.reload();
    await guest.getByText(MEMBER_NAME).first().waitFor();
    await expectAccessible(guest, "public organization page with the member");

    // Withdrawing hides them at once.
    await member.getByRole("button", { name: "Отозвать согласие" }).click();
    await member.getByText("Вас нет на публичной странице организации.").first().waitFor();
    await guest.reload();
    await guest
      .getByRole("heading", { name: /Нейросенсорика/ })
      .first()
      .waitFor();
    expect(await guest.getByText(MEMBER_NAME).count()).toBe(0);
  });
});

/** The smallest PDF the document check accepts: an extract's stand-in. */
const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

describe("finding 10: a participant's new name waits for the operator", () => {
  it("the owner renames, the name stays until the operator approves it on the name-change screen", async () => {
    const seed = Date.now() % 100000;
    let x = seed;
    const r = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
    const owner = await signIn("user@innocluster.demo");
    const operator = await signIn("operator@innocluster.demo");
    const headers = { origin: env.server.url };
    const oldName = `ООО «Сенсоры ${seed}»`;
    const newName = `ООО «Сенсорные системы ${seed}»`;
    // An organization that is a participant already (registered, applied and approved through the API).
    const created = await owner.request.post(`${env.server.url}/api/organizations`, {
      headers,
      data: {
        type: "legal_entity",
        inn: makeInn("legal", r, { region: "77" }),
        ogrn: makeOgrn(r, { region: "77", sign: "1" }),
        kpp: makeKpp("77", r),
        regionCode: "77",
        fullName: `Общество с ограниченной ответственностью «Сенсоры ${seed}»`,
        shortName: oldName,
        legalAddress: "г. Москва, ул. Тверская, д. 1",
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const orgId = (await created.json()).organization.id as string;
    // A new organization is verified by the operator from a document before it may apply (finding 7).
    const sent = await owner.request.post(`${env.server.url}/api/organizations/${orgId}/verification`, {
      headers,
      multipart: {
        documentType: "register_extract",
        file: { name: "Выписка ЕГРЮЛ.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) },
      },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    const request = (await sent.json()) as { id: string; version: number };
    const verified = await operator.request.post(
      `${env.server.url}/api/operator/verifications/${request.id}/decision`,
      { headers, data: { decision: "verify", version: request.version } },
    );
    expect(verified.status(), await verified.text()).toBe(200);
    const applied = await owner.request.post(
      `${env.server.url}/api/organizations/${orgId}/status-applications`,
      {
        headers,
        data: { requestedStatus: "participant" },
      },
    );
    expect(applied.status(), await applied.text()).toBe(201);
    const app = await applied.json();
    const approved = await operator.request.post(
      `${env.server.url}/api/operator/status-applications/${app.id}/decision`,
      { headers, data: { decision: "approve", version: app.version } },
    );
    expect(approved.status(), await approved.text()).toBe(200);

    // The owner renames in the profile form, which says the name waits for the operator.
    await owner.goto(`${env.server.url}/organizations/${orgId}?edit=1`);
    await owner
      .getByText(/новое название вступит в силу после одобрения оператором/)
      .first()
      .waitFor();
    await expectAccessible(owner, "profile form of a participant");
    await owner.getByRole("textbox", { name: "Краткое наименование", exact: true }).fill(newName);
    await owner.getByRole("button", { name: "Сохранить изменения" }).click();
    await owner.getByText("Новое название ждёт одобрения оператора").first().waitFor();
    await owner.getByRole("heading", { name: oldName }).first().waitFor();

    // The operator approves it on the name-change screen.
    await operator.goto(`${env.server.url}/operator/applications`);
    await operator.getByRole("link", { name: /Смена названий участников и партнёров/ }).click();
    await operator.waitForURL(/\/operator\/name-changes$/);
    const card = operator.getByRole("article", { name: oldName });
    await card.first().waitFor();
    await expectAccessible(operator, "operator name changes");
    await card.getByRole("button", { name: "Одобрить" }).click();
    await operator.getByRole("article", { name: oldName }).waitFor({ state: "detached" });

    await owner.goto(`${env.server.url}/organizations/${orgId}`);
    await owner.getByRole("heading", { name: newName }).first().waitFor();
  });
});
