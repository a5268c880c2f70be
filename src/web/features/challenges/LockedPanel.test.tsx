// @vitest-environment jsdom
// The panel in place of a locked challenge's details: a guest is asked to sign in; a signed-in reader
// reads the NDA and accepts it (only after ticking the box), and the page then holds the details.
import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import { json } from "../../test/responses";
import LockedPanel from "./LockedPanel";
import { challengeKeys } from "./queries";
import type { Challenge } from "./types";

const ID = "0b9f3c2e-6d1a-4f5b-8c7d-2e3f4a5b6c7d";
const challenge = (o: Partial<Challenge>) =>
  ({
    id: ID,
    visibility: "nda",
    ndaRu: "Стороны обязуются не раскрывать сведения о сетях водоснабжения.",
    locked: "nda",
    ...o,
  }) as Challenge;

afterEach(() => vi.unstubAllGlobals());

describe("the locked panel", () => {
  it("asks a guest to sign in and comes back to the challenge", () => {
    renderWithApp(<LockedPanel c={challenge({ locked: "sign_in" })} />, { url: `/challenges/${ID}` });
    expect(screen.getByText("Условия запроса закрыты соглашением о неразглашении")).toBeTruthy();
    const link = screen.getByRole("link", { name: "Войти" });
    expect(link.getAttribute("href")).toContain(`next=${encodeURIComponent(`/challenges/${ID}`)}`);
  });

  it("shows the NDA and accepts it once the box is ticked; the page gets the details", async () => {
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      return json({ ...challenge({}), locked: null, problemRu: "Гидроудары на магистралях водовода" });
    });
    const { user, queryClient } = renderWithApp(<LockedPanel c={challenge({})} />);
    expect(screen.getByRole("heading", { name: "Соглашение о неразглашении" })).toBeTruthy();
    expect(screen.getByText(/не раскрывать сведения о сетях водоснабжения/)).toBeTruthy();
    const accept = screen.getByRole("button", { name: "Принять и открыть условия" });
    expect((accept as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: /принимаю его условия/ }));
    await user.click(accept);
    await waitFor(() =>
      expect(queryClient.getQueryData<Challenge>(challengeKeys.challenge(ID))?.problemRu).toBe(
        "Гидроудары на магистралях водовода",
      ),
    );
    expect(calls).toEqual([`POST /api/challenges/${ID}/nda`]);
  });
});
