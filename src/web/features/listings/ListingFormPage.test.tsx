// @vitest-environment jsdom
// Saving an edit that someone else overtook (409 with the listing as it is now): the input stays, the
// notice shows the current version and what differs, and the author saves theirs over it or loads it.
import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { EditListingPage } from "./ListingFormPage";

const ID = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";
const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

const listing = (version: number, over: { titleRu?: string; leadTimeDays?: number } = {}) => ({
  id: ID,
  kind: "capability",
  state: "draft",
  organization: { id: ID, shortName: "ООО «Прецизионные системы»" },
  titleRu: over.titleRu ?? "Фрезерная обработка на ЧПУ",
  titleEn: null,
  descriptionRu: "Пятиосевые станки, детали до 600 мм.",
  descriptionEn: null,
  values: { processes: ["cnc_milling"], leadTimeDays: over.leadTimeDays ?? 10 },
  publishedAt: null,
  submittedAt: null,
  rejectReason: null,
  pending: null,
  expiresAt: null,
  views: null,
  matched: null,
  files: [],
  nda: null,
  version,
  mine: true,
});

afterEach(() => vi.unstubAllGlobals());

describe("editing a listing someone else changed meanwhile", () => {
  it("keeps the input, shows the current version, then saves the input over it with the current version", async () => {
    // A colleague saved version 4 with a lead time of 14 days while the author edited version 3.
    const theirs = listing(4, { leadTimeDays: 14 });
    const patches: { version: number; titleRu: string; values: Record<string, unknown> }[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      if (request.method === "GET") return json(listing(3));
      const body = await request.json();
      patches.push(body);
      if (body.version !== theirs.version)
        return json(
          { type: "/problems/listing-changed", status: 409, title: "Объявление изменилось", current: theirs },
          409,
          "application/problem+json",
        );
      return json({ ...listing(5), titleRu: body.titleRu, values: body.values });
    });
    const { user } = renderWithApp(<EditListingPage />);
    const title = await screen.findByLabelText(/^Заголовок(\s*\*)?$/, { selector: "input" });
    await user.clear(title);
    await user.type(title, "Фрезерная и токарная обработка");
    await user.click(screen.getByRole("button", { name: "Сохранить" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Объявление изменили, пока вы его редактировали");
    // The input is kept; the current version is shown with what differs from it.
    expect((title as HTMLInputElement).value).toBe("Фрезерная и токарная обработка");
    expect(alert.textContent).toContain(
      "Отличается от ваших правок: Заголовок, Типичный срок изготовления, дней.",
    );
    expect(alert.textContent).toContain("Фрезерная обработка на ЧПУ");
    expect(alert.textContent).toContain("14");

    await user.click(screen.getByRole("button", { name: "Сохранить мою версию" }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches.map((p) => p.version)).toEqual([3, 4]);
    expect(patches[1]).toMatchObject({
      titleRu: "Фрезерная и токарная обработка",
      values: { leadTimeDays: 10 },
    });
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  it("loads the current version when the author chooses it, and saves from there with its version", async () => {
    const theirs = listing(4, { titleRu: "Фрезерная обработка алюминия", leadTimeDays: 14 });
    const versions: number[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      if (request.method === "GET") return json(listing(3));
      const body = await request.json();
      versions.push(body.version);
      return body.version === 4
        ? json(listing(5))
        : json(
            { type: "/problems/listing-changed", status: 409, title: "…", current: theirs },
            409,
            "application/problem+json",
          );
    });
    const { user } = renderWithApp(<EditListingPage />);
    const title = await screen.findByLabelText(/^Заголовок(\s*\*)?$/, { selector: "input" });
    await user.type(title, " и стали");
    await user.click(screen.getByRole("button", { name: "Сохранить" }));
    await user.click(await screen.findByRole("button", { name: "Загрузить текущую версию" }));
    expect(screen.queryByRole("alert")).toBeNull();
    // (the inputs are new ones, filled from the current version)
    const reloaded = screen.getByLabelText(/^Заголовок(\s*\*)?$/, { selector: "input" });
    expect((reloaded as HTMLInputElement).value).toBe("Фрезерная обработка алюминия");
    expect((screen.getByLabelText(/^Типичный срок/, { selector: "input" }) as HTMLInputElement).value).toBe(
      "14",
    );
    await user.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(versions).toEqual([3, 4]));
  });
});
