// @vitest-environment jsdom
// The operator's dashboards: any dashboard's tables drawn generically — a figure for the chart and a real
// table whose cells are formatted by their column's kind (rubles, days, percents), a note when a filter
// the operator set does not apply to a table, the downloads built with the filters, the filters in the URL.
import { fireEvent, screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { location, renderWithApp } from "../../test/render";
import AnalyticsPage from "./AnalyticsPage";
import type { AnalyticsDashboard } from "./types";

const DASHBOARD: AnalyticsDashboard = {
  dashboard: "grants",
  from: "2026-01",
  to: "2026-03",
  computedAt: "2026-12-07T09:00:00.000Z",
  tables: [
    {
      key: "byMonth",
      title: "Заявки по месяцам",
      description: "Поданные заявки и одобренные суммы по месяцу подачи",
      columns: [
        { key: "month", kind: "month", label: "Месяц" },
        { key: "submitted", kind: "count", label: "Подано" },
        { key: "approved", kind: "money", label: "Одобрено, ₽" },
        { key: "decisionDays", kind: "days", label: "Срок решения, дней" },
        { key: "share", kind: "percent", label: "Доля одобренных" },
      ],
      rows: [
        { month: "2026-01", submitted: 1200, approved: 1_250_000, decisionDays: 4.25, share: 37.5 },
        { month: "2026-02", submitted: 3, approved: 0, decisionDays: null, share: 0 },
      ],
      chart: { kind: "line", x: "month", series: ["submitted"], stacked: false },
      filters: ["region", "orgType"],
    },
    {
      key: "programs",
      title: "Программы",
      description: "Заявки по программам",
      columns: [
        { key: "program", kind: "text", label: "Программа" },
        { key: "count", kind: "count", label: "Заявок" },
      ],
      rows: Array.from({ length: 25 }, (_, i) => ({ program: `Программа ${i + 1}`, count: i })),
      chart: null,
      filters: ["orgType"],
    },
  ],
};

const PAGE = (
  <Routes>
    <Route path="operator/analytics/:dashboard?" element={<AnalyticsPage />} />
  </Routes>
);

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

function serve() {
  const asked: URL[] = [];
  vi.stubGlobal("fetch", async (request: Request) => {
    const url = new URL(request.url);
    asked.push(url);
    return url.pathname === "/api/analytics/grants" ? json(DASHBOARD) : json({}, 404);
  });
  return asked;
}

const cellsOf = (row: HTMLElement) =>
  [...row.querySelectorAll("th, td")].map((c) => c.textContent?.replace(/\s/g, " "));

describe("the operator's dashboards", () => {
  it("draws each table with its chart, formatted cells, the filters' note and the downloads", async () => {
    const asked = serve();
    renderWithApp(PAGE, {
      url: "/operator/analytics/grants?from=2026-01&to=2026-03&region=77",
    });
    const table = await screen.findByRole("table", { name: "Заявки по месяцам" });
    expect(asked[0]?.searchParams.toString()).toBe("from=2026-01&to=2026-03&region=77");

    const [, first, second] = within(table).getAllByRole("row");
    expect(cellsOf(first!)).toEqual(["янв. 2026 г.", "1 200", "1 250 000 ₽", "4,3", "37,5 %"]);
    expect(cellsOf(second!)).toEqual(["февр. 2026 г.", "3", "0 ₽", "—", "0,0 %"]);
    expect(within(table).getByRole("columnheader", { name: "Одобрено, ₽" }).style.textAlign).toBe("right");
    expect(screen.getByRole("figure", { name: "График «Заявки по месяцам»" })).toBeTruthy();

    // the region filter applies to the first table, not to the second (which has no chart)
    const programs = screen.getByRole("table", { name: "Программы" });
    const section = programs.closest("section")!;
    expect(within(section).getByText("К этой таблице не применяется: Регион.")).toBeTruthy();
    expect(within(table.closest("section")!).queryByText(/не применяется/)).toBeNull();
    expect(within(section).queryByRole("figure")).toBeNull();

    // 25 rows: 20 shown, then all
    expect(within(programs).getAllByRole("row")).toHaveLength(21);
    fireEvent.click(within(section).getByRole("button", { name: "Показать все строки (25)" }));
    expect(within(programs).getAllByRole("row")).toHaveLength(26);

    // the downloads carry the filters and the table
    const csv = within(table.closest("section")!).getByRole("link", { name: "CSV" });
    expect(csv.getAttribute("href")).toBe(
      "/api/analytics/grants/export?format=csv&table=byMonth&from=2026-01&to=2026-03&region=77",
    );
    expect(within(section).getByRole("link", { name: "XLSX" }).getAttribute("href")).toBe(
      "/api/analytics/grants/export?format=xlsx&table=programs&from=2026-01&to=2026-03&region=77",
    );
    expect(screen.getByRole("link", { name: "Все таблицы (XLSX)" }).getAttribute("href")).toBe(
      "/api/analytics/grants/export?format=xlsx&from=2026-01&to=2026-03&region=77",
    );
  });

  it("keeps the filters in the URL and asks for nothing while the period ends before it starts", async () => {
    const asked = serve();
    renderWithApp(PAGE, { url: "/operator/analytics/grants?from=2026-01&to=2026-03" });
    await screen.findByRole("table", { name: "Заявки по месяцам" });
    fireEvent.change(screen.getByRole("combobox", { name: "Тип организации" }), {
      target: { value: "university" },
    });
    expect(location.current).toContain("orgType=university");
    await vi.waitFor(() => expect(asked.at(-1)?.searchParams.get("orgType")).toBe("university"));

    const n = asked.length;
    fireEvent.change(screen.getByRole("combobox", { name: "По месяц" }), { target: { value: "2025-12" } });
    expect(await screen.findByText("Начало периода позже его конца")).toBeTruthy();
    expect(asked.length).toBe(n);
  });

  it("says when there is nothing for the period, and offers a retry when the request fails", async () => {
    let fail = true;
    vi.stubGlobal("fetch", async () =>
      fail
        ? json({ type: "about:blank", title: "Ошибка сервера", status: 500 }, 500)
        : json({ ...DASHBOARD, tables: [] }),
    );
    renderWithApp(PAGE, { url: "/operator/analytics/grants" });
    const retry = await screen.findByRole("button", { name: "Повторить" });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByText("Нет данных за период — измените фильтры")).toBeTruthy();
  });
});
