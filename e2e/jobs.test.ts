import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();

describe("the admin's job queue page", () => {
  it("lists the queues with their counts and the demo's failed job with its error; retrying clears it", async () => {
    const page = await signInAs(env, "admin@innocluster.demo");
    await page.goto(`${env.server.url}/admin/jobs`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Фоновые задачи");
    const queues = page.getByRole("region", { name: "Очереди задач" });
    await expect.poll(() => queues.getByText("measures.notices").count()).toBe(1);
    await expect.poll(() => queues.getByText("measures.reminders").count()).toBe(1);
    // The demo seed leaves one failed notices job, with the error it failed with.
    await expect.poll(() => page.getByText(/Connection terminated unexpectedly/).count()).toBeGreaterThan(0);
    await expectAccessible(page, "admin jobs");
    await page.getByRole("button", { name: /^Повторить задачу .* очереди measures\.notices$/ }).click();
    await expect.poll(() => page.getByText(/Задач с ошибкой нет/).count(), { timeout: 60_000 }).toBe(1);
  });
});
