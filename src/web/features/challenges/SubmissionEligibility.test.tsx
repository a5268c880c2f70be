// @vitest-environment jsdom
// Who may submit is told up front: an organization the challenge does not admit (its type, or not a
// cluster participant) is shown why, with no form the server would refuse; one that qualifies gets it.
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { json, signedInMe } from "../../test/responses";
import SubmissionFormPage from "./SubmissionFormPage";

const ID = "7a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";
const org = (n: number, shortName: string, o: Record<string, unknown>) => ({
  role: "owner",
  organization: {
    id: `5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6${n}`,
    shortName,
    verified: true,
    type: "legal_entity",
    status: "participant",
    statusSuspended: false,
    ...o,
  },
});

function serve(items: unknown[], requirements: { orgTypes: string[]; participantsOnly: boolean }) {
  vi.stubGlobal("fetch", async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/me") return signedInMe();
    if (path === "/api/me/organizations") return json({ activeOrganizationId: null, items });
    if (path.startsWith("/api/challenges/"))
      return json({
        id: ID,
        titleRu: "Подсчёт пассажиропотока на остановках",
        deadline: "2099-12-31T23:59",
        ...requirements,
      });
    return json({ items: [] });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("submitting to a challenge with requirements", () => {
  it("tells a non-participant why it cannot submit, with the way to the status, and shows no form", async () => {
    serve([org(1, "ООО «Датчики»", { status: "registered" })], { orgTypes: [], participantsOnly: true });
    renderWithApp(<SubmissionFormPage />, { url: `/challenges/${ID}/submit` });
    expect(await screen.findByText(/только от участников кластера/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Подать заявку на статус участника" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Подать заявку" })).toBeNull();
  });

  it("names the types admitted to an organization of another type", async () => {
    serve([org(1, "ИП Петров", { type: "individual_entrepreneur" })], {
      orgTypes: ["university"],
      participantsOnly: false,
    });
    renderWithApp(<SubmissionFormPage />, { url: `/challenges/${ID}/submit` });
    expect(await screen.findByText(/только от организаций видов: Вуз/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Подать заявку" })).toBeNull();
  });

  it("picks the organization that qualifies and shows the form", async () => {
    serve(
      [
        org(1, "ИП Петров", { type: "individual_entrepreneur" }),
        org(2, "МГТУ им. Н. Э. Баумана", { type: "university" }),
      ],
      { orgTypes: ["university"], participantsOnly: true },
    );
    renderWithApp(<SubmissionFormPage />, { url: `/challenges/${ID}/submit` });
    expect(await screen.findByDisplayValue("МГТУ им. Н. Э. Баумана")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Подать заявку" })).toBeTruthy();
  });
});
