import type { ConsoleMessage } from "playwright-core";
import { describe, expect, it } from "vitest";
import enVocabulary from "../src/locales/en/shared/vocabulary.json" with { type: "json" };
import { serverAndBrowser } from "./harness.js";

// The public pages are rendered on the server (src/server/ssr.ts): their text is there without
// JavaScript, and with it the browser hydrates the same markup without a warning.
const env = serverAndBrowser();

async function firstOrganization() {
  const res = await fetch(`${env.server.url}/api/directory`, { headers: { "accept-language": "ru" } });
  const { items } = (await res.json()) as {
    items: { id: string; shortName: string; type: keyof typeof enVocabulary.orgType }[];
  };
  return items[0]!;
}

async function firstMeasure(lang: "ru" | "en") {
  const res = await fetch(`${env.server.url}/api/measures`, { headers: { "accept-language": lang } });
  const { items } = (await res.json()) as { items: { id: string; titleRu: string }[] };
  return items[0]!;
}

async function firstListing(lang: "ru" | "en") {
  const res = await fetch(`${env.server.url}/api/listings?kind=premises`, {
    headers: { "accept-language": lang },
  });
  const { items } = (await res.json()) as { items: { id: string }[] };
  return items[0]!;
}

async function firstProject() {
  const res = await fetch(`${env.server.url}/api/projects?joint=true`, {
    headers: { "accept-language": "ru" },
  });
  const { items } = (await res.json()) as { items: { id: string; titleRu: string }[] };
  return items[0]!;
}

async function firstProgram() {
  const res = await fetch(`${env.server.url}/api/grant-programs`, { headers: { "accept-language": "ru" } });
  const { items } = (await res.json()) as { items: { id: string; titleRu: string }[] };
  return items[0]!;
}

describe("server-rendered public pages", () => {
  it("show an organization's, a measure's, a project's and a grant program's page with JavaScript disabled", async () => {
    const ctx = await env.browser.newContext({ locale: "ru-RU", javaScriptEnabled: false });
    const page = await ctx.newPage();
    const org = await firstOrganization();
    await page.goto(`${env.server.url}/directory/${org.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(org.shortName);
    const measure = await firstMeasure("ru");
    await page.goto(`${env.server.url}/measures/${measure.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(measure.titleRu);
    await page.goto(`${env.server.url}/directory`);
    expect(await page.getByText(org.shortName).count()).toBeGreaterThan(0);
    const project = await firstProject();
    await page.goto(`${env.server.url}/projects/${project.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(project.titleRu);
    const program = await firstProgram();
    await page.goto(`${env.server.url}/grants/programs/${program.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(program.titleRu);
    await ctx.close();
  });

  it.each(["ru", "en"] as const)("hydrate every public page in %s without a console error", async (lang) => {
    const ctx = await env.browser.newContext({ locale: lang === "ru" ? "ru-RU" : "en-GB" });
    const page = await ctx.newPage();
    const messages: string[] = [];
    const record = (m: ConsoleMessage) => {
      if (m.type() === "error" || m.type() === "warning") messages.push(`${m.type()}: ${m.text()}`);
    };
    page.on("console", record);
    page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
    const org = await firstOrganization();
    const measure = await firstMeasure(lang);
    const listing = await firstListing(lang);
    const project = await firstProject();
    const program = await firstProgram();
    for (const path of [
      "/",
      "/directory",
      `/directory/${org.id}`,
      "/measures",
      `/measures/${measure.id}`,
      "/exchanges",
      "/exchanges/premises",
      `/listings/${listing.id}`,
      "/projects",
      `/projects/${project.id}`,
      "/grants",
      `/grants/programs/${program.id}`,
      "/numbers",
    ]) {
      await page.goto(`${env.server.url}${path}`, { waitUntil: "networkidle" });
      // the server sent the page's text in the page's language, and the browser kept it
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      expect(await page.locator("#ssr-data").count(), path).toBe(1);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).count()).toBeGreaterThan(0);
      expect(messages, path).toEqual([]);
    }
    // hydrated: a link navigates in the page (no new document), and the language switch works
    await page.goto(`${env.server.url}/directory`, { waitUntil: "networkidle" });
    await page.evaluate(() => {
      (window as unknown as { marker: boolean }).marker = true;
    });
    await page.getByRole("link", { name: org.shortName }).first().click();
    await page.waitForURL(new RegExp(`/directory/${org.id}`));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(org.shortName);
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
    if (lang === "ru") {
      // switched to English, the page's labels from the shared vocabularies come in English too
      // (the browser fetches them with the English texts)
      await page.getByRole("radiogroup", { name: "Язык" }).getByText("EN").click();
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
      await expect
        .poll(() => page.getByText(enVocabulary.orgType[org.type], { exact: true }).count())
        .toBeGreaterThan(0);
    }
    expect(messages).toEqual([]);
    await ctx.close();
  });
});
