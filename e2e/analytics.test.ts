// The operator's analytics, in Chromium with axe: from the desk to the dashboards, the status applications'
// dashboard with a chart and its table, a filter kept in the URL, a table downloaded as CSV for Excel
// (a BOM, ";" between cells), and on a phone the tables scroll inside their boxes, not the page.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("the operator's analytics", () => {
  it("opens from the desk: the status applications' chart and table, a filter in the URL, the CSV", async () => {
    const page = await signInAs(env, "operator@innocluster.demo");
    pages.push(page);
    await page.getByRole("link", { name: "Аналитика", exact: true }).first().click();
    await expect.poll(() => heading(page)).toBe("Аналитика");
    expect(new URL(page.url()).pathname).toBe("/operator/analytics");

    const nav = page.getByRole("navigation", { name: "Дашборды" });
    await nav.getByRole("link", { name: "Заявки на статус" }).click();
    await page.waitForURL(/\/operator\/analytics\/statusApplications/);
    expect(await nav.getByRole("link", { name: "Заявки на статус" }).getAttribute("aria-current")).toBe(
      "page",
    );

    // The first table: a named figure with the drawing, then the table with its rows.
    const first = page
      .locator("section")
      .filter({ has: page.getByRole("table") })
      .first();
    await first.getByRole("table").waitFor();
    const figure = first.getByRole("figure");
    await expect.poll(() => figure.locator("svg").count()).toBeGreaterThan(0);
    expect(await figure.getAttribute("aria-label")).toMatch(/^График «.+»$/);
    expect(await first.getByRole("table").locator("tbody tr").count()).toBeGreaterThan(0);
    await expectAccessible(page, "the status applications' dashboard");

    // A filter: the URL keeps it (a shared or reloaded view shows the same).
    await page.getByRole("combobox", { name: "Регион" }).selectOption("77");
    await expect.poll(() => new URL(page.url()).searchParams.get("region")).toBe("77");
    await page.reload();
    await expect.poll(() => page.getByRole("combobox", { name: "Регион" }).inputValue()).toBe("77");
    await first.getByRole("table").waitFor();

    // The CSV of the first table, for Excel: UTF-8 with a BOM, cells separated by ";".
    const csv = first.getByRole("link", { name: "CSV" });
    const href = new URL((await csv.getAttribute("href"))!, env.server.url);
    expect(href.pathname).toBe("/api/analytics/statusApplications/export");
    expect(href.searchParams.get("region")).toBe("77");
    const [download] = await Promise.all([page.waitForEvent("download"), csv.click()]);
    expect(download.suggestedFilename()).toMatch(/^[\w.-]+\.csv$/);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split(/\r?\n/)[0]).toContain(";");
    await expectAccessible(page, "the dashboard filtered by a region");
  });

  it("on a phone the charts take the width and the tables scroll inside their boxes", async () => {
    const page = await signInAs(env, "operator@innocluster.demo", { width: 375, height: 800 });
    pages.push(page);
    await page.goto(`${env.server.url}/operator/analytics/statusApplications`);
    await expect.poll(() => heading(page)).toBe("Аналитика");
    await page.getByRole("table").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, "the dashboard on a phone");
  });
});
