import { describe, expect, it } from "vitest";
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

describe("finding 1: a member appears publicly only with their own consent", () => {
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
    await expect.poll(() => owner.getByText("Ждём согласия").count()).toBeGreaterThan(0);
    await expectAccessible(owner, "members page with a pending request");
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    await guest.goto(`${env.server.url}/directory/${orgId}`);
    await expect
      .poll(() => guest.getByRole("heading", { name: /Нейросенсорика/ }).count())
      .toBeGreaterThan(0);
    expect(await guest.getByText(MEMBER_NAME).count()).toBe(0);

    // The member sees the request on the organization's page and agrees, by keyboard.
    await member.goto(`${env.server.url}/organizations/${orgId}`);
    await expect
      .poll(() => member.getByText(/просит показать вас на публичной странице/).count())
      .toBeGreaterThan(0);
    await expectAccessible(member, "consent card (phone)");
    await member.getByRole("button", { name: "Согласиться" }).focus();
    await member.keyboard.press("Enter");
    await expect
      .poll(() =>
        member.getByText("Ваши имя и должность показаны на публичной странице организации.").count(),
      )
      .toBe(1);

    // Now the public page shows the member.
    await guest.reload();
    await expect.poll(() => guest.getByText(MEMBER_NAME).count()).toBeGreaterThan(0);
    await expectAccessible(guest, "public organization page with the member");

    // Withdrawing hides them at once.
    await member.getByRole("button", { name: "Отозвать согласие" }).click();
    await expect.poll(() => member.getByText("Вас нет на публичной странице организации.").count()).toBe(1);
    await guest.reload();
    await expect
      .poll(() => guest.getByRole("heading", { name: /Нейросенсорика/ }).count())
      .toBeGreaterThan(0);
    expect(await guest.getByText(MEMBER_NAME).count()).toBe(0);
  });
});
