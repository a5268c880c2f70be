// Events in Chromium with axe: the demo user, on the waitlist of the full demo day, gets a place when the
// people holding places cancel on the event's page, and downloads the event's .ics.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signInAs } from "./harness.js";

const env = serverAndBrowser();
const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

describe("events", () => {
  it("waitlisted for a full event, promoted when others cancel, the .ics downloaded", async () => {
    const user = await signInAs(env, "user@innocluster.demo");
    pages.push(user);
    const found = await user.request.get(
      `${env.server.url}/api/events?q=${encodeURIComponent("Демо-день акселератора")}`,
    );
    const { items } = (await found.json()) as { items: { id: string; titleRu: string }[] };
    const event = items.find((i) => i.titleRu === "Демо-день акселератора кластера")!;
    await user.goto(`${env.server.url}/events/${event.id}`);
    await user.getByRole("heading", { name: event.titleRu }).waitFor();
    await expect.poll(() => user.getByText(/Вы в листе ожидания/).count()).toBe(1);
    await expect.poll(() => user.getByText(/Мест нет/).count()).toBe(1);
    await expectAccessible(user, "a full event's page, waitlisted");

    const operator = await signInAs(env, "operator@innocluster.demo");
    pages.push(operator);
    const list = await operator.request.get(`${env.server.url}/api/events/${event.id}/registrations`);
    const regs = (await list.json()) as { items: { state: string; user: { email: string } }[] };
    const holders = regs.items.filter((r) => r.state === "registered").map((r) => r.user.email);
    const ahead = regs.items.filter((r) => r.state === "waitlisted").length - 1;
    // Enough of those holding places cancel for the demo user's turn to come.
    for (const email of holders.slice(0, ahead + 1)) {
      const p = await signInAs(env, email);
      pages.push(p);
      await p.goto(`${env.server.url}/events/${event.id}`);
      await p.getByRole("button", { name: "Отменить регистрацию" }).click();
      await p.getByRole("button", { name: "Зарегистрироваться" }).waitFor();
    }
    await user.reload();
    await expect.poll(() => user.getByText("Вы зарегистрированы").count()).toBe(1);
    await expectAccessible(user, "the event's page, registered");

    const [download] = await Promise.all([
      user.waitForEvent("download"),
      user.getByRole("link", { name: "Добавить в календарь (.ics)" }).click(),
    ]);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain("DTSTART;TZID=Europe/Moscow:");
    expect(text).toContain("SUMMARY:Демо-день акселератора кластера");
  });
});
