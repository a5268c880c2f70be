// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import { renderWithApp } from "../../test/render";
import JobsPage from "./JobsPage";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const FAILURE = {
  id: "0b8a4a52-6f0e-4d55-9a44-2f1b0f5d3c11",
  queue: "measures.notices",
  error: "the mail server refused the connection",
  failedAt: "2026-12-06T05:00:00.000Z",
  attempts: 4,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the admin's job queue page", () => {
  it("lists the queues and failures; retry sends the job back and the empty state says what it means", async () => {
    await i18n.changeLanguage("en");
    let failed = true;
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      if (request.method === "POST") {
        failed = false;
        return new Response(null, { status: 204 });
      }
      return json({
        running: true,
        queues: [{ name: "measures.notices", waiting: 2, active: 0, failed: failed ? 1 : 0 }],
        failures: failed ? [FAILURE] : [],
      });
    });
    const { user } = renderWithApp(<JobsPage />);
    expect(await screen.findByRole("heading", { level: 1, name: "Background jobs" })).toBeTruthy();
    const failures = await screen.findByRole("region", { name: "Failed jobs" });
    expect(within(failures).getByText(FAILURE.error)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: `Retry job ${FAILURE.id} of measures.notices` }));
    expect(await screen.findByText(/No failed jobs/)).toBeTruthy();
    expect(calls).toContain(`POST /api/admin/jobs/measures.notices/${FAILURE.id}/retry`);
    await i18n.changeLanguage("ru");
  });
});
