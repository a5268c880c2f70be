import { Text } from "@mantine/core";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../test/render";
import { SectionCard } from "./SectionCard";

describe("SectionCard", () => {
  it("is a section named by its h2, with its content", () => {
    renderWithApp(
      <SectionCard id="sessions-title" title="Сеансы">
        <Text>Этот браузер</Text>
      </SectionCard>,
    );
    const section = screen.getByRole("region", { name: "Сеансы" });
    expect(screen.getByRole("heading", { level: 2, name: "Сеансы" })).toBeTruthy();
    expect(section.textContent).toContain("Этот браузер");
  });

  it("keeps the heading and the content together in the stacked form", () => {
    renderWithApp(
      <SectionCard id="orgs-empty-title" title="Организаций нет" titleSize="h4" padding="md" stack="sm">
        <Text>Зарегистрируйте первую</Text>
      </SectionCard>,
    );
    const section = screen.getByRole("region", { name: "Организаций нет" });
    expect(section.textContent).toBe("Организаций нетЗарегистрируйте первую");
    expect(screen.getAllByRole("heading", { level: 2 })).toHaveLength(1);
  });
});
