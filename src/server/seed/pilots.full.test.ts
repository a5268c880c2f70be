import { describe, expect, it } from "vitest";
import { MOSCOW_DISTRICTS_OF } from "../../shared/moscow.js";
import { CAPACITY_STATES, PILOT_STATES, SITE_TYPES, type SiteType } from "../../shared/pilots.js";
import { TEAM_MAX, TEAM_MIN } from "../../shared/teams.js";
import { mulberry32, Random } from "./organizations.js";
import { FULL_PILOTS, FULL_SITES, fullPilots, fullSites, varied } from "./pilots.full.js";
import { FULL_TEAMS, fullTeams } from "./teams.full.js";

const now = Date.parse("2026-12-07T12:00:00Z");
const uuid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, "0")}`;
const bodyNames = [
  "ДЗМ",
  "Департамент образования и науки города Москвы",
  "Дептранс Москвы",
  "ДИТ Москвы",
  "ДИПП Москвы",
  "ДПиИР",
  "Департамент культуры города Москвы",
  "Департамент природопользования и охраны окружающей среды города Москвы",
  "Префектура Центрального административного округа города Москвы",
];
const bodies = new Map(
  bodyNames.map((name, i) => [
    name,
    { id: uuid("00000000", i), owner: uuid("10000000", i), shortName: name, type: "city_body", region: "77" },
  ]),
);
const corporations = Array.from({ length: 60 }, (_, i) => ({
  id: uuid("20000000", i),
  owner: uuid("30000000", i),
  shortName: `ПАО «Компания ${i}»`,
  type: "corporation",
  region: i % 3 ? "77" : "16",
}));
const DEMO_SITES = 30;
const DEMO_PILOTS = 15;
const sites = fullSites(1, now, (n) => bodies.get(n), corporations);
const slots = sites.map((s) => ({
  id: s.id,
  type: s.type as SiteType,
  testable: s.testable,
  organizationId: s.organizationId,
  capacity: s.capacity!,
  busy: 0,
}));
const companies = Array.from({ length: 500 }, (_, i) => ({
  id: uuid("40000000", i),
  owner: uuid("50000000", i),
}));
const experts = Array.from({ length: 10 }, (_, i) => uuid("60000000", i));
const g = fullPilots(1, now, FULL_PILOTS - DEMO_PILOTS, slots, companies, experts);

describe("the full-scale sites", () => {
  it("are the 288 beside the demo's 30, of every type, with unique names, a district in its okrug or a region", () => {
    expect(sites).toHaveLength(FULL_SITES - DEMO_SITES);
    expect(new Set(sites.map((s) => s.type))).toEqual(new Set(SITE_TYPES));
    expect(new Set(sites.map((s) => s.name)).size).toBe(sites.length);
    const owners = new Set([...[...bodies.values()].map((b) => b.id), ...corporations.map((c) => c.id)]);
    for (const s of sites) {
      expect(owners).toContain(s.organizationId);
      if (s.district) {
        expect(MOSCOW_DISTRICTS_OF[s.okrug as keyof typeof MOSCOW_DISTRICTS_OF]).toContain(s.district);
        expect(s.address).toBeTruthy();
      } else expect(s.region).toBeTruthy();
      expect(s.paid).toBe(s.price != null);
      expect(s.capacity).toBeGreaterThanOrEqual(1);
      if (s.periodFrom && s.periodTo) expect(s.periodFrom < s.periodTo).toBe(true);
    }
    // Hospitals are the health department's.
    for (const s of sites.filter((x) => x.type === "hospital"))
      expect(s.organizationId).toBe(bodies.get("ДЗМ")!.id);
  });
});

describe("the full-scale pilots", () => {
  it("are in every state; reviewed ones scored by an expert, completed ones with a result, some published", () => {
    expect(g.pilots).toHaveLength(FULL_PILOTS - DEMO_PILOTS);
    expect(new Set(g.pilots.map((p) => p.state))).toEqual(new Set(PILOT_STATES));
    for (const p of g.pilots) {
      if (["site_review", "agreed", "running", "completed"].includes(p.state!)) {
        expect(p.scores).not.toBeNull();
        expect(p.expertId).not.toBeNull();
      }
      if (p.state === "innovation_review") expect(p.expertId).not.toBeNull();
      expect(p.success != null && p.measuredEffect != null).toBe(p.state === "completed");
      expect(p.rejectReason != null).toBe(p.state === "rejected");
      if (p.state === "operator_review") expect(p.operatorAssisted).toBe(true);
      expect(p.dateFrom! < p.dateTo!).toBe(true);
    }
    const completed = g.pilots.filter((p) => p.state === "completed");
    expect(completed.some((p) => p.publishResult && p.success)).toBe(true);
    expect(completed.some((p) => !p.success)).toBe(true);
  });

  it("never fill a site beyond its capacity, and a company never applies to its own site", () => {
    const busy = new Map<string, number>();
    for (const p of g.pilots)
      if (CAPACITY_STATES.includes(p.state!)) busy.set(p.siteId!, (busy.get(p.siteId!) ?? 0) + 1);
    for (const s of sites) expect(busy.get(s.id) ?? 0).toBeLessThanOrEqual(s.capacity!);
    const ownerOf = new Map(sites.map((s) => [s.id, s.organizationId]));
    for (const p of g.pilots) expect(p.organizationId).not.toBe(ownerOf.get(p.siteId!));
  });

  it("seldom show the same result twice at a site; a result's percentages vary in the same direction", () => {
    const completed = g.pilots.filter((p) => p.state === "completed");
    const pairs = new Set(completed.map((p) => `${p.siteId}:${p.measuredEffect}`));
    expect(completed.length - pairs.size).toBeLessThan(completed.length * 0.05);
    const r = new Random(mulberry32(3));
    for (let i = 0; i < 50; i++) {
      const text = varied(r, "точность 94% при требуемых 90%, потери с 3,1% до 0,9%, 23 дефекта за 19 часов");
      const [, accuracy, required, from, to] = text.match(
        /(\d+)% при требуемых (\d+)%, потери с ([\d,]+)% до ([\d,]+)%/,
      )!;
      expect(Number(accuracy)).toBeGreaterThanOrEqual(93);
      expect(Number(accuracy)).toBeLessThanOrEqual(95);
      expect(required).toBe("90");
      expect(Number(from!.replace(",", "."))).toBeGreaterThan(Number(to!.replace(",", ".")));
      expect(text).toContain("23 дефекта за 19 часов");
    }
  });
});

describe("the full-scale teams", () => {
  it("are 300 of 1–10 people, none in two teams, a quarter or so tied to their captain's organization", () => {
    const people = Array.from({ length: 3000 }, (_, i) => ({ id: uuid("70000000", i) }));
    const captains = Array.from({ length: 300 }, (_, i) => ({
      id: uuid("80000000", i),
      org: uuid("90000000", i),
      name: `ООО «Компания ${i}»`,
    }));
    const t = fullTeams(1, now, people, captains);
    expect(t.teams).toHaveLength(FULL_TEAMS);
    expect(new Set(t.teams.map((x) => x.name)).size).toBe(FULL_TEAMS);
    const size = new Map<string, number>();
    for (const m of t.members) size.set(m.teamId!, (size.get(m.teamId!) ?? 0) + 1);
    for (const x of t.teams) {
      expect(size.get(x.id)).toBeGreaterThanOrEqual(TEAM_MIN);
      expect(size.get(x.id)).toBeLessThanOrEqual(TEAM_MAX);
      expect(t.members.some((m) => m.teamId === x.id && m.userId === x.captainId)).toBe(true);
      if (x.organizationId) expect(captains.find((c) => c.org === x.organizationId)!.id).toBe(x.captainId);
    }
    expect(new Set(t.members.map((m) => m.userId)).size).toBe(t.members.length);
    const tied = t.teams.filter((x) => x.organizationId).length;
    expect(tied).toBeGreaterThan(40);
    expect(tied).toBeLessThan(120);
  });
});
