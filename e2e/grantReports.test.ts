// A paid grant's yearly reports, in Chromium with axe: the operator opens the demo grant whose report
// waits for a decision, sees the plan against the actual figures and accepts it; on a phone too.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

describe("a grant's yearly reports", () => {
  it("the operator accepts a submitted report, its plan and actual figures side by side", async () => {
    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);
    const res = await operator.request.get(
      `${env.server.url}/api/operator/grant-applications?state=reporting&page=1&pageSize=20`,
    );
    const { items } = (await res.json()) as { items: { id: string }[] };
    let id = "";
    for (const a of items) {
      const r = await operator.request.get(`${env.server.url}/api/grant-applications/${a.id}/reports`);
      const v = (await r.json()) as { reports: { state: string }[] };
      if (v.reports.some((x) => x.state === "submitted")) id = a.id;
    }
    expect(id).not.toBe("");
    await operator.goto(`${env.server.url}/grants/applications/${id}`);
    const section = operator.getByRole("heading", { name: "Годовые отчёты о достижении показателей" });
    await section.waitFor();
    await expect.poll(() => operator.getByText("На проверке").count()).toBe(1);
    await expect.poll(() => operator.getByRole("columnheader", { name: "Факт" }).count()).toBeGreaterThan(0);
    await expectAccessible(operator, "the yearly reports");
    await operator.getByRole("button", { name: "Принять отчёт" }).click();
    await expect.poll(() => operator.getByText("Принят", { exact: true }).count()).toBe(1);
    await expect.poll(() => operator.getByText("Годовой отчёт принят").count()).toBeGreaterThan(0);
    await operator.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await operator.screenshot({ path: "dist/grant-reports-phone.png" });
    await expectAccessible(operator, "the yearly reports on a phone");
  });
});
