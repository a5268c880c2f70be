// @vitest-environment jsdom
// An order behind an NDA on its page: the reader sees the NDA's text instead of the details, accepts it
// for their verified organization, and then sees the description and the drawings.
import { screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import ListingPage from "./ListingPage";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const ID = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";
const CUSTOMER = "6a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";
const MAKER = "7b7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";

const hidden = {
  id: ID,
  kind: "rfq",
  state: "published",
  organization: { id: CUSTOMER, shortName: "ООО «Заказчик»" },
  titleRu: "Корпус прибора из алюминия",
  titleEn: null,
  descriptionRu: "",
  descriptionEn: null,
  values: { process: "cnc_milling", quantity: 500, deadline: "2099-12-31", ndaRequired: true },
  publishedAt: "2026-12-01T10:00:00.000Z",
  submittedAt: null,
  rejectReason: null,
  pending: null,
  expiresAt: null,
  views: null,
  files: [],
  nda: { hidden: true, version: "2026-1", acceptances: [] },
  version: 3,
  mine: false,
};
const open = {
  ...hidden,
  descriptionRu: "Корпус по чертежу, допуск 0,01 мм",
  values: { ...hidden.values, budget: 750000 },
  files: [{ id: MAKER, name: "корпус.step", size: 2048, contentType: "model/step" }],
  nda: {
    hidden: false,
    version: "2026-1",
    acceptances: [
      {
        organization: { id: MAKER, shortName: "ООО «Исполнитель»" },
        acceptedAt: "2026-12-06T10:00:00.000Z",
        version: "2026-1",
      },
    ],
  },
};

afterEach(() => vi.unstubAllGlobals());

describe("an order behind an NDA", () => {
  it("shows the NDA's text, accepts it for the reader's verified organization, then shows the details and files", async () => {
    const posted: unknown[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/me")
        return json({
          user: {
            id: MAKER,
            email: "m@example.ru",
            fullName: "Мастер",
            role: "user",
            locale: "ru",
            emailConfirmed: true,
            createdAt: "2026-01-01T00:00:00.000Z",
          },
          abilities: {},
        });
      if (path === "/api/me/organizations")
        return json({
          activeOrganizationId: MAKER,
          items: [
            { organization: { id: MAKER, shortName: "ООО «Исполнитель»", verified: true }, role: "member" },
          ],
        });
      if (path === `/api/listings/${ID}/nda`) {
        posted.push(await request.json());
        return json(open);
      }
      if (path === `/api/listings/${ID}`) return json(hidden);
      return json({ items: [] });
    });
    const { user } = renderWithApp(
      <Routes>
        <Route path="/listings/:id" element={<ListingPage />} />
      </Routes>,
      { url: `/listings/${ID}` },
    );
    expect(await screen.findByRole("heading", { name: "Подробности — после принятия NDA" })).toBeTruthy();
    expect(screen.getByText(/получающая сторона/)).toBeTruthy();
    expect(screen.queryByText(/допуск 0,01 мм/)).toBeNull();
    await user.click(await screen.findByRole("button", { name: "Принять условия NDA" }));
    await waitFor(() => expect(posted).toEqual([{ organizationId: MAKER }]));
    expect(await screen.findByText("Корпус по чертежу, допуск 0,01 мм")).toBeTruthy();
    expect(screen.getByRole("link", { name: "корпус.step" }).getAttribute("href")).toBe(
      `/api/listings/${ID}/files/${MAKER}`,
    );
    expect(screen.queryByRole("button", { name: "Принять условия NDA" })).toBeNull();
  });
});
