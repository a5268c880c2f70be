// @vitest-environment jsdom
// The participant's report form applies the shared rules (src/shared/kpiReports.ts) as the reporter
// types: export above revenue is said at its field, R&D above revenue is a warning, a submission with
// empty figures says which ones and sends nothing; a submitted report is shown read-only.
import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { json } from "../../test/responses";
import ReportPage from "./ReportPage";
import type { KpiReport } from "./types";

const REPORT: KpiReport = {
  id: "0b8a4a52-6f0e-4d55-9a44-2f1b0f5d3c11",
  state: "not_started",
  campaign: {
    id: "1b8a4a52-6f0e-4d55-9a44-2f1b0f5d3c11",
    year: 2025,
    titleRu: "Отчётность участников кластера за 2025 год",
    dueAt: "2026-03-31T15:00:00.000Z",
  },
  organization: { id: "2b8a4a52-6f0e-4d55-9a44-2f1b0f5d3c11", shortName: "ООО «Нейросенсорика»", inn: null },
  revenue: null,
  headcount: null,
  rndSpending: null,
  exportRevenue: null,
  patentsFiled: null,
  warnings: [],
  submittedAt: null,
  decidedAt: null,
  returnReason: null,
  updatedAt: "2026-03-01T10:00:00.000Z",
  version: 1,
  me: { fill: true, decide: false },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the participant's report form", () => {
  it("checks the figures as they are typed, names the empty ones on submit, and shows the submitted report", async () => {
    const sent: unknown[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      if (request.method === "POST") {
        const body = (await request.json()) as Record<string, number>;
        sent.push(body);
        return json({
          ...REPORT,
          ...body,
          state: "submitted",
          version: 2,
          me: { fill: false, decide: false },
        });
      }
      return json(REPORT);
    });
    const { user } = renderWithApp(
      <Routes>
        <Route path="/cabinet/reports/:id" element={<ReportPage />} />
      </Routes>,
      { url: `/cabinet/reports/${REPORT.id}` },
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Отчёт за 2025 год" })).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: "Выручка за год" }), "1000000");
    await user.type(screen.getByRole("textbox", { name: "Экспортная выручка" }), "2000000");
    expect(
      await screen.findByText("Экспортная выручка входит в общую выручку и не может её превышать"),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Отправить отчёт" }));
    expect(screen.getAllByText("Заполните показатель перед отправкой отчёта")).toHaveLength(3);
    expect(sent).toEqual([]);

    await user.clear(screen.getByRole("textbox", { name: "Экспортная выручка" }));
    await user.type(screen.getByRole("textbox", { name: "Экспортная выручка" }), "0");
    await user.type(screen.getByRole("textbox", { name: "Среднесписочная численность" }), "12");
    await user.type(screen.getByRole("textbox", { name: "Расходы на НИОКР" }), "1500000");
    await user.type(screen.getByRole("textbox", { name: "Подано заявок на патенты" }), "2");
    expect(await screen.findByText("Расходы на НИОКР больше выручки")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Отправить отчёт" }));
    expect(await screen.findByText("Сдан")).toBeTruthy();
    expect(sent).toEqual([
      {
        revenue: 1_000_000,
        headcount: 12,
        rndSpending: 1_500_000,
        exportRevenue: 0,
        patentsFiled: 2,
        version: 1,
      },
    ]);
    expect(screen.queryByRole("button", { name: "Отправить отчёт" })).toBeNull();
  });
});
