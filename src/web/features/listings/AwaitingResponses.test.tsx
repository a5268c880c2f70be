// @vitest-environment jsdom
// The cabinet's "responses waiting for you": what the member reads, what the links lead to, the empty state.
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { AwaitingResponses } from "./AwaitingResponses";

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

const org = (id: string, shortName: string) => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  shortName,
});
const LANDLORD = org("1", "Технопарк «Нагатино»");
const TENANT = org("2", "ООО «Лазерные системы»");

const response = (id: string, over: object) => ({
  id: `5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6${id}`,
  active: true,
  values: {},
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-02T10:00:00.000Z",
  version: 1,
  ...over,
});

const QUOTE = response("b", {
  type: "quote",
  state: "submitted",
  side: "owner",
  listing: {
    id: LANDLORD.id,
    kind: "rfq",
    titleRu: "Корпуса из алюминия",
    titleEn: null,
    organization: LANDLORD,
  },
  organization: TENANT,
});
const VIEWING = response("c", {
  type: "viewing",
  state: "proposed",
  side: "responder",
  listing: {
    id: LANDLORD.id,
    kind: "premises",
    titleRu: "Лаборатория 80 м²",
    titleEn: null,
    organization: LANDLORD,
  },
  organization: TENANT,
});

afterEach(() => vi.unstubAllGlobals());

describe("responses waiting for you", () => {
  it("lists each response with what the member's organization may do, its link and the count", async () => {
    vi.stubGlobal("fetch", async () => json({ total: 7, items: [QUOTE, VIEWING] }));
    renderWithApp(<AwaitingResponses />);
    expect(await screen.findByText("Ход за вашей организацией в 7 откликах.")).toBeTruthy();
    const quote = screen.getByRole("link", { name: "Отклик на «Корпуса из алюминия»" });
    expect(quote.getAttribute("href")).toBe(`/responses/${QUOTE.id}`);
    // The customer's forward move on a new quote (not the way out: declining).
    expect(screen.getByText("Ваш ход: Принять предложение")).toBeTruthy();
    expect(screen.getByText(/от ООО «Лазерные системы»/)).toBeTruthy();
    // The tenant confirms the time proposed by the landlord.
    expect(screen.getByText("Ваш ход: Подтвердить время")).toBeTruthy();
    expect(screen.getByText(/для Технопарк «Нагатино»/)).toBeTruthy();
    expect(screen.getByText(/И ещё 5/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Мои отклики" }).getAttribute("href")).toBe("/responses");
  });

  it("says what to do next when nothing waits", async () => {
    vi.stubGlobal("fetch", async () => json({ total: 0, items: [] }));
    renderWithApp(<AwaitingResponses />);
    expect(await screen.findByText(/ни один отклик не ждёт вашего ответа/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Перейти к биржам" }).getAttribute("href")).toBe("/exchanges");
  });
});
