// @vitest-environment jsdom
// "Мои команды": the captain sees the members, the pending invitations and the invite form; a member
// sees a way to leave, not the captain's controls; with no team, what to do next. The captain renames
// the team at the version seen, and a stale rename shows the current name with a way to save over it.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithApp } from "../../test/render";
import TeamsPage from "./TeamsPage";

const ME = "6a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b";
const OTHER = "6a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6c";
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

const team = (captain: boolean) => ({
  id: "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a61",
  name: "Бауманские сенсоры",
  description: "Студенты МГТУ им. Н. Э. Баумана",
  captain: captain
    ? { id: ME, fullName: "Иванов Сергей Петрович" }
    : { id: OTHER, fullName: "Смирнов Артём" },
  organization: null,
  members: [
    { id: ME, fullName: "Иванов Сергей Петрович", captain },
    { id: OTHER, fullName: "Смирнов Артём", captain: !captain },
  ],
  invitations: captain
    ? [
        {
          id: "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a62",
          email: "anna@example.ru",
          expiresAt: "2026-12-14T10:00:00.000Z",
        },
      ]
    : [],
  me: { captain },
  createdAt: "2026-12-01T10:00:00.000Z",
  version: 1,
});

type Renamed = { name: string; version: number };

function serve(items: unknown[], rename?: (body: Renamed) => Response) {
  vi.stubGlobal("fetch", async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (request.method === "PATCH" && rename) return rename((await request.json()) as Renamed);
    if (path === "/api/me")
      return json({
        user: {
          id: ME,
          email: "m@example.ru",
          fullName: "Иванов Сергей Петрович",
          role: "user",
          locale: "ru",
          emailConfirmed: true,
          createdAt: "2026-01-01T00:00:00.000Z",
        },
        abilities: {},
      });
    if (path === "/api/teams") return json({ items, invitations: [] });
    if (path === "/api/me/organizations") return json({ activeOrganizationId: null, items: [] });
    return json({ items: [] });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("my teams", () => {
  it("shows the captain the members, the pending invitations and the invite form", async () => {
    serve([team(true)]);
    renderWithApp(<TeamsPage />, { url: "/teams" });
    expect(await screen.findByRole("heading", { name: "Бауманские сенсоры" })).toBeTruthy();
    expect(screen.getByText("Смирнов Артём")).toBeTruthy();
    expect(screen.getByText(/anna@example\.ru/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Пригласить" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Сделать капитаном" })).toBeTruthy();
  });

  it("lets a member leave, without the captain's controls", async () => {
    serve([team(false)]);
    renderWithApp(<TeamsPage />, { url: "/teams" });
    expect(await screen.findByRole("button", { name: "Покинуть команду" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Пригласить" })).toBeNull();
  });

  it("says what to do with no team", async () => {
    serve([]);
    renderWithApp(<TeamsPage />, { url: "/teams" });
    expect(await screen.findByText("Вы пока не состоите ни в одной команде.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Создать команду" })).toBeTruthy();
  });

  it("lets the captain rename the team at the version seen", async () => {
    const sent: Renamed[] = [];
    serve([team(true)], (body) => {
      sent.push(body);
      return json({ ...team(true), name: body.name, version: 2 });
    });
    renderWithApp(<TeamsPage />, { url: "/teams" });
    fireEvent.click(await screen.findByRole("button", { name: /Переименовать команду/ }));
    const form = screen.getByRole("form", { name: "Новое название команды" });
    const input = within(form).getByRole("textbox", { name: /Название команды/ });
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: "Сенсоры Бауманки" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(sent).toEqual([{ name: "Сенсоры Бауманки", version: 1 }]));
  });

  it("a member sees no way to rename", async () => {
    serve([team(false)]);
    renderWithApp(<TeamsPage />, { url: "/teams" });
    await screen.findByRole("heading", { name: "Бауманские сенсоры" });
    expect(screen.queryByRole("button", { name: /Переименовать/ })).toBeNull();
  });

  it("a stale rename shows the current name; saving over it sends the current version", async () => {
    const sent: Renamed[] = [];
    serve([team(true)], (body) => {
      sent.push(body);
      if (body.version === 1)
        return new Response(
          JSON.stringify({
            type: "/problems/team-changed",
            title: "Команда уже изменилась: обновите страницу",
            status: 409,
            current: { ...team(true), name: "Команда «Датчики»", version: 3 },
          }),
          { status: 409, headers: { "content-type": "application/problem+json" } },
        );
      return json({ ...team(true), name: body.name, version: 4 });
    });
    renderWithApp(<TeamsPage />, { url: "/teams" });
    fireEvent.click(await screen.findByRole("button", { name: /Переименовать команду/ }));
    fireEvent.change(document.activeElement!, { target: { value: "Сенсоры Бауманки" } });
    fireEvent.click(screen.getByRole("button", { name: "Сохранить" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Команду уже изменили");
    expect(alert.textContent).toContain("сейчас она называется «Команда „Датчики“»");
    fireEvent.click(screen.getByRole("button", { name: "Сохранить моё название" }));
    await waitFor(() =>
      expect(sent).toEqual([
        { name: "Сенсоры Бауманки", version: 1 },
        { name: "Сенсоры Бауманки", version: 3 },
      ]),
    );
  });
});
