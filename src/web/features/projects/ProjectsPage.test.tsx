// @vitest-environment jsdom
// The public catalog of projects: the cards as the API gives them, and no order select that changes
// nothing (the catalog has one order, which its lead says).
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import ru from "../../../locales/ru/projects.json" with { type: "json" };
import { renderWithApp } from "../../test/render";
import ProjectsPage from "./ProjectsPage";

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

const CARD = {
  id: "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a61",
  titleRu: "Цифровой двойник водопроводной сети района",
  lead: { id: "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a62", shortName: "ООО «Гидросенсор»" },
  industries: ["E"],
  tags: ["iot"],
  stage: "pilot",
  trl: 7,
  startOn: "2026-01-10",
  endOn: "2027-06-30",
  budget: 25_000_000,
  joint: false,
  partners: [],
  totals: { investment: 0, support: 0 },
};

afterEach(() => vi.unstubAllGlobals());

describe("the projects catalog", () => {
  it("lists the projects and offers no order select; its lead says the order", async () => {
    vi.stubGlobal("fetch", async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/me") return json({ user: null, abilities: {} });
      if (path === "/api/projects")
        return json({ items: [CARD], total: 1, page: 1, pageSize: 20, facets: [] });
      return new Response(null, { status: 404 });
    });
    renderWithApp(<ProjectsPage />, { url: "/projects" });
    expect(await screen.findByRole("link", { name: CARD.titleRu })).toBeTruthy();
    expect(screen.getByText(ru.catalog.lead)).toBeTruthy();
    expect(ru.catalog.lead).toContain("Сначала недавно обновлённые");
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.getByRole("searchbox", { name: new RegExp(ru.catalog.search) })).toBeTruthy();
  });
});
