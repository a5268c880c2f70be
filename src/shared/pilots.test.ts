import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  actorOf,
  canMovePilot,
  FINAL_STATES,
  INNOVATION_CRITERIA,
  innovationScore,
  PILOT_MOVE_NAMES,
  PILOT_MOVES,
  PILOT_STATES,
  type PilotMove,
  type PilotState,
} from "./pilots.js";

/** Every legal move as [move, from, operatorAssisted] → to, written out by hand (the table's spec). */
const LEGAL: [PilotMove, PilotState, boolean, PilotState][] = [
  ["triage", "submitted", true, "operator_review"],
  ["assign", "submitted", false, "innovation_review"],
  ["assign", "operator_review", true, "innovation_review"],
  ["assign", "operator_review", false, "innovation_review"],
  ["score", "innovation_review", true, "site_review"],
  ["score", "innovation_review", false, "site_review"],
  ["agree", "site_review", true, "agreed"],
  ["agree", "site_review", false, "agreed"],
  ["start", "agreed", true, "running"],
  ["start", "agreed", false, "running"],
  ["complete", "running", true, "completed"],
  ["complete", "running", false, "completed"],
  ...(["operator_review", "innovation_review", "site_review"] as const).flatMap((s) =>
    [true, false].map((a) => ["reject", s, a, "rejected"] as [PilotMove, PilotState, boolean, PilotState]),
  ),
  ...(["submitted", "operator_review", "innovation_review", "site_review"] as const).flatMap((s) =>
    [true, false].map((a) => ["withdraw", s, a, "withdrawn"] as [PilotMove, PilotState, boolean, PilotState]),
  ),
];
const key = (m: string, s: string, a: boolean) => `${m}:${s}:${a}`;
const legal = new Map(LEGAL.map(([m, s, a, to]) => [key(m, s, a), to]));

describe("the pilot's move table", () => {
  it("allows exactly the listed moves, each to its state, and refuses every other pair", () => {
    for (const move of PILOT_MOVE_NAMES)
      for (const state of PILOT_STATES)
        for (const assisted of [true, false]) {
          const to = legal.get(key(move, state, assisted));
          expect(canMovePilot(move, state, assisted), key(move, state, assisted)).toBe(to !== undefined);
          if (to) expect(PILOT_MOVES[move].to).toBe(to);
        }
  });

  it("nothing moves out of a final state; an operator-assisted application goes to the operator first", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PILOT_MOVE_NAMES),
        fc.constantFrom(...FINAL_STATES),
        fc.boolean(),
        (m, s, a) => !canMovePilot(m, s, a),
      ),
    );
    expect(canMovePilot("assign", "submitted", true)).toBe(false);
    expect(canMovePilot("triage", "submitted", false)).toBe(false);
  });

  it("a review step is rejected by its holder; the company withdraws; the owner agrees", () => {
    expect(actorOf("reject", "operator_review")).toBe("operator");
    expect(actorOf("reject", "innovation_review")).toBe("expert");
    expect(actorOf("reject", "site_review")).toBe("owner");
    expect(actorOf("withdraw", "site_review")).toBe("company");
    expect(actorOf("agree", "site_review")).toBe("owner");
    expect(actorOf("score", "innovation_review")).toBe("expert");
  });

  it("every state but the final ones can be left, and each is reachable from submitted", () => {
    const reach = new Set<PilotState>(["submitted"]);
    for (let i = 0; i < PILOT_STATES.length; i++)
      for (const [, s, , to] of LEGAL) if (reach.has(s)) reach.add(to);
    expect([...reach].sort()).toEqual([...PILOT_STATES].sort());
    for (const s of PILOT_STATES)
      expect(LEGAL.some(([, from]) => from === s)).toBe(!FINAL_STATES.includes(s));
  });
});

describe("innovativeness", () => {
  it("the score is the mean of the four criteria, within 0–10", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }), (xs) => {
        const s = Object.fromEntries(INNOVATION_CRITERIA.map((c, i) => [c, xs[i]!])) as never;
        const v = innovationScore(s);
        return v >= 0 && v <= 10 && Math.abs(v - xs.reduce((a, b) => a + b, 0) / 4) <= 0.05 + 1e-9;
      }),
    );
  });
});
