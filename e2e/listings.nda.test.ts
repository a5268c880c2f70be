// An order behind an NDA, in Chromium with axe: the customer attaches a drawing on the order's page
// (the upload shows its progress), a manufacturer sees the NDA's text in place of the details, accepts
// it for its organization and then sees the description and downloads the drawing; a guest does not.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const TITLE = "Корпус датчика давления, 200 шт.";
const SECRET = "Корпус по чертежу ДД-17, допуск 0,02 мм, пассивирование.";
const STEP = "ISO-10303-21;\nHEADER;\nFILE_NAME('dd17.stp');\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n";

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${env.server.url}${path}`, {
    headers: { origin: env.server.url },
    data,
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

describe("an order behind an NDA", () => {
  it("opens its description and drawing to a manufacturer once it accepts the NDA", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    const customer = await signInAs(env, "user@innocluster.demo");
    pages.push(operator, customer);
    const mine = (await (await customer.request.get(`${env.server.url}/api/me/organizations`)).json()) as {
      items: { organization: { id: string; shortName: string } }[];
    };
    const park = mine.items.find((i) => i.organization.shortName === "Технопарк «Строгино»")!.organization;
    const draft = await post<{ id: string; version: number }>(customer, "/api/listings", {
      organizationId: park.id,
      kind: "rfq",
      titleRu: TITLE,
      descriptionRu: SECRET,
      values: {
        process: "cnc_turning",
        quantity: 200,
        deadline: "2099-06-01",
        budget: 640000,
        ndaRequired: true,
      },
    });

    // The customer attaches the drawing on the page.
    await customer.goto(`${env.server.url}/listings/${draft.id}`);
    await customer.getByRole("button", { name: "Добавить файлы" }).waitFor();
    await customer.locator('input[type="file"]').setInputFiles({
      name: "ДД-17.stp",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(STEP),
    });
    await expect.poll(() => customer.getByRole("link", { name: "ДД-17.stp" }).count()).toBe(1);
    await expectAccessible(customer, "the order's files for its author");
    const sent = await post<{ version: number }>(customer, `/api/listings/${draft.id}/submit`, {
      version: draft.version,
    });
    await post(operator, `/api/operator/listings/${draft.id}/decision`, {
      decision: "approve",
      version: sent.version,
    });

    // A guest sees the summary and the NDA's text, not the details.
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    pages.push(guest);
    await guest.goto(`${env.server.url}/listings/${draft.id}`);
    await guest.getByRole("heading", { name: "Подробности — после принятия NDA" }).waitFor();
    expect(await guest.getByText(SECRET).count()).toBe(0);
    expect(await guest.getByRole("link", { name: "ДД-17.stp" }).count()).toBe(0);

    // A member of another verified organization (a manufacturer of the demo data) accepts it.
    const capabilities = (await (
      await operator.request.get(`${env.server.url}/api/listings?kind=capability`)
    ).json()) as { items: { organization: { id: string } }[] };
    const maker = capabilities.items.find((c) => c.organization.id !== park.id)!.organization;
    const members = (await (
      await operator.request.get(`${env.server.url}/api/organizations/${maker.id}/members`)
    ).json()) as { email: string | null; role: string }[];
    const makerPage = await signInAs(env, members.find((m) => m.email && m.role === "owner")!.email!);
    pages.push(makerPage);
    await makerPage.goto(`${env.server.url}/listings/${draft.id}`);
    await makerPage.getByRole("heading", { name: "Подробности — после принятия NDA" }).waitFor();
    expect(await makerPage.getByText(/получающая сторона/).count()).toBeGreaterThan(0);
    await expectAccessible(makerPage, "the NDA before accepting");
    await makerPage.getByRole("button", { name: "Принять условия NDA" }).click();
    await makerPage.getByText(SECRET).waitFor();
    const link = makerPage.getByRole("link", { name: "ДД-17.stp" });
    const download = await makerPage.request.get(`${env.server.url}${await link.getAttribute("href")}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("ISO-10303-21;");
    await expectAccessible(makerPage, "the order after accepting the NDA");
  });
});
