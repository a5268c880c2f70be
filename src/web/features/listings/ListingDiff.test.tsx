// @vitest-environment jsdom
// The operator's moderation queue shows what a change of a published listing changes (the published
// value beside the proposed one, the kind's labels and the vocabulary's, unchanged fields left out, new
// files waiting with it); a listing's page shows its photos as thumbnails linking to the full picture.
import { screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PUBLISHED_PREMISES } from "../../../shared/listingDiff.fixtures";
import { renderWithApp } from "../../test/render";
import ListingPage from "./ListingPage";
import ModerationPage from "./ModerationPage";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const ID = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";
const ORG = "6a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";
const PHOTO = "7b7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";
const PLAN = "8c7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";

const published = PUBLISHED_PREMISES;
const proposed = {
  ...published,
  titleRu: "Производственный цех с кран-балкой и пандусом",
  values: { ...published.values, price: 1500, amenities: ["crane", "freight_lift"] },
};
const photo = { id: PHOTO, name: "цех.jpg", size: 204800, contentType: "image/jpeg", pending: true };

afterEach(() => vi.unstubAllGlobals());

describe("the moderation queue", () => {
  it("shows the operator what a change changes, published beside proposed, and the new files waiting with it", async () => {
    vi.stubGlobal("fetch", async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/operator/listings")
        return json({
          items: [
            {
              id: ID,
              kind: "premises",
              organization: { id: ORG, shortName: "Технопарк «Строгино»" },
              content: proposed,
              isChange: true,
              published,
              files: [photo],
              submittedAt: "2026-12-05T10:00:00.000Z",
              version: 4,
            },
          ],
          total: 1,
          page: 1,
          pageSize: 20,
        });
      return json({ items: [] });
    });
    renderWithApp(<ModerationPage />, { url: "/operator/listings" });
    const [proposedSide] = await screen.findAllByText("Предлагается");
    const changes = within(proposedSide!.closest("dl")!);
    // The title and two fields changed, under the form's and the kind's labels.
    expect(changes.getAllByRole("term").map((d) => d.textContent)).toEqual([
      "Заголовок",
      "Цена, ₽",
      "Удобства",
    ]);
    expect(changes.getByText("Производственный цех с кран-балкой")).toBeTruthy();
    expect(changes.getByText("Производственный цех с кран-балкой и пандусом")).toBeTruthy();
    expect(changes.getAllByText("Опубликовано")).toHaveLength(3);
    expect(changes.getByText("1 300")).toBeTruthy();
    expect(changes.getByText("1 500")).toBeTruthy();
    // The vocabulary's labels, and what a multiple choice adds and removes.
    expect(changes.getByText("Кран-балка, Грузовой лифт")).toBeTruthy();
    expect(changes.getByText("Добавлено: Грузовой лифт · Убрано: Парковка")).toBeTruthy();
    // Unchanged fields are not in the diff.
    expect(changes.queryByText("Москва, Варшавское шоссе, д. 1")).toBeNull();
    expect(screen.getByText("Остальные поля и тексты без изменений.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "цех.jpg" }).getAttribute("href")).toBe(
      `/api/listings/${ID}/files/${PHOTO}`,
    );
  });
});

/** A premises listing as the API answers it. */
const LISTING = {
  id: ID,
  kind: "premises",
  state: "published",
  organization: { id: ORG, shortName: "Технопарк «Строгино»" },
  ...published,
  publishedAt: "2026-12-01T10:00:00.000Z",
  submittedAt: null,
  rejectReason: null,
  pending: null,
  expiresAt: null,
  views: null,
  matched: null,
  files: [],
  nda: null,
  version: 3,
  mine: false,
};

/** The listing's page, the API answering with the listing (and `user` signed in). */
function showListing(listing: Record<string, unknown>, user: Record<string, unknown> | null = null) {
  vi.stubGlobal("fetch", async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/me") return json({ user, abilities: {} });
    if (path === `/api/listings/${ID}`) return json({ ...LISTING, ...listing });
    return json({ items: [] });
  });
  renderWithApp(
    <Routes>
      <Route path="/listings/:id" element={<ListingPage />} />
    </Routes>,
    { url: `/listings/${ID}` },
  );
}

describe("a listing's page", () => {
  it("shows photos as lazy thumbnails of a set size linking to the full picture, other files as download links", async () => {
    showListing({
      kind: "rfq",
      titleRu: "Корпус прибора из алюминия",
      values: { process: "cnc_milling", quantity: 500, deadline: "2099-12-31" },
      files: [
        { ...photo, pending: false },
        { id: PLAN, name: "корпус.dwg", size: 4096, contentType: "image/vnd.dwg", pending: false },
      ],
    });
    const gallery = await screen.findByRole("list", { name: "Фотографии объявления" });
    const img = within(gallery).getByRole("img", {
      name: "Фотография 1 из 1: Корпус прибора из алюминия",
    });
    expect(img.getAttribute("loading")).toBe("lazy");
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["160", "120"]);
    const full = within(gallery).getByRole("link", { name: "Фотография 1 из 1: Корпус прибора из алюминия" });
    expect(full.getAttribute("href")).toBe(`/api/listings/${ID}/files/${PHOTO}`);
    // A drawing (an "image/" type too) is a file to download, not a picture.
    const others = screen.getByRole("list", { name: "Другие файлы объявления" });
    expect(within(others).getByRole("link", { name: "корпус.dwg" }).getAttribute("download")).toBe(
      "корпус.dwg",
    );
  });

  it("shows its author what a change waiting changes, and marks the new photo as on moderation", async () => {
    showListing(
      {
        submittedAt: "2026-12-05T10:00:00.000Z",
        pending: { ...proposed, state: "moderation" },
        expiresAt: "2027-03-01T10:00:00.000Z",
        views: 12,
        files: [photo],
        version: 5,
        mine: true,
      },
      {
        id: ORG,
        email: "m@example.ru",
        fullName: "Арендодатель",
        role: "user",
        locale: "ru",
        emailConfirmed: true,
        createdAt: "2026-01-01T00:00:00.000Z",
      },
    );
    const pending = await screen.findByRole("region", { name: "Изменения на модерации" });
    const [proposedSide] = await within(pending).findAllByText("Предлагается");
    const changes = within(proposedSide!.closest("dl")!);
    expect(changes.getAllByRole("term").map((d) => d.textContent)).toEqual([
      "Заголовок",
      "Цена, ₽",
      "Удобства",
    ]);
    expect(within(pending).getByRole("link", { name: "цех.jpg" })).toBeTruthy();
    // Visitors still see the published version; the photo waits, marked so for the author.
    const title = screen.getByRole("heading", { level: 1 }).textContent;
    expect(title).toContain(published.titleRu);
    expect(title).not.toContain("пандусом");
    const gallery = await screen.findByRole("list", { name: "Фотографии объявления" });
    expect(within(gallery).getByText("На модерации")).toBeTruthy();
  });
});
