import { List, Text } from "@mantine/core";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { renderWithApp } from "../test/render";
import { QueryList } from "./QueryList";

const loading = { isPending: true, isError: false, error: null as unknown };
const loaded = { isPending: false, isError: false, error: null as unknown };

function Sessions({ query, items }: { query: typeof loaded; items: string[] | undefined }) {
  return (
    <QueryList query={query} items={items} skeleton={80} empty={<Text>Других сеансов нет</Text>}>
      {(list) => (
        <List aria-label="Сеансы">
          {list.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
      )}
    </QueryList>
  );
}

describe("QueryList", () => {
  it("shows neither the list nor the empty text while loading", () => {
    renderWithApp(<Sessions query={loading} items={undefined} />);
    expect(screen.queryByRole("list")).toBeNull();
    expect(screen.queryByText("Других сеансов нет")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says so when the loaded list is empty", () => {
    renderWithApp(<Sessions query={loaded} items={[]} />);
    expect(screen.getByText("Других сеансов нет")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows the items of a loaded list", () => {
    renderWithApp(<Sessions query={loaded} items={["Firefox", "Chrome"]} />);
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual(["Firefox", "Chrome"]);
    expect(screen.queryByText("Других сеансов нет")).toBeNull();
  });

  it("shows the server's problem when the query failed", () => {
    const error = new ApiError({
      type: "https://innocluster.example/problems/forbidden",
      title: "Нет доступа",
      status: 403,
      detail: "Сеансы видны только владельцу",
    });
    renderWithApp(<Sessions query={{ isPending: false, isError: true, error }} items={undefined} />);
    expect(screen.getByRole("alert").textContent).toContain("Сеансы видны только владельцу");
  });
});
