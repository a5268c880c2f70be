// @vitest-environment jsdom
// A paid grant's yearly reports on the application page: the plan against the actual figures per KPI
// year; the applicant submits a due report's figures as whole numbers and sees it go to the operator.
import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { json, signedInMe } from "../../test/responses";
import { ReportsSection } from "./ReportsSection";

const APP = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a61";
const report = (o: Record<string, unknown>) => ({
  id: "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a62",
  year: 2026,
  dueOn: "2027-04-01",
  state: "due",
  overdue: false,
  plan: { revenue: 100_000_000, jobs: 30, output: 60_000_000 },
  actual: null,
  reason: null,
  submittedAt: null,
  version: 1,
  ...o,
});
const reports = (r: Record<string, unknown>, o: Record<string, unknown> = {}) => ({
  applicationId: APP,
  state: "paid",
  version: 5,
  paid: 300_000_000,
  paidOn: "2026-12-04",
  refund: null,
  refundReason: null,
  reports: [report(r)],
  me: { submit: true, decide: false },
  ...o,
});

afterEach(() => vi.unstubAllGlobals());

describe("the yearly reports", () => {
  it("the applicant enters the year's actual figures against the plan and submits them", async () => {
    const sent: unknown[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/me") return signedInMe();
      if (path.endsWith("/submit")) {
        sent.push(await request.json());
        return json(
          reports(
            { state: "submitted", actual: { revenue: 95_000_000, jobs: 31, output: 58_000_000 }, version: 2 },
            { state: "reporting" },
          ),
        );
      }
      if (path === `/api/grant-applications/${APP}/reports`) return json(reports({}));
      return json({ items: [] });
    });
    const { user } = renderWithApp(<ReportsSection id={APP} state="paid" />);
    expect(await screen.findByText("Отчёт за 2026 год")).toBeTruthy();
    expect(screen.getByText("Ожидает сдачи")).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "Рабочие места" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Выручка, ₽/), { target: { value: "95 000 000" } });
    fireEvent.change(screen.getByLabelText(/Рабочие места/), { target: { value: "31" } });
    fireEvent.change(screen.getByLabelText(/Объём собственного производства/), {
      target: { value: "58000000" },
    });
    await user.click(screen.getByRole("button", { name: "Отправить отчёт" }));
    expect(await screen.findByText("На проверке")).toBeTruthy();
    expect(sent).toEqual([{ revenue: 95_000_000, jobs: 31, output: 58_000_000, version: 1 }]);
    expect(screen.queryByRole("button", { name: "Отправить отчёт" })).toBeNull();
  });
});
