import { describe, expect, it } from "vitest";
import { TEAM_MAX, teamHasRoom, teamSizeValid } from "./teams.js";

describe("team size", () => {
  it("is 1–10 people: a captain and up to nine members", () => {
    expect(teamSizeValid(0)).toBe(false);
    expect(teamSizeValid(1)).toBe(true);
    expect(teamSizeValid(TEAM_MAX)).toBe(true);
    expect(teamSizeValid(TEAM_MAX + 1)).toBe(false);
  });
  it("counts pending invitations towards the room left", () => {
    expect(teamHasRoom(1)).toBe(true);
    expect(teamHasRoom(9)).toBe(true);
    expect(teamHasRoom(10)).toBe(false);
    expect(teamHasRoom(8, 1)).toBe(true);
    expect(teamHasRoom(8, 2)).toBe(false);
  });
});
