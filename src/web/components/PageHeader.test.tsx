import { Button } from "@mantine/core";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { location, renderWithApp } from "../test/render";
import { PageHeader } from "./PageHeader";

describe("PageHeader", () => {
  it("shows the page's one heading, its lead and its actions", async () => {
    let clicked = 0;
    const { user } = renderWithApp(
      <PageHeader
        title="Заявки"
        subtitle="Очередь оператора"
        actions={<Button onClick={() => clicked++}>Экспорт</Button>}
      />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Заявки" })).toBeTruthy();
    expect(screen.getByText("Очередь оператора")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Экспорт" }));
    expect(clicked).toBe(1);
  });

  it("has no lead or action area when none is given", () => {
    renderWithApp(<PageHeader title="Профиль" />);
    expect(screen.getAllByRole("heading")).toHaveLength(1);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("leads back to where the page belongs with a link above the title", async () => {
    const { user } = renderWithApp(
      <PageHeader back={{ to: "/organizations", label: "К моим организациям" }} title="Новая организация" />,
      { url: "/organizations/new" },
    );
    expect(screen.getByRole("heading", { level: 1, name: "Новая организация" })).toBeTruthy();
    await user.click(screen.getByRole("link", { name: "К моим организациям" }));
    expect(location.current).toBe("/organizations");
  });
});
