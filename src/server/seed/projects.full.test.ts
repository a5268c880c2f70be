import { describe, expect, it } from "vitest";
import {
  CONSORTIUM_MAX,
  CONSORTIUM_MIN,
  countedShares,
  type MemberState,
  SHARE_WHOLE,
  shareIssues,
} from "../../shared/projects.js";
import { FULL_JOINT, FULL_PROJECTS, fullProjects, STAGE_TRL } from "./projects.full.js";

const now = Date.parse("2026-12-07T12:00:00Z");
const uuid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, "0")}`;
const TYPES = ["legal_entity", "university", "research_institute", "corporation"];
const orgs = Array.from({ length: 400 }, (_, i) => ({
  id: uuid("10000000", i),
  owner: uuid("20000000", i),
  type: TYPES[i % 4]!,
}));
const leads = orgs.filter((o) => o.type !== "corporation");
const measures = Array.from({ length: 20 }, (_, i) => uuid("30000000", i));
const operators = [uuid("40000000", 0), uuid("40000000", 1)];
// A tenth of the full scale, with the full scale's share of joint projects.
const COUNT = 1430;
const JOINT = 500;
const g = fullProjects(1, now, COUNT, JOINT, leads, orgs, measures, operators);

describe("the full-scale projects", () => {
  it("are the count asked, exactly the joint ones asked, each consortium 2–5 organizations keeping the share rule", () => {
    expect(FULL_PROJECTS).toBe(14_300);
    expect(FULL_JOINT).toBe(5_000);
    expect(g.projects).toHaveLength(COUNT);
    expect(g.projects.filter((p) => p.joint)).toHaveLength(JOINT);
    const byProject = new Map<string, { organizationId: string; share: number; state: MemberState }[]>();
    for (const m of g.members)
      byProject.set(m.projectId, [
        ...(byProject.get(m.projectId) ?? []),
        { organizationId: m.organizationId, share: m.share, state: m.state! },
      ]);
    for (const p of g.projects) {
      const ms = byProject.get(p.id)!;
      expect(ms[0]!.state).toBe("lead");
      expect(ms[0]!.organizationId).toBe(p.leadOrganizationId);
      expect(shareIssues(ms)).toEqual([]);
      expect(countedShares(ms).reduce((s, m) => s + m.share, 0)).toBe(SHARE_WHOLE);
      expect(p.joint).toBe(ms.some((m) => m.state === "accepted"));
      if (p.joint) {
        const counted = ms.filter((m) => m.state !== "declined").length;
        expect(counted).toBeGreaterThanOrEqual(CONSORTIUM_MIN);
        expect(counted).toBeLessThanOrEqual(CONSORTIUM_MAX);
      }
    }
    // Partners accepted, invitations waiting and a few declined.
    expect(new Set(g.members.map((m) => m.state))).toEqual(
      new Set(["lead", "accepted", "invited", "declined"]),
    );
    const accepted = g.members.filter((m) => m.state === "accepted").length;
    expect(g.members.filter((m) => m.state === "invited").length).toBeLessThan(accepted / 3);
    // A decided partner's decision is its own organization owner's.
    const ownerOf = new Map(orgs.map((o) => [o.id, o.owner]));
    for (const m of g.members.filter((x) => x.state === "accepted" || x.state === "declined"))
      expect(m.decidedBy).toBe(ownerOf.get(m.organizationId));
  });

  it("read as projects: a technology for an application, TRL within the stage's, dates in order", () => {
    for (const p of g.projects) {
      expect(p.titleRu).toMatch(/^[А-ЯЁ].* для [а-яё]/);
      expect(p.descriptionRu).toContain("Ожидаемый эффект —");
      const [lo, hi] = STAGE_TRL[p.stage!];
      expect(p.trl).toBeGreaterThanOrEqual(lo);
      expect(p.trl).toBeLessThanOrEqual(hi);
      expect(p.startOn! < p.endOn!).toBe(true);
      expect(p.industries!.length).toBeGreaterThan(0);
      expect(p.tags!.length).toBeGreaterThan(0);
      expect(p.budget).toBeGreaterThan(0);
    }
    // A later phase is never an early project's, nor an early phase a production's.
    for (const p of g.projects.filter((x) => x.stage === "idea" || x.stage === "rnd"))
      expect(p.titleRu).not.toMatch(/: (серийная версия|тиражирование|масштабирование на округ)$/);
    for (const p of g.projects.filter((x) => x.stage === "production" || x.stage === "scaling"))
      expect(p.titleRu).not.toMatch(/: (новое поколение|этап опытно-конструкторских работ)$/);
    // Every stage, and titles mostly distinct (a repeated one names the next phase).
    expect(new Set(g.projects.map((p) => p.stage)).size).toBe(6);
    expect(new Set(g.projects.map((p) => p.titleRu)).size).toBeGreaterThan(COUNT * 0.9);
  });

  it("have investment and support entries confirmed, declared and rejected; only decided ones name an operator", () => {
    expect(new Set(g.entries.map((e) => `${e.kind}:${e.state}`))).toEqual(
      new Set([
        "investment:confirmed",
        "investment:declared",
        "investment:rejected",
        "support:confirmed",
        "support:declared",
        "support:rejected",
      ]),
    );
    const confirmed = g.entries.filter((e) => e.state === "confirmed").length;
    expect(confirmed).toBeGreaterThan(g.entries.length * 0.6);
    for (const e of g.entries) {
      expect(Number.isInteger(e.amount)).toBe(true);
      expect(e.amount).toBeGreaterThan(0);
      expect(e.rejectReason != null).toBe(e.state === "rejected");
      expect(e.decidedBy != null).toBe(e.state !== "declared");
      if (e.kind === "investment") expect(e.investorRu && e.investmentType).toBeTruthy();
      else expect(measures).toContain(e.measureId);
      expect(e.receivedOn < "2026-12-07").toBe(true);
    }
  });
});
