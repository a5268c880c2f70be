// Whose turn a response is, derived from the declared moves: the cabinet's "responses waiting for you"
// and the server's query read `waitingSide` / `statesWaitingFor`, never a list of states of their own.
import { describe, expect, it } from "vitest";
import {
  movesFrom,
  RESPONSE_TYPES,
  type ResponseTypeName,
  type Side,
  statesWaitingFor,
  waitingSide,
} from "./listingResponses.js";

const types = Object.values(RESPONSE_TYPES);

describe("whose turn a response is", () => {
  it.each<[ResponseTypeName, string, Side | null]>([
    ["quote", "submitted", "owner"],
    ["quote", "accepted", "responder"],
    ["quote", "in_production", "responder"],
    ["quote", "delivered", "owner"],
    ["quote", "completed", null],
    ["quote", "cancelled", null],
    ["viewing", "requested", "owner"],
    ["viewing", "proposed", "responder"],
    ["viewing", "confirmed", "owner"],
    ["viewing", "done", null],
    ["inquiry", "sent", "owner"],
    ["inquiry", "accepted", null],
    ["interest", "sent", "owner"],
    ["interest", "negotiation", "owner"],
    ["interest", "withdrawn", null],
  ])("a %s in %s waits for %s", (type, state, side) => {
    expect(waitingSide(RESPONSE_TYPES[type], state)).toBe(side);
  });

  it.each(types.map((t) => [t.name, t] as const))(
    "%s: waits only while under way, for a side that can move",
    (_, type) => {
      for (const state of type.states) {
        const side = waitingSide(type, state);
        if (side === null) continue;
        expect(type.active, state).toContain(state);
        expect(movesFrom(type, state, side).length, state).toBeGreaterThan(0);
      }
    },
  );

  it.each(types.map((t) => [t.name, t] as const))(
    "%s: in every state the forward moves are one side's (the turn is never ambiguous)",
    (_, type) => {
      for (const state of type.states) {
        const sides = new Set(
          type.moves.filter((m) => !m.exit && m.to !== state && m.from.includes(state)).map((m) => m.by),
        );
        expect(sides.size, state).toBeLessThanOrEqual(1);
      }
      const owner = statesWaitingFor(type, "owner");
      const responder = statesWaitingFor(type, "responder");
      expect([...owner, ...responder].sort()).toEqual(
        type.states.filter((s) => waitingSide(type, s) !== null).sort(),
      );
    },
  );

  it("ways out and moves that stay in the state do not make a response wait", () => {
    const type = {
      name: "t",
      fields: [],
      states: ["open", "closed"],
      initial: "open",
      active: ["open"],
      moves: [
        { name: "withdraw", by: "responder", from: ["open"], to: "closed", exit: true },
        { name: "note", by: "owner", from: ["open"], to: "open" },
      ],
    } as const;
    expect(waitingSide(type, "open")).toBeNull();
    expect(waitingSide({ ...type, moves: [{ ...type.moves[0], exit: false }] }, "open")).toBe("responder");
  });
});
