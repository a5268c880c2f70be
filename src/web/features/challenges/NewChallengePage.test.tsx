// @vitest-environment jsdom
// Posting is for an organization's owner or admin (the server's rule): the form offers only those
// organizations, and a reader who is a plain member everywhere is told what to do instead of a form
// the server would refuse.
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { json, signedInMe } from "../../test/responses";
import { NewChallengePage } from "./ChallengeFormPage";

const org = (n: number, shortName: string) => ({
  organization: { id: `5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6${n}`, shortName, verified: true },
});

function serve(items: unknown[]) {
  vi.stubGlobal("fetch", async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/me") return signedInMe();
    if (path === "/api/me/organizations") return json({ activeOrganizationId: null, items });
    return json({ items: [] });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("the new challenge page", () => {
  it("tells a plain member that an owner or admin posts, with a way to register an organization", async () => {
    serve([{ ...org(1, "Технопарк «Строгино»"), role: "member" }]);
    renderWithApp(<NewChallengePage />, { url: "/challenges/new" });
    expect(
      await screen.findByText(/Запрос размещает организация — её владелец или администратор/),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Зарегистрировать организацию" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Создать черновик" })).toBeNull();
  });

  it("offers only the organizations the reader owns or administers", async () => {
    serve([
      { ...org(1, "Технопарк «Строгино»"), role: "member" },
      { ...org(2, "ООО «Датчики»"), role: "admin" },
    ]);
    renderWithApp(<NewChallengePage />, { url: "/challenges/new" });
    // the member-only technopark comes first in the reader's list, yet the form picks the one they administer
    expect(await screen.findByDisplayValue("ООО «Датчики»")).toBeTruthy();
    expect(screen.queryByDisplayValue("Технопарк «Строгино»")).toBeNull();
  });
});
