import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOSCOW_DISTRICTS_OF } from "../../shared/moscow.js";
import { PILOT_STATES } from "../../shared/pilots.js";
import { type Database, rows } from "../core/db.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

describe("demo pilots", () => {
  it("30 sites of city bodies and corporations, each district within its okrug, a paid one with its price", async () => {
    const sites = await rows<{
      type: string;
      okrug: string | null;
      district: string | null;
      paid: boolean;
      price: number | null;
      region: string | null;
    }>(
      database.db,
      sql`select o.type::text as type, s.okrug, s.district, s.paid, s.price, s.region
          from pilot_sites s join organizations o on o.id = s.organization_id`,
    );
    expect(sites).toHaveLength(30);
    for (const s of sites) {
      expect(["city_body", "corporation"]).toContain(s.type);
      if (s.district)
        expect(MOSCOW_DISTRICTS_OF[s.okrug as keyof typeof MOSCOW_DISTRICTS_OF]).toContain(s.district);
      else expect(s.region).toBeTruthy();
      expect(s.paid).toBe(s.price !== null);
    }
  });

  it("pilots in every state; reviewed ones scored, completed ones with a result; no site over its capacity", async () => {
    const list = await rows<{ state: string; scored: boolean; result: boolean; expert: boolean }>(
      database.db,
      sql`select state::text as state, scores is not null as scored,
            success is not null and measured_effect is not null as result, expert_id is not null as expert
          from pilots`,
    );
    expect(new Set(list.map((p) => p.state))).toEqual(new Set(PILOT_STATES));
    for (const p of list) {
      if (["site_review", "agreed", "running", "completed"].includes(p.state)) expect(p.scored).toBe(true);
      expect(p.result).toBe(p.state === "completed");
      if (p.state === "innovation_review") expect(p.expert).toBe(true);
    }
    const over = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pilot_sites s where s.capacity <
            (select count(*) from pilots p where p.site_id = s.id and p.state::text in ('agreed', 'running'))`,
    );
    expect(over[0]!.n).toBe(0);
  });
});
