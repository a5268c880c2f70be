// @vitest-environment jsdom
// «Кластер в цифрах»: a guest reads the big figures, the organizations by region, and for each series a
// chart whose table («Таблица») gives every month's value.
import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import NumbersPage from "./NumbersPage";
import type { ClusterNumbers } from "./types";

const months = Array.from({ length: 24 }, (_, i) => {
  const m = 2025 * 12 + 0 + i;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
});
const zeros = () => months.map(() => 0);
const investment = zeros();
investment[22] = 1_000_000;
investment[23] = 250_000;

const NUMBERS: ClusterNumbers = {
  computedAt: "2026-12-07T09:00:00.000Z",
  months,
  organizations: {
    total: 1250,
    byStatus: { participant: 340, partner: 45, none: 865 },
    regions: [
      { region: "77", name: "Москва", count: 1100 },
      { region: "50", name: "Московская область", count: 120 },
    ],
    otherRegions: 30,
  },
  projects: { total: 40, joint: 12 },
  investment: {
    total: 1_250_000,
    entries: 2,
    byType: [
      { type: "equity", amount: 1_000_000, entries: 1 },
      { type: "loan", amount: 250_000, entries: 1 },
      { type: "venture_fund", amount: 0, entries: 0 },
      { type: "corporate", amount: 0, entries: 0 },
      { type: "external_grant", amount: 0, entries: 0 },
    ],
  },
  support: { total: 300_000, entries: 1 },
  pilots: { completed: 5, running: 3 },
  challenges: { published: 18, withResults: 6, awarded: 2_000_000, awards: 2 },
  grants: { approved: 12_500_000, approvedCount: 3, paid: 4_000_000, paidCount: 1 },
  series: [
    { key: "participantsTotal", unit: "count", values: months.map((_, i) => 300 + i) },
    { key: "investment", unit: "rub", values: investment },
  ],
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("the cluster in numbers", () => {
  it("shows the figures, the regions and each series with its table", async () => {
    vi.stubGlobal("fetch", async (request: Request) =>
      new URL(request.url).pathname === "/api/public/numbers" ? json(NUMBERS) : json({}, 404),
    );
    renderWithApp(<NumbersPage />, { url: "/numbers" });
    expect(await screen.findByRole("heading", { level: 1, name: "Кластер в цифрах" })).toBeTruthy();
    const participants = await screen.findByText("участников кластера");
    expect(participants.parentElement?.textContent).toContain("340");
    expect(screen.getByText("привлечено инвестиций").parentElement?.textContent).toMatch(/1,3\s?млн\s₽/);
    expect(screen.getByText("из них совместных: 12")).toBeTruthy();

    const regions = screen.getByRole("table", { name: "По регионам" });
    expect(within(regions).getByRole("rowheader", { name: "Московская область" })).toBeTruthy();
    expect(
      within(regions).getByRole("rowheader", { name: "Другие регионы и иностранные организации" }),
    ).toBeTruthy();

    const chart = screen.getByRole("figure", { name: "Привлечённые инвестиции" });
    expect(
      within(chart).getByText(/За 24 месяца — 1\s250\s000\s₽, в текущем месяце — 250\s000\s₽/),
    ).toBeTruthy();
    fireEvent.click(within(chart).getByText("Таблица"));
    const table = within(chart).getByRole("table", { name: "Привлечённые инвестиции" });
    const row = within(table).getByRole("row", { name: /ноябрь 2026/ });
    expect(within(row).getByRole("cell").textContent).toMatch(/1\s000\s000\s₽/);
    expect(within(table).getAllByRole("row")).toHaveLength(25);

    const level = screen.getByRole("figure", { name: "Участников кластера на конец месяца" });
    expect(within(level).getByText("Сейчас — 323, 24 месяца назад — 300.")).toBeTruthy();
  });

  it("says so when the figures cannot be loaded, with a way to try again", async () => {
    vi.stubGlobal("fetch", async () => json({ title: "Ошибка" }, 500));
    renderWithApp(<NumbersPage />, { url: "/numbers" });
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Повторить" })).toBeTruthy();
  });
});
