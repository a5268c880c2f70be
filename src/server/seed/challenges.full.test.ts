import { describe, expect, it } from "vitest";
import { criteriaIssues, rank, type Sheet, scoreOf } from "../../shared/challenges.js";
import {
  FULL_CHALLENGES,
  FULL_SUBMISSIONS,
  fullChallenges,
  RANKED_SUBMISSIONS,
  RANKED_TITLE,
} from "./challenges.full.js";

const now = Date.parse("2026-12-06T12:00:00Z");
const uuid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, "0")}`;
const owners = Array.from({ length: 40 }, (_, i) => ({
  id: uuid("00000000", i),
  owner: uuid("10000000", i),
  type: i % 2 ? ("corporation" as const) : ("city_body" as const),
}));
const submitters = Array.from({ length: 900 }, (_, i) => ({
  id: uuid("20000000", i),
  owner: uuid("30000000", i),
}));
const experts = Array.from({ length: 12 }, (_, i) => uuid("40000000", i));
// Each expert belongs to one of the submitters: never on a panel scoring it.
const expertOrgs = new Map(experts.map((e, i) => [e, new Set([submitters[i * 7]!.id])]));
const g = fullChallenges(1, owners, submitters, experts, now, expertOrgs);
const subsOf = new Map<string, typeof g.submissions>();
for (const s of g.submissions) subsOf.set(s.challengeId, [...(subsOf.get(s.challengeId) ?? []), s]);

describe("the full-scale challenges", () => {
  it("are as many as declared, in every state, with criteria the form would accept", () => {
    expect(g.challenges).toHaveLength(FULL_CHALLENGES);
    expect(g.submissions).toHaveLength(FULL_SUBMISSIONS);
    expect(new Set(g.challenges.map((c) => c.state))).toEqual(
      new Set(["closed", "results", "accepting", "evaluation", "moderation", "draft"]),
    );
    for (const c of g.challenges) expect(criteriaIssues(c.criteria)).toEqual([]);
    // Open ones are ahead of their deadline, decided ones well past it.
    for (const c of g.challenges) {
      if (c.state === "accepting") expect(c.deadline.getTime()).toBeGreaterThan(now);
      if (c.state === "closed" || c.state === "results") expect(c.deadline.getTime()).toBeLessThan(now);
    }
  });

  it("have submissions only where they could be sent, one per organization, never the owner's own", () => {
    const byId = new Map(g.challenges.map((c) => [c.id, c]));
    for (const [id, list] of subsOf) {
      const c = byId.get(id)!;
      expect(["accepting", "evaluation", "results", "closed"]).toContain(c.state);
      expect(new Set(list.map((s) => s.organizationId)).size).toBe(list.length);
      for (const s of list) expect(s.organizationId).not.toBe(c.organizationId);
      for (const e of g.experts.filter((x) => x.challengeId === id))
        for (const s of list) expect(expertOrgs.get(e.userId!)?.has(s.organizationId!)).not.toBe(true);
    }
  });

  it("decide every submission of a published result and send its feedback, with every assigned expert's scores", () => {
    const panel = new Map<string, number>();
    for (const e of g.experts) panel.set(e.challengeId!, (panel.get(e.challengeId!) ?? 0) + 1);
    const scored = new Map<string, number>();
    for (const s of g.scores)
      if (s.stage === 1) scored.set(s.submissionId!, (scored.get(s.submissionId!) ?? 0) + 1);
    for (const c of g.challenges.filter((x) => x.state === "results" || x.state === "closed"))
      for (const s of subsOf.get(c.id!) ?? []) {
        expect(s.decision).not.toBeNull();
        expect(s.feedbackAt).not.toBeNull();
        expect(scored.get(s.id!)).toBe(panel.get(c.id!));
      }
  });

  it("give the benchmark a two-stage evaluation with 500 submissions, part scored by three experts", () => {
    const c = g.challenges.find((x) => x.titleRu === RANKED_TITLE)!;
    expect(c.state).toBe("evaluation");
    const subs = (subsOf.get(c.id!) ?? []).filter((s) => s.state === "submitted");
    expect(subsOf.get(c.id!)).toHaveLength(RANKED_SUBMISSIONS);
    const sheets = new Map<string, Sheet[]>();
    for (const s of g.scores)
      sheets.set(s.submissionId!, [
        ...(sheets.get(s.submissionId!) ?? []),
        { expert: s.expertId!, scores: s.scores! },
      ]);
    const weights = c.criteria!.map((x) => x.weight);
    const ranking = rank(
      subs,
      (s) => scoreOf(weights, sheets.get(s.id!) ?? []),
      (s) => s.id!,
    );
    expect(ranking.filter((x) => x.score.experts === 3).length).toBeGreaterThan(200);
    expect(ranking.filter((x) => x.tied).length).toBeGreaterThan(0);
  });
});
