// @vitest-environment jsdom
// The application form computes the requested amount by the program's shared rule as the applicant
// types (src/shared/grants.ts): each item's compensation, a category's cap and the maximum per applicant,
// kopecks typed with a comma, never a float.
import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { json, signedInMe } from "../../test/responses";
import { ApplicationForm } from "./ApplicationForm";
import type { Program } from "./types";

const RUB = 100;
const program = {
  id: "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a61",
  titleRu: "Компенсация затрат на приобретение оборудования",
  legalBasisRu: "Порядок предоставления грантов",
  legalBasisNumber: "1185-ПП",
  categories: [
    { category: "equipment", share: 5000, cap: null },
    { category: "software", share: 3000, cap: 1_000_000 * RUB },
  ],
  maxPerApplicant: 1_200_000 * RUB,
  budget: 100_000_000 * RUB,
  remaining: 100_000_000 * RUB,
  opensAt: "2026-11-01T00:00:00.000Z",
  closesAt: "2027-01-31T00:00:00.000Z",
  window: "open",
  descriptionRu: "Грант возмещает часть затрат на оборудование.",
  eligibility: {
    participantsOnly: true,
    orgTypes: [],
    smeCategories: [],
    noTaxDebt: true,
    minAgeMonths: null,
  },
  checkDays: 10,
  version: 1,
  me: { manage: false },
} as Program;

afterEach(() => vi.unstubAllGlobals());

describe("the application form", () => {
  it("shows each item's compensation and the requested amount as the applicant types", async () => {
    vi.stubGlobal("fetch", async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/me") return signedInMe();
      if (path === "/api/me/organizations")
        return json({
          activeOrganizationId: null,
          items: [
            {
              role: "owner",
              organization: { id: "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a62", shortName: "ООО «Станкотех»" },
            },
          ],
        });
      return json({ items: [] });
    });
    const { user } = renderWithApp(<ApplicationForm program={program} />);
    expect(await screen.findByText(/Запрашиваемая сумма гранта: 0\s₽/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Сумма без НДС/), { target: { value: "1 000 000,01" } });
    // 50% of 1 000 000,01 ₽ rounded down to the kopeck
    expect(await screen.findByText(/Запрашиваемая сумма гранта: 500\s000\s₽/)).toBeTruthy();
    expect(screen.getByText(/К возмещению по этой статье: 500\s000\s₽/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Добавить статью затрат" }));
    const categories = screen.getAllByLabelText("Категория затрат");
    fireEvent.change(categories[1]!, { target: { value: "software" } });
    fireEvent.change(screen.getAllByLabelText(/Сумма без НДС/)[1]!, { target: { value: "5000000" } });
    // software: 30% = 1 500 000 ₽, capped at 1 000 000 ₽; the total 1 500 000 ₽ capped at 1 200 000 ₽
    expect(await screen.findByText(/Запрашиваемая сумма гранта: 1\s200\s000\s₽/)).toBeTruthy();
    expect(screen.getByText(/Сумма ограничена максимумом на одного получателя/)).toBeTruthy();
  });
});
