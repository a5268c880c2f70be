import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();

describe("the admin's job queue page", () => {
  it("is in the service menu and lists the queues with their counts, and what no failure means", async () => {
    const page = await signInAs(env, "admin@innocluster.demo");
    await page.goto(`${env.server.url}/admin/jobs`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Фоновые задачи");
    const queues = page.getByRole("region", { name: "Очереди задач" });
    await expect.poll(() => queues.getByText("measures.notices").count()).toBe(1);
    await expect.poll(() => queues.getByText("measures.reminders").count()).toBe(1);
    await expect.poll(() => page.getByText(/Задач с ошибкой нет/).count()).toBe(1);
    await expectAccessible(page, "admin jobs");
  });
});
