// @vitest-environment jsdom
// The navigator's "save this search" and a measure's favourite button (the shared building blocks of
// components/follow.tsx, as the exchanges use them too): what the reader sees and what the API is asked.
import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { fieldRefused, json } from "../../test/responses";
import type { NavigatorState } from "./searchParams";
import { FavouriteButton, SaveSearchButton } from "./subscriptions";

const ID = "0b7a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";

afterEach(() => vi.unstubAllGlobals());

const STATE: NavigatorState = {
  q: "",
  filters: { eligibility: [], level: ["city"], form: ["grant"], provider: [], industry: [], tag: ["ai"] },
  openNow: true,
  amount: null,
  sort: "relevance",
  page: 1,
};

describe("saving a navigator search", () => {
  it("proposes a name, sends the filters under the name given and says a refused name next to the field", async () => {
    const bodies: unknown[] = [];
    let refuse = false;
    vi.stubGlobal("fetch", async (request: Request) => {
      bodies.push(await request.json());
      if (refuse) return fieldRefused("name", "Слишком много сохранённых поисков");
      return json({ id: ID }, 201);
    });
    const { user } = renderWithApp(<SaveSearchButton state={STATE} />);
    await user.click(screen.getByRole("button", { name: "Сохранить поиск" }));
    const name = (await screen.findByLabelText(/Название поиска/)) as HTMLInputElement;
    expect(name.value).toBe("Мой поиск мер");
    await user.clear(name);
    await user.type(name, "Гранты на ИИ");
    await user.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      name: "Гранты на ИИ",
      query: { level: ["city"], form: ["grant"], tag: ["ai"], openNow: true },
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    refuse = true;
    await user.click(screen.getByRole("button", { name: "Сохранить поиск" }));
    await user.click(await screen.findByRole("button", { name: "Сохранить" }));
    const field = await screen.findByLabelText(/Название поиска/);
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Слишком много сохранённых поисков")).toBeTruthy();
  });
});

describe("a measure's favourite button", () => {
  it("marks and unmarks the measure, pressed while it is a favourite, with the way to the saved page", async () => {
    let on = false;
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/measures/favourites") return json({ items: on ? [{ id: ID }] : [] });
      calls.push(`${request.method} ${path}`);
      on = request.method === "PUT";
      return json(null, 204);
    });
    const { user } = renderWithApp(<FavouriteButton measureId={ID} />);
    const add = await screen.findByRole("button", { name: "В избранное" });
    await waitFor(() => expect(add.getAttribute("aria-pressed")).toBe("false"));
    await user.click(add);
    const added = await screen.findByRole("button", { name: "В избранном" });
    expect(added.getAttribute("aria-pressed")).toBe("true");
    await user.click(added);
    await screen.findByRole("button", { name: "В избранное" });
    expect(calls).toEqual([`PUT /api/measures/${ID}/favourite`, `DELETE /api/measures/${ID}/favourite`]);
    expect(screen.getByRole("link", { name: "Избранное и подписки" }).getAttribute("href")).toBe(
      "/measures/saved",
    );
  });
});
