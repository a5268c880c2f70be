import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../test/render";
import { PagedList } from "./PagedList";

describe("PagedList", () => {
  it("shows a page of cards as a named list with the pager, and asks for another page", async () => {
    const onPage = vi.fn();
    window.scrollTo = vi.fn();
    const { user } = renderWithApp(
      <PagedList
        data={{ items: ["Первое", "Второе"], page: 1, pageSize: 2, total: 5 }}
        label="Переписка"
        busy
        onPage={onPage}
      >
        {(item) => <li key={item}>{item}</li>}
      </PagedList>,
    );
    const list = screen.getByRole("list", { name: "Переписка" });
    expect(list.getAttribute("aria-busy")).toBe("true");
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Первое", "Второе"]);
    expect(screen.getByText("Показано 1–2 из 5")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Страница 2" }));
    expect(onPage).toHaveBeenCalledWith(2);
    expect(window.scrollTo).toHaveBeenCalled();
  });
});
