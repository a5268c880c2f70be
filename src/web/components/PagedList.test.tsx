import { Button } from "@mantine/core";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../test/render";
import { EmptyState } from "./EmptyState";
import { PagedList, QueryPagedList } from "./PagedList";
import { pageFrom } from "./pageFrom";

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

describe("QueryPagedList", () => {
  const page = { items: ["Заявка"], page: 1, pageSize: 20, total: 1 };
  const state = { isPending: false, isError: false, error: null as unknown, isFetching: false };
  const empty = (
    <EmptyState text="Сообщений нет" hint="Они появятся здесь" action={<Button>В каталог</Button>} />
  );

  it("shows the empty state with its hint and next step when the page has no items", async () => {
    let clicked = 0;
    const { user } = renderWithApp(
      <QueryPagedList
        query={{ ...state, data: { ...page, items: [], total: 0 } }}
        skeleton={80}
        rows={2}
        empty={
          <EmptyState
            text="Сообщений нет"
            hint="Они появятся здесь"
            action={<Button onClick={() => clicked++}>В каталог</Button>}
          />
        }
        label="Переписка"
        onPage={() => {}}
      >
        {(item: string) => <li key={item}>{item}</li>}
      </QueryPagedList>,
    );
    expect(screen.getByText("Сообщений нет")).toBeTruthy();
    expect(screen.getByText("Они появятся здесь")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
    await user.click(screen.getByRole("button", { name: "В каталог" }));
    expect(clicked).toBe(1);
  });

  it("shows the page's items as the named list, busy while it refetches", () => {
    renderWithApp(
      <QueryPagedList
        query={{ ...state, isFetching: true, data: page }}
        skeleton={80}
        rows={2}
        empty={empty}
        label="Переписка"
        onPage={() => {}}
      >
        {(item) => <li key={item}>{item}</li>}
      </QueryPagedList>,
    );
    const list = screen.getByRole("list", { name: "Переписка" });
    expect(list.getAttribute("aria-busy")).toBe("true");
    expect(within(list).getByRole("listitem").textContent).toBe("Заявка");
    expect(screen.queryByText("Сообщений нет")).toBeNull();
  });

  it("shows neither list nor empty state while the first page loads", () => {
    renderWithApp(
      <QueryPagedList
        query={{ ...state, isPending: true }}
        skeleton={80}
        rows={3}
        empty={empty}
        label="Переписка"
        onPage={() => {}}
      >
        {(item: string) => <li key={item}>{item}</li>}
      </QueryPagedList>,
    );
    expect(screen.queryByRole("list")).toBeNull();
    expect(screen.queryByText("Сообщений нет")).toBeNull();
  });
});

describe("pageFrom", () => {
  it("reads the page of the address, page 1 for anything that is not a page number", () => {
    expect(pageFrom(new URLSearchParams("page=3"))).toBe(3);
    expect(pageFrom(new URLSearchParams(""))).toBe(1);
    expect(pageFrom(new URLSearchParams("page=-2"))).toBe(1);
    expect(pageFrom(new URLSearchParams("page=abc"))).toBe(1);
  });
});
