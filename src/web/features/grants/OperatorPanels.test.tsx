// @vitest-environment jsdom
// The operator assigns an application's experts by e-mail; a conflict of interest is said in words.
import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { json, signedInMe } from "../../test/responses";
import { OperatorPanels } from "./OperatorPanels";
import type { Application } from "./types";

const app = {
  id: "6a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a61",
  titleRu: "Возмещение затрат на оборудование",
  state: "review",
  program: { id: "6a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a62", titleRu: "Оборудование" },
  organization: { id: "6a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a63", shortName: "ООО «Станкотех»" },
  requested: 100_000,
  approved: null,
  submittedAt: "2026-12-01T09:00:00.000Z",
  dueOn: "2026-12-15",
  overdue: false,
  updatedAt: "2026-12-02T09:00:00.000Z",
  version: 3,
  projectId: null,
  declarations: {},
  kpis: [],
  items: [],
  returns: 0,
  missing: [],
  reason: null,
  agreement: null,
  applicantSignedOn: null,
  operatorSignedOn: null,
  paidOn: null,
  events: [],
  eligibility: [],
  experts: [],
  me: { edit: false, operate: true, review: true, assigned: false },
} as Application;

afterEach(() => vi.unstubAllGlobals());

describe("the operator's experts panel", () => {
  it("sends the e-mails typed, one a line, and shows a conflict of interest", async () => {
    const sent: unknown[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === "/api/me") return signedInMe();
      if (path.endsWith("/experts") && request.method === "PUT") {
        sent.push(await request.json());
        return json(
          {
            type: "about:blank",
            title: "Эксперт состоит в организации-заявителе и не может проводить экспертизу этой заявки",
            status: 409,
            code: "grant-conflict-of-interest",
          },
          409,
        );
      }
      return json({ items: [] });
    });
    const { user } = renderWithApp(<OperatorPanels a={app} />);
    expect(await screen.findByText(/Эксперты пока не назначены/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Почта экспертов"), {
      target: { value: "expert@innocluster.demo\nsecond@example.ru, " },
    });
    await user.click(screen.getByRole("button", { name: "Назначить экспертов" }));
    expect(await screen.findByText(/состоит в организации-заявителе/)).toBeTruthy();
    expect(sent).toEqual([{ emails: ["expert@innocluster.demo", "second@example.ru"], version: 3 }]);
  });
});
