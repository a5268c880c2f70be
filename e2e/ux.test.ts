// Journeys that used to lose people (issue 11 §3), on a desktop and a phone: the member's navigator
// opening with eligible measures, a measure's breakdown with failing conditions first, the operator's
// confirmed approval and a timeline naming who decided, and an English measure page with no Russian
// left unmarked.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();

const SIZES = [
  { name: "desktop", viewport: { width: 1366, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

type Outcome = { key: string; result: "met" | "not_met" | "unknown" };
type Card = {
  id: string;
  titleEn: string | null;
  applyUrl?: string | null;
  eligibility?: { verdict: string; criteria: Outcome[] };
};

/** Calls the API from the page, as its signed-in user. */
const api = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

const RANK: Record<string, number> = { Подходит: 0, Проверьте: 1, "Не подходит": 2 };

describe.each(SIZES)("on a $name", ({ name, viewport }) => {
  it("a member's navigator opens with the measures that fit their organization first", async () => {
    const page = await signInAs(env, "user@innocluster.demo", viewport);
    await page.goto(`${env.server.url}/measures`);
    const cards = page.getByRole("article");
    await expect.poll(() => cards.count()).toBeGreaterThan(3);
    // the sort box says what the list shows
    await expect
      .poll(() =>
        page
          .getByRole("combobox", { name: "Сортировка" })
          .or(page.getByLabel("Сортировка"))
          .first()
          .inputValue(),
      )
      .toMatch(/verdict|Сначала подходящие/);
    const badges = await cards.evaluateAll((els) =>
      els.map((el) => {
        const texts = [...el.querySelectorAll(".mantine-Badge-label")].map(
          (b) => b.textContent?.trim() ?? "",
        );
        return texts.find((x) => x === "Подходит" || x === "Проверьте" || x === "Не подходит") ?? "";
      }),
    );
    expect(badges[0]).toBe("Подходит");
    const ranks = badges.map((b) => RANK[b] ?? 9);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    // one banner for the demo data, no badge on each card
    expect(await page.getByText("Демо-данные", { exact: true }).count()).toBe(0);
    expect(await page.getByText(/^Демо-данные\./).count()).toBe(1);
    if (name === "phone") {
      // the list starts in the first screen
      const box = await cards.first().boundingBox();
      expect(box && box.y < viewport.height).toBe(true);
    }
    await expectAccessible(page, `member's navigator (${name})`);
    await page.context().close();
  });

  it("a measure's breakdown lists failing conditions first; the verdict shows once; apply steps back", async () => {
    const page = await signInAs(env, "user@innocluster.demo", viewport);
    const found = await api<{ items: Card[] }>(
      page,
      "/api/measures?eligibility=not_eligible&openNow=true&pageSize=50",
    );
    const measure =
      found.items.find((m) => m.eligibility?.criteria.some((c) => c.result === "met")) ?? found.items[0];
    expect(measure).toBeTruthy();
    await page.goto(`${env.server.url}/measures/${measure!.id}`);
    const section = page.getByRole("region", { name: "Условия участия" });
    await expect.poll(() => section.getByRole("heading", { level: 3 }).count()).toBeGreaterThan(0);
    const groups = await section.getByRole("heading", { level: 3 }).allTextContents();
    expect(groups[0]).toMatch(/^Не выполнено \(\d+\)$/);
    const order = ["Не выполнено", "Нужно уточнить", "Выполнено"];
    const seen = groups.map((g) => order.findIndex((o) => g.startsWith(o)));
    expect([...seen].sort()).toEqual(seen);
    // the verdict once, at the top
    expect(await page.getByText("Не подходит", { exact: true }).count()).toBe(1);
    // "apply" is secondary, with the reason beside it
    const apply = page.getByRole("button", { name: /Подать заявку/ });
    await expect.poll(() => apply.count()).toBe(1);
    expect(await apply.getAttribute("data-variant")).toBe("default");
    expect(await page.getByText(/^Ваша организация пока не подходит:/).count()).toBe(1);
    if (name === "phone") {
      // amount, deadline and apply come before the long text
      const applyBox = await apply.boundingBox();
      const descriptionBox = await page.getByRole("heading", { name: "Описание" }).boundingBox();
      expect(applyBox!.y).toBeLessThan(descriptionBox!.y);
      // buttons wrap instead of clipping
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll("main button, main a[data-variant]")]
          .filter((b) => b.scrollWidth > b.clientWidth + 1)
          .map((b) => b.textContent),
      );
      expect(clipped).toEqual([]);
    }
    await expectAccessible(page, `measure page, not eligible (${name})`);
    await page.context().close();
  });

  it("the operator approves after confirming, and the timeline names who decided", async () => {
    const page = await signInAs(env, "operator@innocluster.demo", viewport);
    await page.goto(`${env.server.url}/operator/applications`);
    if (name === "phone") {
      await expect
        .poll(() => page.getByRole("list", { name: "Очередь заявок" }).getByRole("listitem").count())
        .toBeGreaterThan(0);
      expect(await page.getByRole("table").count()).toBe(0);
    } else {
      await expect.poll(() => page.getByRole("table").count()).toBe(1);
    }
    await expectAccessible(page, `operator queue (${name})`);

    const queue = await api<{ items: { id: string; mine: boolean; organization: { shortName: string } }[] }>(
      page,
      "/api/operator/status-applications?state=pending&pageSize=50",
    );
    const app =
      queue.items.find((i) => !i.mine && !/«.*«/.test(i.organization.shortName)) ??
      queue.items.find((i) => !i.mine);
    expect(app).toBeTruthy();
    await page.goto(`${env.server.url}/operator/applications/${app!.id}`);
    await page.getByRole("button", { name: "Одобрить", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.count()).toBe(1);
    // nothing is decided before the confirmation
    expect((await api<{ state: string }>(page, `/api/operator/status-applications/${app!.id}`)).state).toBe(
      "pending",
    );
    await expectAccessible(page, `approve confirmation (${name})`);
    await dialog.getByRole("button", { name: "Одобрить и присвоить статус" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Заявка одобрена" }).count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText("Решение принял оператор Кузнецов Дмитрий Олегович").count())
      .toBeGreaterThan(0);
    // the confirmation has closed (while it fades out, axe reads its half-transparent text as low contrast)
    await expect.poll(() => dialog.count()).toBe(0);
    // the toast does not cover the header
    const toast = page.locator(".mantine-Notification-root").first();
    if (await toast.count()) {
      const header = await page.locator(".app-header").boundingBox();
      const box = await toast.boundingBox();
      if (box && header) expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    }
    await expectAccessible(page, `application approved (${name})`);

    // the organization's page, seen by the operator: a way back, no member-only prompts
    await page.getByRole("link", { name: "Открыть страницу организации" }).click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}\?application=/);
    await page.getByRole("link", { name: "Статус", exact: true }).click();
    await page.waitForURL(/\/status\?application=/);
    await expect.poll(() => page.getByRole("heading", { name: "История статуса" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: /Подать заявку|Редактировать/ }).count()).toBe(0);
    expect(await page.getByText("Подать заявку может владелец или администратор организации.").count()).toBe(
      0,
    );
    await page.getByRole("link", { name: "← К заявке на статус" }).click();
    await page.waitForURL(new RegExp(`/operator/applications/${app!.id}$`));
    await page.context().close();
  });

  it("an English measure page marks every Russian text it has no English for", async () => {
    const ctx = await env.browser.newContext({ locale: "en-GB", viewport });
    await ctx.addInitScript(() => localStorage.setItem("innocluster.lang", "en"));
    const page = await ctx.newPage();
    await page.goto(`${env.server.url}/measures`);
    const list = await api<{ items: Card[] }>(page, "/api/measures?pageSize=100");
    // Every seeded measure has its English title and text; what stays Russian (documents, providers)
    // must be marked — on two different measures.
    for (const measure of list.items.slice(0, 2)) {
      expect(measure).toBeTruthy();
      await page.goto(`${env.server.url}/measures/${measure!.id}`);
      await expect.poll(() => page.getByRole("heading", { name: "How to apply" }).count()).toBe(1);
      await expect.poll(() => page.getByRole("heading", { name: "Eligibility conditions" }).count()).toBe(1);
      const unmarked = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? "";
          const el = n.parentElement;
          if (!/[А-Яа-яЁё]/.test(text) || !el || el.closest("script,style,noscript")) continue;
          if (el.closest("[lang]")?.getAttribute("lang") !== "ru") out.push(text.trim().slice(0, 80));
        }
        return out;
      });
      expect(unmarked, `unmarked Russian on ${measure!.id}`).toEqual([]);
      if (!measure!.titleEn) expect(await page.getByText("in Russian").count()).toBeGreaterThan(0);
      await expectAccessible(page, `English measure page (${name})`);
    }
    await ctx.close();
  });
});
