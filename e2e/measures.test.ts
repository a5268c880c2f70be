import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser } from "./harness.js";

const env = serverAndBrowser();

type Outcome = { key: string; result: "met" | "not_met" | "unknown"; field?: string };
type Card = { id: string; title: string; eligibility?: { verdict: string; criteria: Outcome[] } };

/** Calls the API from the page, as the signed-in user (same origin, same cookie). */
const api = <T>(page: Page, path: string, init?: { method: string; body?: unknown }) =>
  page.evaluate(
    async ([p, i]) => {
      const res = await fetch(p as string, {
        method: (i as { method?: string } | undefined)?.method ?? "GET",
        headers: { "content-type": "application/json" },
        body:
          i && (i as { body?: unknown }).body !== undefined
            ? JSON.stringify((i as { body: unknown }).body)
            : undefined,
      });
      return res.json();
    },
    [path, init] as const,
  ) as Promise<T>;

describe("the support-measure navigator", () => {
  it("answers a guest's questionnaire with verdicts and reasons", async () => {
    const page = await (
      await env.browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 } })
    ).newPage();
    await page.goto(`${env.server.url}/measures/check`);
    await page.getByRole("textbox", { name: "Численность сотрудников" }).fill("12");
    await page.getByRole("textbox", { name: "Выручка, млн руб." }).fill("50");
    await page.getByRole("textbox", { name: "Возраст организации, лет" }).fill("3");
    await expectAccessible(page, "questionnaire");
    await page.getByRole("button", { name: "Показать подходящие меры" }).click();
    // Verdicts with counts, eligible first.
    await expect.poll(() => page.getByRole("checkbox", { name: /^Подходит \(\d+\)$/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole("checkbox", { name: /^Проверьте \(\d+\)$/ }).count()).toBe(1);
    await expect.poll(() => page.getByText("Подходит", { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, "questionnaire results");
    // Signing up from here comes back to these results.
    expect(
      await page
        .getByRole("link", { name: "Зарегистрироваться, чтобы следить за мерами" })
        .first()
        .getAttribute("href"),
    ).toBe("/signup?next=%2Fmeasures%2Fcheck");
    // The measure page explains each condition for the answers given (a "check" one has conditions).
    await page.getByText(/^Проверьте \(\d+\)$/).click();
    await page
      .getByRole("article")
      .filter({ hasText: "Проверьте" })
      .first()
      .getByRole("link")
      .first()
      .click();
    await page.waitForURL(/\/measures\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole("heading", { name: "Условия участия" }).count()).toBe(1);
    await expect.poll(() => page.getByRole("listitem").filter({ hasText: /\S/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page, "measure page (guest)");
  });

  it("shows a member 'check' for a missing profile field, and 'eligible' once it is filled", async () => {
    const ctx = await env.browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${env.server.url}/signin`);
    await page.getByLabel("Электронная почта").fill("user@innocluster.demo");
    await page.getByRole("textbox", { name: "Пароль", exact: true }).fill("Innocluster-demo-2026");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(/\/(cabinet|desk)$/);

    // The active organization, and the measures that are eligible for it now.
    const mine = await api<{ activeOrganizationId: string }>(page, "/api/me/organizations");
    const orgId = mine.activeOrganizationId;
    expect(orgId).toBeTruthy();
    const eligible = await api<{ items: Card[] }>(page, "/api/measures?eligibility=eligible&pageSize=100");
    const withHeadcount = eligible.items.filter((m) =>
      m.eligibility?.criteria.some((c) => c.key === "headcount"),
    );
    expect(withHeadcount.length).toBeGreaterThan(0);

    // The organization's headcount becomes unknown (as if never filled in).
    const view = await api<{
      organization: Record<string, unknown> & { version: number; headcount: number };
    }>(page, `/api/organizations/${orgId}`);
    const o = view.organization;
    const headcount = o.headcount;
    const profile = {
      inn: o.inn,
      ogrn: o.ogrn,
      kpp: o.kpp,
      country: o.country,
      foreignRegNumber: o.foreignRegNumber,
      regionCode: o.regionCode,
      fullName: o.fullName,
      shortName: o.shortName,
      legalAddress: o.legalAddress,
      foundedOn: o.foundedOn,
      website: o.website,
      descriptionRu: o.descriptionRu,
      descriptionEn: o.descriptionEn,
      headcount: null,
      revenueMln: o.revenueMln,
      okvedSections: o.okvedSections,
      okvedMain: o.okvedMain,
      tags: o.tags,
      contactEmail: o.contactEmail,
      contactPhone: o.contactPhone,
      contactsPublic: o.contactsPublic,
      version: o.version,
    };
    const patched = await api<{ organization?: { headcount: number | null } }>(
      page,
      `/api/organizations/${orgId}`,
      {
        method: "PATCH",
        body: profile,
      },
    );
    expect(patched.organization).toBeTruthy();
    expect(patched.organization!.headcount).toBeNull();

    // A measure that was eligible and needed the headcount now says "check", and says what to fill.
    const target = withHeadcount[0]!;
    await page.goto(`${env.server.url}/measures/${target.id}`);
    await expect.poll(() => page.getByText("Проверьте", { exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, "measure page (check)");
    await page.getByRole("link", { name: "Заполнить в профиле организации" }).first().click();
    await page.waitForURL(new RegExp(`/organizations/${orgId}\\?edit=1`));
    await page.getByRole("textbox", { name: "Численность сотрудников" }).fill(String(headcount));
    await page.getByRole("button", { name: "Сохранить изменения" }).click();
    await expect.poll(() => page.url()).not.toContain("edit=1");

    await page.goto(`${env.server.url}/measures/${target.id}`);
    await expect.poll(() => page.getByText("Подходит", { exact: true }).count()).toBeGreaterThan(0);
    await expect(page.getByText("Проверьте", { exact: true }).count()).resolves.toBe(0);
    // The navigator itself, with the member's verdict facet and filter.
    await page.goto(`${env.server.url}/measures?eligibility=eligible`);
    await expect.poll(() => page.getByText(/Найдено:/).count()).toBeGreaterThan(0);
    await expectAccessible(page, "navigator (member)");
    await ctx.close();
  });
});
