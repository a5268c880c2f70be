import { Table } from "@mantine/core";
import { screen, within } from "@testing-library/react";
import { useTranslation } from "react-i18next";
import { describe, expect, it } from "vitest";
import { renderWithApp } from "../../test/render";
import { ScrollTable, translatedHeaders } from "./ScrollTable";

describe("ScrollTable", () => {
  it("is a named region the keyboard can reach, with the column headers in order and the rows", () => {
    renderWithApp(
      <ScrollTable
        label="Сотрудники"
        minWidth={640}
        striped
        headers={{ name: "Имя", role: "Роль", actions: <span className="sr-only">Действия</span> }}
      >
        <Table.Tr>
          <Table.Td>Анна</Table.Td>
          <Table.Td>администратор</Table.Td>
          <Table.Td />
        </Table.Tr>
      </ScrollTable>,
    );
    const region = screen.getByRole("region", { name: "Сотрудники" });
    expect(region.getAttribute("tabindex")).toBe("0");
    const headers = within(region).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Имя", "Роль", "Действия"]);
    expect(headers.every((h) => h.getAttribute("scope") === "col")).toBe(true);
    expect(within(region).getByRole("cell", { name: "Анна" }).textContent).toBe("Анна");
  });

  it("takes column headers from the catalogue by key, in the order given", () => {
    function Mail() {
      const { t } = useTranslation();
      return (
        <ScrollTable
          label="Письма"
          minWidth={640}
          headers={translatedHeaders(t, "devmail", ["subject", "to", "createdAt"])}
        >
          <Table.Tr>
            <Table.Td>Подтвердите адрес</Table.Td>
            <Table.Td>ivanov@example.ru</Table.Td>
            <Table.Td>сегодня</Table.Td>
          </Table.Tr>
        </ScrollTable>
      );
    }
    renderWithApp(<Mail />);
    const region = screen.getByRole("region", { name: "Письма" });
    expect(
      within(region)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Тема", "Кому", "Создано"]);
  });
});
