// The cluster in numbers, in Chromium with axe: a guest follows the home page's block to «Кластер в
// цифрах», reads the figures, opens a chart's table, and on a phone nothing scrolls sideways; once the
// operator confirms a declared investment, the public figures include it.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const PHONE = { width: 390, height: 844 };
const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

type Numbers = { investment: { byType: { type: string; amount: number }[] } };
type Entry = { id: string; kind: string; investmentType: string | null; amount: number; version: number };
const rubles = (n: number) =>
  new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB", maximumFractionDigits: 0 }).format(n);
const flat = (s: string | null) => (s ?? "").replace(/\s+/g, " ");

describe("the cluster in numbers", () => {
  it("is reached from the home page, is accessible with its tables, and follows the operator's confirmation", async () => {
    const guest = await (await env.browser.newContext({ locale: "ru-RU" })).newPage();
    pages.push(guest);
    await guest.goto(env.server.url);
    await guest.getByRole("link", { name: "Все показатели кластера и их динамика" }).click();
    await guest.waitForURL(/\/numbers$/);
    await expect.poll(() => guest.getByRole("heading", { level: 1 }).textContent()).toBe("Кластер в цифрах");
    await expect.poll(() => guest.getByText("участников кластера", { exact: true }).count()).toBe(1);
    const chart = guest.getByRole("figure", { name: "Привлечённые инвестиции" });
    // the drawing (Mantine's bar chart, a lazy chunk) follows the figures: a bar per month
    await expect.poll(() => chart.locator(".recharts-bar-rectangle").count()).toBe(24);
    await chart.getByText("Таблица").click();
    await expect.poll(() => chart.getByRole("row").count()).toBe(25);
    await expectAccessible(guest, "the cluster in numbers with a chart's table open");

    // The operator attaches the document to a declared investment and confirms it.
    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);
    const headers = { origin: env.server.url };
    const queue = (await (
      await operator.request.get(`${env.server.url}/api/operator/project-entries?pageSize=50`)
    ).json()) as { items: Entry[] };
    const entry = queue.items.find((e) => e.kind === "investment" && e.investmentType)!;
    const numbers = async () =>
      (await (await guest.request.get(`${env.server.url}/api/public/numbers`)).json()) as Numbers;
    const amountOf = (n: Numbers) => n.investment.byType.find((b) => b.type === entry.investmentType)!.amount;
    const before = amountOf(await numbers());
    const sent = await operator.request.post(`${env.server.url}/api/project-entries/${entry.id}/document`, {
      headers,
      multipart: { file: { name: "Договор.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) } },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    const { version } = (await sent.json()) as Entry;
    const decided = await operator.request.post(
      `${env.server.url}/api/operator/project-entries/${entry.id}/decision`,
      { headers, data: { decision: "confirm", version } },
    );
    expect(decided.status(), await decided.text()).toBe(200);

    // The public page shows it at once (the answer follows every committed write). A guest's rendered
    // page is kept 5 s per address (src/server/ssr.ts), so the guest asks for another address.
    await guest.goto(`${env.server.url}/numbers?after=confirmation`);
    const byType = guest.getByRole("table", { name: "Подтверждённые инвестиции по видам" });
    await expect
      .poll(async () => flat(await byType.textContent()))
      .toContain(flat(rubles(before + entry.amount)));

    // On a phone: nothing scrolls sideways, still accessible.
    const phone = await (await env.browser.newContext({ locale: "ru-RU", viewport: PHONE })).newPage();
    pages.push(phone);
    await phone.goto(`${env.server.url}/numbers`);
    await expect.poll(() => phone.getByText("участников кластера", { exact: true }).count()).toBe(1);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(phone, "the cluster in numbers on a phone");
  });
});
