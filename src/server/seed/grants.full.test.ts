import { describe, expect, it } from "vitest";
import { GRANT_COMMITTED, grantAmount, type ProgramCategory } from "../../shared/grants.js";
import { FULL_GRANT_APPLICATIONS, FULL_GRANT_ITEMS, fullGrants, type ProgramSlot } from "./grants.full.js";

const now = Date.parse("2026-12-07T12:00:00Z");
const DAY = 24 * 3600_000;
const RUB = 100;
const uuid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, "0")}`;
const cats = (...c: [string, number, number | null][]): ProgramCategory[] =>
  c.map(([category, share, cap]) => ({ category, share, cap }) as ProgramCategory);
// The demo's three programs (the second closed), with some money already committed.
const programs: ProgramSlot[] = [
  {
    id: uuid("00000000", 1),
    categories: cats(["equipment", 5000, null], ["software", 3000, 5_000_000 * RUB]),
    maxPerApplicant: 30_000_000 * RUB,
    budget: 400_000_000 * RUB,
    committed: 20_000_000 * RUB,
    opensAt: now - 75 * DAY,
    closesAt: now + 45 * DAY,
    checkDays: 10,
  },
  {
    id: uuid("00000000", 2),
    categories: cats(["utility_connection", 5000, null], ["real_estate", 2000, 15_000_000 * RUB]),
    maxPerApplicant: 20_000_000 * RUB,
    budget: 150_000_000 * RUB,
    committed: 10_000_000 * RUB,
    opensAt: now - 300 * DAY,
    closesAt: now - 150 * DAY,
    checkDays: 10,
  },
  {
    id: uuid("00000000", 3),
    categories: cats(["ip_rights", 5000, null], ["software", 5000, 3_000_000 * RUB]),
    maxPerApplicant: 10_000_000 * RUB,
    budget: 60_000_000 * RUB,
    committed: 0,
    // the demo's applicant that already asked for all but a ruble of the maximum
    requestedBy: new Map([[uuid("10000000", 7), 10_000_000 * RUB - RUB]]),
    opensAt: now - 40 * DAY,
    closesAt: now + 80 * DAY,
    checkDays: 10,
  },
];
const applicants = Array.from({ length: 300 }, (_, i) => ({
  id: uuid("10000000", i),
  owner: uuid("20000000", i),
}));
const experts = Array.from({ length: 5 }, (_, i) => uuid("30000000", i));
// every expert is a member of the first ten applicants
const conflicts = new Set(experts.flatMap((e) => applicants.slice(0, 10).map((a) => `${e}:${a.id}`)));
// A quarter of the full scale.
const COUNT = 500;
const g = fullGrants(1, now, COUNT, programs, applicants, experts, conflicts, uuid("40000000", 0));

describe("the full-scale grant applications", () => {
  it("are the count asked with 10 items each, in every state, the requested amount the shared rule's", () => {
    expect(FULL_GRANT_APPLICATIONS).toBe(2030);
    expect(g.applications).toHaveLength(COUNT);
    expect(g.items).toHaveLength(COUNT * FULL_GRANT_ITEMS);
    expect(new Set(g.applications.map((a) => a.state)).size).toBe(9);
    for (const a of g.applications.slice(0, 50)) {
      const p = programs.find((x) => x.id === a.programId)!;
      const mine = g.items.filter((i) => i.applicationId === a.id).map((i) => ({ ...i, accepted: null }));
      expect(grantAmount(p, mine).total).toBe(a.requested);
    }
    // the closed program's applications are all decided
    const closed = g.applications.filter((a) => a.programId === programs[1]!.id);
    expect(closed.every((a) => ["approved", "refused", "agreement", "paid"].includes(a.state!))).toBe(true);
    // every step dated in the past
    expect(g.events.every((e) => (e.at as Date).getTime() <= now)).toBe(true);
  });

  it("never commit more than a program's budget, and never assign an expert to their own organization", () => {
    for (const p of programs) {
      const committed = g.applications
        .filter((a) => a.programId === p.id && GRANT_COMMITTED.includes(a.state!))
        .reduce((s, a) => s + (a.approved ?? 0), p.committed);
      expect(committed).toBeLessThanOrEqual(p.budget);
    }
    expect(g.applications.some((a) => a.reason?.includes("исчерпан"))).toBe(true);
    const org = new Map(g.applications.map((a) => [a.id, a.organizationId]));
    expect(g.experts.length).toBeGreaterThan(COUNT / 3);
    for (const e of g.experts) expect(conflicts.has(`${e.userId}:${org.get(e.applicationId)}`)).toBe(false);
    const accepted = g.applications.filter((a) => !["draft", "submitted", "returned"].includes(a.state!));
    const insiders = new Set(applicants.slice(0, 10).map((a) => a.id));
    // one expert each accepted application, but where every expert is an insider: none
    expect(new Set(g.experts.map((e) => e.applicationId)).size).toBe(
      accepted.filter((a) => !insiders.has(a.organizationId)).length,
    );
  });

  it("keep each organization's asks and approvals in a program under its maximum per applicant", () => {
    for (const p of programs) {
      const asked = new Map(p.requestedBy);
      const approved = new Map<string, number>();
      for (const a of g.applications.filter((x) => x.programId === p.id)) {
        asked.set(a.organizationId, (asked.get(a.organizationId) ?? 0) + a.requested!);
        if (GRANT_COMMITTED.includes(a.state!))
          approved.set(a.organizationId, (approved.get(a.organizationId) ?? 0) + a.approved!);
      }
      for (const sum of [...asked.values(), ...approved.values()])
        expect(sum).toBeLessThanOrEqual(p.maxPerApplicant);
      // organizations apply more than once to a program, as at full scale
      const perOrg = g.applications.filter((x) => x.programId === p.id).map((x) => x.organizationId);
      expect(new Set(perOrg).size).toBeLessThan(perOrg.length);
    }
    expect(
      g.applications.some((a) => a.organizationId === uuid("10000000", 7) && a.programId === programs[2]!.id),
    ).toBe(false);
  });
});
