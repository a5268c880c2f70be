import { Button, NativeSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { location, renderWithApp } from "../../test/render";
import { type Column, DataTable, TableEmpty } from "./DataTable";
import { useUrlFilters } from "./useUrlFilters";

interface Person {
  id: string;
  name: string;
  role: "admin" | "user";
}
const PEOPLE: Person[] = [
  { id: "1", name: "Анна", role: "admin" },
  { id: "2", name: "Борис", role: "user" },
  { id: "3", name: "Вера", role: "user" },
  { id: "4", name: "Глеб", role: "user" },
];
const PAGE_SIZE = 2;

function People({ cards = false }: { cards?: boolean }) {
  const filters = useUrlFilters(["role", "state"] as const, {
    defaults: { state: "active" },
    valid: { role: (v) => v === "admin" || v === "user" },
  });
  const { role } = filters.values;
  const query = useQuery({
    queryKey: ["people", role, filters.page],
    queryFn: async () => {
      const all = PEOPLE.filter((p) => !role || p.role === role);
      return {
        items: all.slice((filters.page - 1) * PAGE_SIZE, filters.page * PAGE_SIZE),
        total: all.length,
        page: filters.page,
        pageSize: PAGE_SIZE,
      };
    },
  });
  const columns: Column<Person>[] = [
    { key: "name", header: "Имя", cell: (p) => p.name },
    { key: "role", header: "Роль", cell: (p) => p.role },
  ];
  return (
    <DataTable
      label="Люди"
      minWidth={600}
      cardsOnPhone={cards}
      columns={columns}
      query={query}
      rowKey={(p) => p.id}
      onPage={filters.setPage}
      expansion={(p) => (p.role === "admin" ? { id: `more-${p.id}`, content: `подробно: ${p.name}` } : null)}
      filters={
        <NativeSelect
          label="Роль"
          value={role}
          onChange={(e) => filters.set({ role: e.currentTarget.value })}
          data={[
            { value: "", label: "Все" },
            { value: "admin", label: "admin" },
            { value: "user", label: "user" },
          ]}
        />
      }
      empty={
        <TableEmpty
          text="Никого"
          action={filters.filtered && <Button onClick={filters.reset}>Сбросить фильтры</Button>}
        />
      }
    />
  );
}

describe("DataTable", () => {
  it("shows column headers, rows, a details row and pages in a keyboard-scrollable region", async () => {
    renderWithApp(<People />, { url: "/people" });
    const region = await screen.findByRole("region", { name: "Люди" });
    expect(region.getAttribute("tabindex")).toBe("0");
    const table = within(region).getByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Имя", "Роль"]);
    expect(within(table).getByText("Анна")).toBeTruthy();
    expect(within(table).getByText("подробно: Анна").closest("td")?.getAttribute("colspan")).toBe("2");
    expect(screen.getByRole("navigation")).toBeTruthy();
  });

  it("keeps filters and page in the URL; a filter change goes back to page 1", async () => {
    const { user } = renderWithApp(<People />, { url: "/people?page=2" });
    expect(await screen.findByText("Вера")).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Роль"), "user");
    await waitFor(() => expect(location.current).toBe("/people?role=user"));
    expect(await screen.findByText("Борис")).toBeTruthy();
    await user.click(within(screen.getByRole("navigation")).getByRole("button", { name: /2$/ }));
    await waitFor(() => expect(location.current).toBe("/people?role=user&page=2"));
    expect(await screen.findByText("Глеб")).toBeTruthy();
  });

  it("reads an invalid value as the default and offers a reset when filters leave nothing", async () => {
    renderWithApp(<People />, { url: "/people?role=nobody" });
    expect(await screen.findByText("Анна")).toBeTruthy();
    expect((screen.getByLabelText("Роль") as HTMLSelectElement).value).toBe("");
  });

  it("shows its empty state instead of an empty table", async () => {
    const { user } = renderWithApp(<People />, { url: "/people?role=admin&page=3" });
    expect(await screen.findByText("Никого")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Сбросить фильтры" }));
    await waitFor(() => expect(location.current).toBe("/people"));
    expect(await screen.findByText("Анна")).toBeTruthy();
  });

  it("with cardsOnPhone also lists the rows as cards (heading from the first column, the rest as facts)", async () => {
    renderWithApp(<People cards />, { url: "/people" });
    const list = await screen.findByRole("list", { name: "Люди" });
    const cards = within(list).getAllByRole("listitem");
    expect(cards).toHaveLength(2);
    expect(cards[0]?.textContent).toContain("Анна");
    expect(within(cards[0] as HTMLElement).getByText("Роль").tagName).toBe("DT");
    expect(within(cards[0] as HTMLElement).getByText("admin").tagName).toBe("DD");
    // the table stays for wide screens; CSS shows one of the two by width
    expect(list.className).toContain("only-narrow");
    expect(screen.getByRole("region", { name: "Люди" }).closest(".only-wide")).toBeTruthy();
  });
});
