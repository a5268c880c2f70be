// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import { renderWithApp } from "../../test/render";
import { MyDataSection } from "./MyDataSection";

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

const EXPORT = {
  id: "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b",
  requestedAt: "2026-12-06T05:00:00.000Z",
  readyAt: null,
  expiresAt: null,
  size: null,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("My data", () => {
  it("requests an export, shows it being prepared, then the download link and its expiry", async () => {
    await i18n.changeLanguage("en");
    let state: "none" | "queued" | "ready" = "none";
    let polls = 0;
    vi.stubGlobal("fetch", async (request: Request) => {
      if (request.method === "POST") {
        state = "queued";
        return json({ ...EXPORT, state: "queued" }, 202);
      }
      if (state === "queued" && ++polls > 1) state = "ready";
      if (state === "none") return json({ items: [] });
      if (state === "queued") return json({ items: [{ ...EXPORT, state: "queued" }] });
      return json({
        items: [
          {
            ...EXPORT,
            state: "ready",
            readyAt: "2026-12-06T05:01:00.000Z",
            expiresAt: "2026-12-13T05:01:00.000Z",
            size: 20480,
          },
        ],
      });
    });
    const { user } = renderWithApp(<MyDataSection />);
    const section = await screen.findByRole("region", { name: "My data" });
    await user.click(within(section).getByRole("button", { name: "Request an export" }));
    expect(await within(section).findByText(/The export is being prepared/)).toBeTruthy();
    const link = await within(section).findByRole(
      "link",
      { name: /Download the archive \(20 KB\)/ },
      { timeout: 8000 },
    );
    expect(link.getAttribute("href")).toBe(`/api/privacy/exports/${EXPORT.id}/file`);
    expect(within(section).getByText(/The link works until/)).toBeTruthy();
    await i18n.changeLanguage("ru");
  }, 15_000);

  it("asks for the password to delete the account and shows an owner which organizations to hand over", async () => {
    await i18n.changeLanguage("en");
    const bodies: unknown[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      if (request.method === "POST") {
        bodies.push(await request.json());
        return json(
          {
            type: "/problems/erasure-owner",
            title:
              "You own these organizations: «Нейросенсорика». Pass ownership on to another member, then delete your account.",
            status: 409,
            organizations: ["Нейросенсорика"],
          },
          409,
          "application/problem+json",
        );
      }
      return json({ items: [] });
    });
    const { user } = renderWithApp(<MyDataSection />);
    const section = await screen.findByRole("region", { name: "My data" });
    expect(within(section).getByText(/Withdrawing your consent .* is the same request/)).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Delete the account…" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete the account?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete in 30 days" }));
    expect(bodies).toEqual([]);
    await user.type(within(dialog).getByLabelText(/Password/), "Secret-pass-1");
    await user.click(within(dialog).getByRole("checkbox", { name: /withdraw my consent/ }));
    await user.click(within(dialog).getByRole("button", { name: "Delete in 30 days" }));
    expect(await within(dialog).findByText(/You own these organizations: «Нейросенсорика»/)).toBeTruthy();
    expect(bodies).toEqual([{ password: "Secret-pass-1", reason: "consent-withdrawn" }]);
    await i18n.changeLanguage("ru");
  });
});
