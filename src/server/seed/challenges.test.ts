import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitterRefusal } from "../../shared/challengeEligibility.js";
import { CHALLENGE_STATES, type Criterion, criteriaIssues } from "../../shared/challenges.js";
import type { OrgStatus, OrgType } from "../../shared/organizations.js";
import { type Database, rows } from "../core/db.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

describe("demo challenges", () => {
  it("are in every state, posted by city bodies and corporations, their criteria passing the shared rule", async () => {
    const list = await rows<{
      state: string;
      type: string;
      verified: boolean;
      criteria: Criterion[] | string;
      reason: string | null;
    }>(
      database.db,
      sql`select c.state::text as state, o.type::text as type, o.verified_at is not null as verified,
            c.criteria, c.reject_reason as reason
          from challenges c join organizations o on o.id = c.organization_id`,
    );
    expect(new Set(list.map((c) => c.state))).toEqual(new Set(CHALLENGE_STATES));
    for (const c of list) {
      expect(["city_body", "corporation"]).toContain(c.type);
      expect(c.verified).toBe(true);
      const criteria = typeof c.criteria === "string" ? (JSON.parse(c.criteria) as Criterion[]) : c.criteria;
      expect(criteriaIssues(criteria)).toEqual([]);
    }
    expect(list.some((c) => c.state === "draft" && c.reason)).toBe(true);
  });

  it("with results: every submission decided, its feedback sent, every assigned expert's scores complete", async () => {
    const subs = await rows<{ decision: string | null; feedback: boolean; scores: number; experts: number }>(
      database.db,
      sql`select s.decision::text as decision, s.feedback_at is not null as feedback,
            (select count(*)::int from challenge_scores x where x.submission_id = s.id) as scores,
            (select count(*)::int from challenge_experts e where e.challenge_id = c.id) as experts
          from challenge_submissions s join challenges c on c.id = s.challenge_id
          where c.state in ('results', 'closed')`,
    );
    expect(subs.length).toBeGreaterThan(0);
    for (const s of subs) {
      expect(s.decision).not.toBeNull();
      expect(s.feedback).toBe(true);
      expect(s.scores).toBe(s.experts);
    }
    expect(subs.filter((s) => s.decision === "winner").length).toBeGreaterThan(0);
  });

  it("every winner of a challenge with a reward in money has its award recorded, dated after the results and not later than today", async () => {
    const winners = await rows<{
      reward: string;
      kind: string | null;
      amount: number | null;
      after: boolean;
      past: boolean;
    }>(
      database.db,
      sql`select c.reward_type::text as reward, a.kind::text as kind, a.amount::float8 as amount,
            a.awarded_on >= (c.results_at at time zone 'Europe/Moscow')::date as after,
            a.awarded_on <= current_date as past
          from challenge_submissions s join challenges c on c.id = s.challenge_id
          left join challenge_awards a on a.submission_id = s.id
          where s.decision = 'winner' and c.reward_type <> 'none' and c.reward_amount > 0`,
    );
    expect(winners.length).toBeGreaterThan(0);
    for (const w of winners) {
      expect(w.kind).toBe(w.reward === "paid_pilot" ? "contract" : w.reward);
      expect(w.amount).toBeGreaterThan(0);
      expect(w.past).toBe(true);
      expect(w.after).toBe(true);
    }
  });

  it("in evaluation: scores partly in, so the owner sees progress and cannot close the stage yet", async () => {
    const [c] = await rows<{ subs: number; scores: number; experts: number }>(
      database.db,
      sql`select (select count(*)::int from challenge_submissions s where s.challenge_id = c.id) as subs,
            (select count(*)::int from challenge_scores x join challenge_submissions s on s.id = x.submission_id
              where s.challenge_id = c.id) as scores,
            (select count(*)::int from challenge_experts e where e.challenge_id = c.id) as experts
          from challenges c where c.state = 'evaluation'`,
    );
    expect(c!.scores).toBeGreaterThan(0);
    expect(c!.scores).toBeLessThan(c!.subs * c!.experts);
  });

  it("have industries and tags; every submitter meets the challenge's requirements; open ones' matches recorded", async () => {
    const list = await rows<{
      industries: string[];
      tags: string[];
      orgTypes: OrgType[];
      participantsOnly: boolean;
      searchText: string;
      matches: number;
      state: string;
    }>(
      database.db,
      sql`select industries, tags, org_types as "orgTypes", participants_only as "participantsOnly",
            search_text as "searchText", state::text as state,
            (select count(*)::int from challenge_matches m where m.challenge_id = c.id) as matches
          from challenges c`,
    );
    for (const c of list) {
      expect(c.industries.length).toBeGreaterThan(0);
      expect(c.tags.length).toBeGreaterThan(0);
      expect(c.searchText).not.toBe("");
    }
    expect(list.some((c) => c.participantsOnly)).toBe(true);
    expect(list.some((c) => c.orgTypes.length > 0)).toBe(true);
    expect(list.filter((c) => c.state === "accepting").some((c) => c.matches > 0)).toBe(true);
    const subs = await rows<{
      orgTypes: OrgType[];
      participantsOnly: boolean;
      type: OrgType;
      status: OrgStatus;
      suspended: boolean;
    }>(
      database.db,
      sql`select c.org_types as "orgTypes", c.participants_only as "participantsOnly", o.type::text as type,
            o.status::text as status, o.status_suspended_at is not null as suspended
          from challenge_submissions s join challenges c on c.id = s.challenge_id
            join organizations o on o.id = s.organization_id`,
    );
    for (const s of subs)
      expect(
        submitterRefusal(s, { type: s.type, status: s.status, statusSuspended: s.suspended }),
      ).toBeNull();
  });

  it("one open challenge behind an NDA, one for registered users only, with answered questions", async () => {
    const list = await rows<{ visibility: string; nda: boolean; answered: number }>(
      database.db,
      sql`select c.visibility, c.nda_ru is not null as nda,
            (select count(*)::int from challenge_questions q where q.challenge_id = c.id and q.answer is not null) as answered
          from challenges c where c.state = 'accepting' and c.visibility <> 'public' order by c.visibility`,
    );
    expect(list.map((c) => [c.visibility, c.nda])).toEqual([
      ["nda", true],
      ["registered", false],
    ]);
    expect(list.every((c) => c.answered > 0)).toBe(true);
  });

  it("teams: a student team submits to an open challenge that allows teams; a hackathon's results rank teams only", async () => {
    const subs = await rows<{
      state: string;
      teamsOnly: boolean;
      team: string | null;
      org: boolean;
      people: number;
    }>(
      database.db,
      sql`select c.state::text as state, c.teams_only as "teamsOnly", t.name as team,
            s.organization_id is not null as org,
            (select count(*)::int from team_members m where m.team_id = t.id) as people
          from challenge_submissions s join challenges c on c.id = s.challenge_id
          left join teams t on t.id = s.team_id
          where c.teams_allowed`,
    );
    expect(subs.some((s) => s.state === "accepting" && s.team === "Бауманские сенсоры")).toBe(true);
    const hackathon = subs.filter((s) => s.teamsOnly);
    expect(hackathon.length).toBe(2);
    expect(hackathon.every((s) => s.state === "results" && s.team && !s.org)).toBe(true);
    for (const s of subs.filter((x) => x.team)) expect(s.people).toBeGreaterThanOrEqual(1);
  });
});
