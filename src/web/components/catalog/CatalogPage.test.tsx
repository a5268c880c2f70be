import { Button } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { location, renderWithApp } from "../../test/render";
import { CatalogEmpty, CatalogPage } from "./CatalogPage";
import { FacetGroup, facetRows } from "./FacetGroup";
import { useCatalogUrl } from "./useCatalogUrl";

interface State {
  q: string;
  page: number;
  colour: string[];
  sort: "name" | "newest";
}

const ITEMS = [
  { id: "1", name: "Дронтех", colour: "red" },
  { id: "2", name: "Лазерграф", colour: "blue" },
  { id: "3", name: "Роботех", colour: "red" },
  { id: "4", name: "Биосинтез", colour: "green" },
  { id: "5", name: "Нейролаб", colour: "red" },
];
const PAGE_SIZE = 2;

const parse = (p: URLSearchParams): State => ({
  q: p.get("q") ?? "",
  page: Math.max(1, Number(p.get("page") ?? "1") || 1),
  colour: p.getAll("colour"),
  sort: p.get("sort") === "newest" ? "newest" : "name",
});
const toSearch = (s: State) => {
  const sp = new URLSearchParams();
  if (s.q) sp.set("q", s.q);
  for (const c of s.colour) sp.append("colour", c);
  if (s.sort !== "name") sp.set("sort", s.sort);
  if (s.page > 1) sp.set("page", String(s.page));
  const text = sp.toString();
  return text ? `?${text}` : "";
};

function search(state: State) {
  const matching = ITEMS.filter((i) => i.name.toLowerCase().includes(state.q.toLowerCase()));
  const items = matching.filter((i) => state.colour.length === 0 || state.colour.includes(i.colour));
  const counts = new Map<string, number>();
  for (const i of matching) counts.set(i.colour, (counts.get(i.colour) ?? 0) + 1);
  return {
    items: items.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE),
    total: items.length,
    page: state.page,
    pageSize: PAGE_SIZE,
    facets: [...counts].map(([value, count]) => ({ value, count })),
  };
}

/** `sorted`: offers the order select (a catalog with one fixed order offers none). */
function Catalog({ sorted = true }: { sorted?: boolean }) {
  const { state, view, text, setText, go, submit, reset } = useCatalogUrl(parse, toSearch);
  const query = useQuery({ queryKey: ["test-catalog", state], queryFn: async () => search(state) });
  return (
    <CatalogPage
      title="Каталог"
      lead="Все компании"
      search={{
        formLabel: "Поиск по каталогу",
        label: "Найти",
        hint: "Название",
        text,
        onText: setText,
        onSubmit: submit,
      }}
      sort={
        sorted
          ? {
              label: "Порядок",
              value: view.sort,
              options: [
                { value: "name", label: "По имени" },
                { value: "newest", label: "Новые" },
              ],
              onChange: (value) => go({ sort: value === "newest" ? "newest" : "name" }),
            }
          : undefined
      }
      status={query.data ? `Найдено: ${query.data.total}` : ""}
      filters={{
        title: "Фильтры",
        buttonLabel: "Фильтры",
        showResults: "Показать",
        content: (
          <FacetGroup
            legend="Цвет"
            rows={facetRows(query.data?.facets ?? [], view.colour, (v) => `цвет ${v}`)}
            selected={view.colour}
            onToggle={(value, checked) =>
              go({ colour: checked ? [...view.colour, value] : view.colour.filter((c) => c !== value) })
            }
            top={2}
            countPrefix="Компаний:"
            showAll={(n) => `Показать все (${n})`}
            showLess="Свернуть"
          />
        ),
      }}
      query={query}
      itemKey={(item) => item.id}
      renderItem={(item) => <article>{item.name}</article>}
      onPage={(page) => go({ page })}
      empty={
        <CatalogEmpty
          title="Ничего не нашлось"
          text="Измените запрос"
          actions={<Button onClick={reset}>Сбросить всё</Button>}
        />
      }
    />
  );
}

describe("CatalogPage", () => {
  it("shows the header, the count, the first page and the facet counts", async () => {
    renderWithApp(<Catalog />, { url: "/catalog" });
    expect(screen.getByRole("heading", { level: 1, name: "Каталог" })).toBeTruthy();
    expect(await screen.findByText("Дронтех")).toBeTruthy();
    expect(screen.getAllByRole("article")).toHaveLength(2);
    expect(screen.getAllByRole("status").some((s) => s.textContent === "Найдено: 5")).toBe(true);
    const red = screen.getAllByRole("checkbox", { name: "цвет red" })[0] as HTMLElement;
    const countId = red.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(countId)?.textContent).toBe("Компаний:3");
  });

  it("offers no order select where the catalog has one fixed order (challenges, clusters)", async () => {
    renderWithApp(<Catalog sorted={false} />, { url: "/catalog" });
    expect(await screen.findByText("Дронтех")).toBeTruthy();
    expect(screen.queryByLabelText("Порядок")).toBeNull();
  });

  it("keeps the search text, a facet and the page in the URL", async () => {
    const { user } = renderWithApp(<Catalog />, { url: "/catalog" });
    await screen.findByText("Дронтех");

    await user.click(screen.getAllByRole("checkbox", { name: "цвет red" })[0] as HTMLElement);
    await waitFor(() => expect(location.current).toBe("/catalog?colour=red"));
    expect(await screen.findByText("Роботех")).toBeTruthy();

    const pager = screen.getByRole("navigation");
    await user.click(within(pager).getByRole("button", { name: /2$/ }));
    await waitFor(() => expect(location.current).toBe("/catalog?colour=red&page=2"));
    expect(await screen.findByText("Нейролаб")).toBeTruthy();

    await user.type(screen.getByLabelText("Найти", { selector: "input" }), "тех");
    // after the pause the text goes to the URL, back on page 1
    await waitFor(() => expect(location.current).toBe("/catalog?q=%D1%82%D0%B5%D1%85&colour=red"));
    expect(await screen.findByText("Дронтех")).toBeTruthy();
    expect(screen.queryByText("Нейролаб")).toBeNull();
  });

  it("reads its state from a shared link and offers a way out of an empty result", async () => {
    const { user } = renderWithApp(<Catalog />, { url: "/catalog?q=zzz&sort=newest" });
    expect(await screen.findByText("Ничего не нашлось")).toBeTruthy();
    expect((screen.getByLabelText("Найти", { selector: "input" }) as HTMLInputElement).value).toBe("zzz");
    expect((screen.getByLabelText("Порядок") as HTMLSelectElement).value).toBe("newest");
    await user.click(screen.getByRole("button", { name: "Сбросить всё" }));
    await waitFor(() => expect(location.current).toBe("/catalog"));
    expect(await screen.findByText("Дронтех")).toBeTruthy();
    expect((screen.getByLabelText("Найти", { selector: "input" }) as HTMLInputElement).value).toBe("");
  });

  it("hides long facets behind 'show all' and keeps a chosen value visible", async () => {
    const { user } = renderWithApp(<Catalog />, { url: "/catalog?colour=green" });
    await screen.findByText("Биосинтез");
    const colours = () => screen.getAllByRole("group", { name: "Цвет" })[0] as HTMLElement;
    // three values, two shown at the top, but the chosen third stays visible
    expect(within(colours()).getAllByRole("checkbox")).toHaveLength(3);
    await user.click(screen.getAllByRole("checkbox", { name: "цвет green" })[0] as HTMLElement);
    await waitFor(() => expect(location.current).toBe("/catalog"));
    await screen.findByText("Лазерграф");
    const facet = colours();
    const more = within(facet).getByRole("button", { name: "Показать все (3)" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    expect(within(facet).getAllByRole("checkbox")).toHaveLength(2);
    await user.click(more);
    expect(within(facet).getAllByRole("checkbox")).toHaveLength(3);
  });
});
