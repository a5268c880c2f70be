import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHALLENGE_MOVES,
  canMove,
  clusterInstant,
  clusterLocal,
  compareScores,
  criteriaIssues,
  criterionAverages,
  deadlinePassed,
  rank,
  type Sheet,
  scoreOf,
  scoreValue,
  shortlist,
} from "./challenges.js";

/** Whole weights 1–100 summing to 100, 1–10 of them. */
const weightsArb = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: n - 1, maxLength: n - 1 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 100];
      return points.slice(1).map((p, i) => p - points[i]!);
    })
    .filter((w) => w.every((x) => x >= 1)),
);
const scoreArb = fc.integer({ min: 0, max: 10 });
const sheetArb = (n: number) =>
  fc.record({ expert: fc.uuid(), scores: fc.array(scoreArb, { minLength: n, maxLength: n }) });
/** Weights and, for a few submissions, 0–4 experts' sheets each. */
const fieldArb = weightsArb.chain((weights) =>
  fc.record({
    weights: fc.constant(weights),
    subs: fc.array(
      fc.record({ id: fc.uuid(), sheets: fc.array(sheetArb(weights.length), { maxLength: 4 }) }),
      { minLength: 1, maxLength: 12 },
    ),
  }),
);

describe("criteria: the one rule of weights", () => {
  it("accepts any whole weights summing to 100 and refuses every other sum", () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: -5, max: 5 }), (weights, delta) => {
        const criteria = weights.map((w, i) => ({ name: `Критерий ${i}`, weight: w }));
        expect(criteriaIssues(criteria)).toEqual([]);
        const changed = criteria.map((c, i) => (i === 0 ? { ...c, weight: c.weight + delta } : c));
        const sumIssue = criteriaIssues(changed).find((x) => x.key === "field.challenge.weights-sum");
        expect(Boolean(sumIssue)).toBe(delta !== 0);
      }),
    );
  });

  it("refuses no criteria, more than ten, a weight of 0 or a fraction, and one name twice", () => {
    expect(criteriaIssues([]).map((i) => i.key)).toContain("field.challenge.criteria-count");
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `К${i}`, weight: i ? 9 : 10 }));
    expect(criteriaIssues(eleven).map((i) => i.key)).toEqual(["field.challenge.criteria-count"]);
    expect(
      criteriaIssues([
        { name: "А", weight: 0 },
        { name: "Б", weight: 100 },
      ])[0],
    ).toMatchObject({
      path: "criteria.0.weight",
    });
    expect(
      criteriaIssues([
        { name: "А", weight: 50.5 },
        { name: "Б", weight: 49.5 },
      ]).length,
    ).toBe(2);
    expect(
      criteriaIssues([
        { name: "Цена", weight: 50 },
        { name: " цена ", weight: 50 },
      ]),
    ).toEqual([{ path: "criteria.1.name", key: "field.challenge.criterion-twice" }]);
  });
});

describe("a submission's score", () => {
  it("is the weighted sum averaged over the experts who scored it, within 0–10", () => {
    fc.assert(
      fc.property(
        weightsArb.chain((w) =>
          fc.tuple(fc.constant(w), fc.array(sheetArb(w.length), { minLength: 1, maxLength: 5 })),
        ),
        ([weights, sheets]) => {
          const s = scoreOf(weights, sheets);
          expect(s.experts).toBe(sheets.length);
          const expected =
            sheets.reduce(
              (sum, sh) => sum + sh.scores.reduce((a, v, i) => a + (v * weights[i]!) / 100, 0),
              0,
            ) / sheets.length;
          expect(Math.abs(scoreValue(s)! - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(scoreValue(s)!).toBeGreaterThanOrEqual(0);
          expect(scoreValue(s)!).toBeLessThanOrEqual(10);
        },
      ),
    );
  });

  it("does not count a missing or incomplete sheet; with none the submission has no score", () => {
    fc.assert(
      fc.property(
        weightsArb.chain((w) =>
          fc.tuple(fc.constant(w), fc.array(sheetArb(w.length), { maxLength: 4 }), fc.nat()),
        ),
        ([weights, sheets, pick]) => {
          const partial: Sheet = {
            expert: "partial",
            scores: weights.map((_, i) => (i === pick % weights.length ? null : 7)),
          };
          expect(scoreOf(weights, [...sheets, partial])).toEqual(scoreOf(weights, sheets));
          if (!sheets.length) expect(scoreValue(scoreOf(weights, sheets))).toBeNull();
        },
      ),
    );
  });

  it("is all tens (10) or all zeros (0) whatever the weights", () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: 5 }), (weights, n) => {
        const sheets = (v: number) =>
          Array.from({ length: n }, (_, i) => ({ expert: `e${i}`, scores: weights.map(() => v) }));
        expect(scoreValue(scoreOf(weights, sheets(10)))).toBe(10);
        expect(scoreValue(scoreOf(weights, sheets(0)))).toBe(0);
      }),
    );
  });

  it("gives the average per criterion over the experts who scored that criterion", () => {
    const avg = criterionAverages(3, [
      { expert: "a", scores: [8, 5, null] },
      { expert: "b", scores: [7, 6, null] },
      { expert: "c", scores: [6, null, null] },
    ]);
    expect(avg).toEqual([7, 5.5, null]);
  });
});

describe("ranking and ties", () => {
  it("orders by score exactly; equal fractions share a rank and are marked tied; unscored come last", () => {
    fc.assert(
      fc.property(fieldArb, ({ weights, subs }) => {
        const r = rank(
          subs,
          (s) => scoreOf(weights, s.sheets),
          (s) => s.id,
        );
        expect(r.length).toBe(subs.length);
        for (let i = 1; i < r.length; i++) {
          const c = compareScores(r[i - 1]!.score, r[i]!.score);
          expect(c).toBeLessThanOrEqual(0);
          if (r[i]!.score.experts === 0) expect(r[i]!.rank).toBeNull();
          else if (c === 0) {
            expect(r[i]!.rank).toBe(r[i - 1]!.rank);
            expect(r[i]!.tied && r[i - 1]!.tied).toBe(true);
          } else expect(r[i]!.rank).toBe(i + 1);
        }
        if (r[0]!.score.experts > 0) expect(r[0]!.rank).toBe(1);
      }),
    );
  });

  it("treats 7.5 from two experts and 7.5 from one as a tie, not as floats that differ", () => {
    const w = [30, 30, 40];
    const a: Sheet[] = [
      { expert: "x", scores: [10, 5, 7] },
      { expert: "y", scores: [5, 10, 8] },
    ];
    const b: Sheet[] = [{ expert: "z", scores: [5, 10, 7.5 as number] }];
    // b's sheet has a half point: not a whole score, so it does not count.
    expect(scoreOf(w, b).experts).toBe(0);
    const c: Sheet[] = [{ expert: "z", scores: [9, 6, 7] }];
    // a: (3+1.5+2.8 + 1.5+3+3.2)/2 = 7.5; c: 2.7+1.8+2.8 = 7.3
    expect(scoreValue(scoreOf(w, a))).toBe(7.5);
    const r = rank(
      [
        { id: "a", sheets: a },
        {
          id: "d",
          sheets: [
            { expert: "q", scores: [10, 5, 7] },
            { expert: "p", scores: [5, 10, 8] },
          ],
        },
        { id: "c", sheets: c },
      ],
      (s) => scoreOf(w, s.sheets),
      (s) => s.id,
    );
    expect(r.map((x) => [x.item.id, x.rank, x.tied])).toEqual([
      ["a", 1, true],
      ["d", 1, true],
      ["c", 3, false],
    ]);
  });
});

describe("shortlists", () => {
  it("by threshold takes exactly the scored submissions at or above it", () => {
    fc.assert(
      fc.property(fieldArb, fc.integer({ min: 0, max: 1000 }), ({ weights, subs }, h) => {
        const threshold = h / 100;
        const r = rank(
          subs,
          (s) => scoreOf(weights, s.sheets),
          (s) => s.id,
        );
        const passed = new Set(shortlist(r, { by: "threshold", threshold }).map((x) => x.item.id));
        for (const x of r) {
          const exact = x.score.experts > 0 && x.score.total / x.score.experts / 100 >= threshold - 1e-12;
          expect(passed.has(x.item.id)).toBe(exact);
        }
      }),
    );
  });

  it("by top N takes at least N scored ones (all, if fewer), and every one tied with the N-th", () => {
    fc.assert(
      fc.property(fieldArb, fc.integer({ min: 1, max: 12 }), ({ weights, subs }, n) => {
        const r = rank(
          subs,
          (s) => scoreOf(weights, s.sheets),
          (s) => s.id,
        );
        const list = shortlist(r, { by: "top", n });
        const scored = r.filter((x) => x.score.experts > 0);
        expect(list.length).toBeGreaterThanOrEqual(Math.min(n, scored.length));
        expect(list.every((x) => x.score.experts > 0)).toBe(true);
        if (list.length > n) {
          // Only a tie at the N-th place makes it longer.
          const last = list[list.length - 1]!;
          expect(compareScores(last.score, list[n - 1]!.score)).toBe(0);
        }
        const out = scored.filter((x) => !list.includes(x));
        for (const o of out) for (const i of list) expect(compareScores(i.score, o.score)).toBeLessThan(0);
      }),
    );
  });

  it("two stages: stage 2 ranks only the stage 1 shortlist, by stage 2's scores alone", () => {
    fc.assert(
      fc.property(
        fieldArb,
        fc.integer({ min: 1, max: 6 }),
        fc.array(sheetArb(10), { maxLength: 30 }),
        ({ weights, subs }, n, pool) => {
          const stage1 = rank(
            subs,
            (s) => scoreOf(weights, s.sheets),
            (s) => s.id,
          );
          const passed = shortlist(stage1, { by: "top", n }).map((x) => x.item);
          // Stage 2's sheets: drawn independently of stage 1's.
          const stage2 = new Map<string, Sheet[]>(
            passed.map((s, i) => [
              s.id,
              pool
                .filter((_, k) => k % Math.max(1, passed.length) === i)
                .map((sh) => ({ ...sh, scores: sh.scores.slice(0, weights.length) })),
            ]),
          );
          const final = rank(
            passed,
            (s) => scoreOf(weights, stage2.get(s.id)!),
            (s) => s.id,
          );
          expect(new Set(final.map((x) => x.item.id))).toEqual(new Set(passed.map((s) => s.id)));
          for (const x of final) expect(x.score).toEqual(scoreOf(weights, stage2.get(x.item.id)!));
        },
      ),
    );
  });
});

describe("states and deadlines", () => {
  it("a rejection sends a challenge on moderation back to draft; results come only from evaluation", () => {
    expect(CHALLENGE_MOVES.reject.to).toBe("draft");
    expect(canMove("publish", "accepting")).toBe(false);
    expect(canMove("publish", "evaluation")).toBe(true);
    expect(canMove("submit", "moderation")).toBe(false);
  });

  it("reads a deadline in Moscow time: 23:59 on 31 December is 20:59 UTC", () => {
    expect(clusterInstant("2026-12-31T23:59")!.toISOString()).toBe("2026-12-31T20:59:00.000Z");
    expect(clusterInstant("2026-02-30T10:00")).toBeNull();
    expect(clusterInstant("2026-12-31 23:59")).toBeNull();
    const d = clusterInstant("2027-03-01T00:00")!;
    expect(clusterLocal(d)).toBe("2027-03-01T00:00");
    expect(deadlinePassed(d, new Date(d.getTime() - 1))).toBe(false);
    expect(deadlinePassed(d, d)).toBe(true);
  });

  it("round-trips every local minute", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true }),
        (at) => {
          const local = clusterLocal(at);
          expect(clusterLocal(clusterInstant(local)!)).toBe(local);
        },
      ),
    );
  });
});
