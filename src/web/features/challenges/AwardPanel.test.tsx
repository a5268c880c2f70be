// @vitest-environment jsdom
// A winner's award on its submission's page: the challenge's manager records it (the amount is a
// required field the server checks) and then sees it with a "correct" button; the winner reads it; a
// submission that did not win shows nothing.
import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { fieldRefused, json } from "../../test/responses";
import { AwardPanel } from "./AwardPanel";
import type { Submission } from "./types";

const ID = "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const winner = (o: Partial<Submission> = {}) =>
  ({
    id: ID,
    decision: "winner",
    challenge: { id: "c", titleRu: "Утечки", state: "results", deadline: "2026-11-01T18:00" },
    award: null,
    ...o,
  }) as Submission;
const recorded = {
  kind: "prize",
  amount: 500_000,
  awardedOn: "2026-12-04",
  documentRu: "Приказ № 12 от 04.12.2026",
  version: 1,
} as const;

afterEach(() => vi.unstubAllGlobals());

describe("the award panel", () => {
  it("the manager records a prize; a refused amount is shown at its field; then the award is shown with a correction form", async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      const body = await request.json();
      bodies.push(body);
      return bodies.length === 1
        ? fieldRefused("amount", "Сумма должна быть больше нуля")
        : json(winner({ award: recorded }));
    });
    const { user } = renderWithApp(<AwardPanel s={winner()} manage />);
    expect(screen.getByText("Награда ещё не записана.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Записать награду" }));
    expect(await screen.findByText("Сумма должна быть больше нуля")).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: /Вид награды/ }), "Приз");
    await user.type(screen.getByRole("textbox", { name: /Сумма/ }), "500000");
    await user.type(screen.getByRole("textbox", { name: /Документ/ }), "Приказ № 12 от 04.12.2026");
    await user.click(screen.getByRole("button", { name: "Записать награду" }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({
      kind: "prize",
      amount: 500_000,
      documentRu: "Приказ № 12 от 04.12.2026",
    });
    expect((bodies[1] as { version?: number }).version).toBeUndefined();
  });

  it("the winner reads the award; the manager's form corrects it naming its version", async () => {
    const { unmount } = renderWithApp(<AwardPanel s={winner({ award: recorded })} manage={false} />);
    expect(screen.getByText("Приз · 500 000 ₽ · 4 декабря 2026 г.")).toBeTruthy();
    expect(screen.getByText("Документ: Приказ № 12 от 04.12.2026")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    unmount();
    const bodies: unknown[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      bodies.push(await request.json());
      return json(winner({ award: { ...recorded, version: 2 } }));
    });
    const { user } = renderWithApp(<AwardPanel s={winner({ award: recorded })} manage />);
    await user.click(screen.getByRole("button", { name: "Исправить награду" }));
    await waitFor(() => expect(bodies).toEqual([expect.objectContaining({ kind: "prize", version: 1 })]));
  });

  it("shows nothing for a submission that did not win, or to its submitter before an award", () => {
    renderWithApp(
      <>
        <AwardPanel s={winner({ decision: "reserve" })} manage />
        <AwardPanel s={winner()} manage={false} />
      </>,
    );
    expect(screen.queryByRole("region")).toBeNull();
    expect(screen.queryByText(/Награда/)).toBeNull();
  });
});
