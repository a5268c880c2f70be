// @vitest-environment jsdom
// The winners on a challenge's public page: an organization links to its public page, a team is named
// as a team, and an award reads as its kind, amount and date.
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../test/render";
import Winners from "./Winners";

describe("the winners", () => {
  it("lists organizations with a link and their award, and teams by name", () => {
    renderWithApp(
      <Winners
        winners={[
          {
            organization: { id: "7d1f9a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", shortName: "ООО «Акустик-Сенс»" },
            team: null,
            award: { kind: "contract", amount: 2_400_000, awardedOn: "2026-12-04" },
          },
          {
            organization: null,
            team: { id: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", name: "Тепловизор" },
            award: null,
          },
        ]}
      />,
    );
    const region = screen.getByRole("region", { name: "Победители" });
    const link = within(region).getByRole("link", { name: "ООО «Акустик-Сенс»" });
    expect(link.getAttribute("href")).toBe("/directory/7d1f9a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
    expect(within(region).getByText("Контракт · 2 400 000 ₽ · 4 декабря 2026 г.")).toBeTruthy();
    expect(within(region).getByText("Тепловизор (команда)")).toBeTruthy();
  });
});
