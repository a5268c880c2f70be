// @vitest-environment jsdom
// The winners' pilots on the owner's evaluation page: a winner without a pilot offers to start one (the
// refusal for a team tied to no organization is shown with its reason); one with a pilot links to it
// and offers no second start.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { json, signedInMe } from "../../test/responses";
import type { Challenge, Evaluation } from "./types";
import WinnerPilots from "./WinnerPilots";

const CHALLENGE = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a61";
const OWNER = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a62";
const WON = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a63";
const SITE = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a64";
const PILOT = "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a65";

const c = { id: CHALLENGE, organization: { id: OWNER, shortName: "Технопарк" } } as Challenge;
const e = {
  ranking: [
    {
      submission: { id: WON, organization: null, team: { id: WON, name: "Тихий воздух" } },
      decision: "winner",
    },
    {
      submission: { id: OWNER, organization: { id: OWNER, shortName: "ООО «Второй»" }, team: null },
      decision: "not_selected",
    },
  ],
} as unknown as Evaluation;

function serve(started: unknown[], start?: () => Response) {
  const posted: unknown[] = [];
  vi.stubGlobal("fetch", async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/me") return signedInMe();
    if (path === "/api/pilot-sites") return json({ items: [{ id: SITE, name: "Серверная" }], total: 1 });
    if (path === "/api/pilot-winners" && request.method === "POST") {
      posted.push(await request.json());
      return start?.() ?? json({}, 201);
    }
    if (path === "/api/pilot-winners") return json({ items: started });
    return json({ items: [] });
  });
  return posted;
}

afterEach(() => vi.unstubAllGlobals());

describe("the winners' pilots", () => {
  it("a started pilot is a link, with no second start", async () => {
    serve([
      {
        submissionId: WON,
        pilot: { id: PILOT, state: "site_review", site: { id: SITE, name: "Серверная" } },
      },
    ]);
    renderWithApp(<WinnerPilots c={c} e={e} />);
    const link = await screen.findByRole("link", { name: "Пилот на площадке «Серверная»" });
    expect(link.getAttribute("href")).toBe(`/pilots/${PILOT}`);
    expect(screen.queryByRole("button", { name: /Запустить пилот/ })).toBeNull();
    expect(screen.queryByText("ООО «Второй»")).toBeNull();
  });

  it("starting one sends the winner and the site; a refusal is shown with its reason", async () => {
    const posted = serve([], () =>
      json(
        {
          type: "about:blank",
          status: 409,
          code: "pilot-winner-no-organization",
          title: "Команда-победитель не связана с организацией",
        },
        409,
      ),
    );
    renderWithApp(<WinnerPilots c={c} e={e} />);
    const start = await screen.findByRole("button", { name: "Запустить пилот: Тихий воздух" });
    // (loading while the started pilots are read)
    await waitFor(() => expect(start.hasAttribute("data-loading")).toBe(false));
    fireEvent.click(start);
    fireEvent.click(await screen.findByRole("button", { name: "Запустить пилот" }));
    expect(await screen.findByText(/не связана с организацией/)).toBeTruthy();
    expect(posted).toEqual([expect.objectContaining({ challengeId: CHALLENGE, submissionId: WON })]);
  });
});
