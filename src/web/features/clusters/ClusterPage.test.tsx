// @vitest-environment jsdom
// A cluster's page: the members that agreed to be named, the others only counted; totals of confirmed
// money; a guest is asked to sign in to apply; a member's managers see their organization's consent and
// attach or detach its projects instead of the application form.
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { json, signedInMe } from "../../test/responses";
import ClusterPage from "./ClusterPage";
import type { Cluster } from "./types";

const ID = "0a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a61";
const LEAD = { id: "1a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a62", shortName: "АО «Аэроплатформа»" };
const MEMBER = { id: "2a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a63", shortName: "ООО «Альфа-Дроны»" };
const P1 = "3a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a64";
const P2 = "4a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a65";

const cluster = (me: Partial<Cluster["me"]> = {}): Cluster => ({
  id: ID,
  nameRu: "Беспилотные системы",
  themeRu: "Беспилотные авиационные и наземные системы для городских задач.",
  industries: ["C", "H"],
  lead: LEAD,
  members: 4,
  projects: 1,
  namedMembers: [LEAD, MEMBER],
  projectsList: [
    { id: P1, titleRu: "Дрон для инспекции кровель", lead: MEMBER, stage: "pilot", trl: 7, joint: false },
  ],
  totals: { members: 4, projects: 1, joint: 0, investment: 10_000_000, support: 3_000_000 },
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 1,
  me: {
    operate: false,
    lead: false,
    mayApply: [],
    pending: [],
    memberships: [],
    members: [],
    projects: [],
    ...me,
  },
});

function serve(c: Cluster, signedIn: boolean) {
  vi.stubGlobal("fetch", async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/me") return signedIn ? signedInMe() : json({ user: null, abilities: {} });
    // the page reads its id from the route (the test renders it under "*": an empty id)
    if (path.startsWith("/api/clusters/")) return json(c);
    return json({ items: [] });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("a cluster's page", () => {
  it("names the consenting members, counts the others and shows the confirmed money; a guest is asked to sign in", async () => {
    serve(cluster(), false);
    renderWithApp(<ClusterPage />, { url: `/clusters/${ID}` });
    expect(await screen.findByRole("heading", { name: "Беспилотные системы", level: 1 })).toBeTruthy();
    const members = screen.getByRole("region", { name: "Участники кластера" });
    expect(members.textContent).toContain(MEMBER.shortName);
    expect(screen.getByText("Ещё 2 участника не указаны по решению организаций.")).toBeTruthy();
    expect(screen.getByText(/10\s000\s000 ₽/)).toBeTruthy();
    expect(await screen.findByText(/Войдите, чтобы подать заявку/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Подать заявку" })).toBeNull();
  });

  it("gives a member's managers its consent and its projects to attach or detach, not the application form", async () => {
    serve(
      cluster({
        memberships: [{ ...MEMBER, public: true }],
        projects: [
          { id: P1, titleRu: "Дрон для инспекции кровель", clusterId: ID },
          { id: P2, titleRu: "Навигация без спутников", clusterId: null },
        ],
      }),
      true,
    );
    renderWithApp(<ClusterPage />, { url: `/clusters/${ID}` });
    expect(
      await screen.findByRole("checkbox", { name: `Показывать ${MEMBER.shortName} в списке участников` }),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Открепить: Дрон для инспекции кровель" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Прикрепить: Навигация без спутников" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Выйти из кластера" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Подать заявку" })).toBeNull();
  });
});
