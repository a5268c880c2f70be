// @vitest-environment jsdom
// The star of a listing's page and the catalog's "save this search": what the reader sees and what
// the API is asked.
import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { fieldRefused, json } from "../../test/responses";
import { FavouriteButton, SaveSearchButton } from "./follow";

const ID = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";
const CARD = {
  id: ID,
  kind: "premises",
  titleRu: "Цех",
  titleEn: null,
  descriptionRu: "Отапливаемый цех",
  descriptionEn: null,
  organization: { id: ID, shortName: "ООО «Ромашка»" },
  values: {},
  publishedAt: "2026-12-01T10:00:00.000Z",
};

afterEach(() => vi.unstubAllGlobals());

describe("the favourite star", () => {
  it("stars and unstars the listing, pressed while it is a favourite", async () => {
    let starred = false;
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/listings/favourites") return json({ items: starred ? [CARD] : [] });
      calls.push(`${request.method} ${path}`);
      starred = request.method === "PUT";
      return json(null, 204);
    });
    const { user } = renderWithApp(<FavouriteButton listingId={ID} />);
    const star = await screen.findByRole("button", { name: "В избранное" });
    await waitFor(() => expect(star.getAttribute("aria-pressed")).toBe("false"));
    await user.click(star);
    const on = await screen.findByRole("button", { name: "В избранном" });
    expect(on.getAttribute("aria-pressed")).toBe("true");
    await user.click(on);
    await screen.findByRole("button", { name: "В избранное" });
    expect(calls).toEqual([`PUT /api/listings/${ID}/favourite`, `DELETE /api/listings/${ID}/favourite`]);
    expect(screen.getByRole("link", { name: "Избранное и поиски" }).getAttribute("href")).toBe(
      "/listings/saved",
    );
  });
});

describe("saving a search", () => {
  it("sends the kind, the text and the chosen filters under the name given; shows the limit's refusal", async () => {
    const bodies: unknown[] = [];
    let refuse = false;
    vi.stubGlobal("fetch", async (request: Request) => {
      bodies.push(await request.json());
      if (refuse) return fieldRefused("name", "Можно сохранить не больше 20 поисков");
      return json({ id: ID, name: "Склады", kind: "premises", query: {}, createdAt: CARD.publishedAt }, 201);
    });
    const { user } = renderWithApp(
      <SaveSearchButton
        search={{ kind: "premises", q: "склад", filters: { premisesType: ["warehouse"], okrug: [] } }}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Сохранить поиск" }));
    const name = await screen.findByLabelText(/Название/);
    expect((name as HTMLInputElement).value).toBe("склад");
    await user.clear(name);
    await user.type(name, "Склады");
    await user.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      name: "Склады",
      query: { kind: "premises", q: "склад", premisesType: ["warehouse"] },
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    refuse = true;
    await user.click(screen.getByRole("button", { name: "Сохранить поиск" }));
    await user.click(await screen.findByRole("button", { name: "Сохранить" }));
    expect(await screen.findByText(/не больше 20 поисков/)).toBeTruthy();
  });
});
