import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESPONSE_TYPES, type ResponseTypeName } from "../../shared/listingResponses.js";
import { type Database, rows } from "../core/db.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

describe("demo responses to listings", () => {
  it("are of every type, each state reached by its declared moves, with a conversation between the two organizations", async () => {
    const list = await rows<{
      id: string;
      type: string;
      state: string;
      moves: string[];
      tos: string[];
      conv: number;
    }>(
      database.db,
      sql`select r.id, r.type, r.state,
            array(select e.event from listing_response_events e where e.response_id = r.id order by e.created_at, e.id) as moves,
            array(select e.to_state from listing_response_events e where e.response_id = r.id order by e.created_at, e.id) as tos,
            (select count(*)::int from conversations c where c.subject_kind = 'listing_response' and c.subject_id = r.id
               and c.org_b = r.organization_id) as conv
          from listing_responses r`,
    );
    expect(new Set(list.map((r) => r.type))).toEqual(new Set(Object.keys(RESPONSE_TYPES)));
    for (const r of list) {
      const type = RESPONSE_TYPES[r.type as ResponseTypeName];
      expect(r.moves[0]).toBe("created");
      expect(r.tos.at(-1)).toBe(r.state);
      for (const m of r.moves.slice(1)) expect(type.moves.map((x) => x.name)).toContain(m);
      expect(r.conv).toBe(1);
    }
  });

  it("include an order done and rated, whose order left the catalog", async () => {
    const [r] = await rows<{ rating: number; state: string; awarded: boolean }>(
      database.db,
      sql`select r.rating, l.state::text as state, l.awarded_response_id = r.id as awarded
          from listing_responses r join listings l on l.id = r.listing_id where r.state = 'completed'`,
    );
    expect(r).toMatchObject({ rating: 5, state: "closed", awarded: true });
  });
});

describe("demo matching", () => {
  it("every published order and technology request told the organizations whose listings answer it, never its own", async () => {
    const list = await rows<{
      id: string;
      kind: string;
      organization_id: string;
      values: Record<string, unknown>;
      published_at: Date;
      matches: { org: string; at: string; offers: Record<string, unknown>[] }[];
    }>(
      database.db,
      sql`select l.id, l.kind, l.organization_id, l.values, l.published_at,
            coalesce((select json_agg(json_build_object('org', m.organization_id, 'at', m.created_at,
              'offers', (select json_agg(c.values) from listings c where c.organization_id = m.organization_id
                 and c.state = 'published' and c.kind in ('capability', 'technology'))))
              from listing_matches m where m.listing_id = l.id), '[]') as matches
          from listings l where l.state = 'published' and l.kind in ('rfq', 'technology_request')`,
    );
    expect(new Set(list.map((l) => l.kind))).toEqual(new Set(["rfq", "technology_request"]));
    const requests = list.filter((l) => l.kind === "technology_request");
    for (const l of list) {
      expect(l.matches.length, String(l.values.purpose ?? l.values.process)).toBeGreaterThan(0);
      for (const m of l.matches) {
        expect(m.org).not.toBe(l.organization_id);
        expect(new Date(m.at).getTime()).toBe(new Date(l.published_at).getTime());
      }
    }
    // A request's matches have an offer sharing a section or a tag at its minimum readiness, and the
    // tags found some that the sections alone would not have.
    const shares = (offer: Record<string, unknown>, l: (typeof list)[number], key: string) =>
      ((offer[key] as string[] | undefined) ?? []).some((x) =>
        ((l.values[key] as string[]) ?? []).includes(x),
      );
    let byTagOnly = 0;
    for (const l of requests)
      for (const m of l.matches) {
        const fit = m.offers.filter(
          (o) => o.trl !== undefined && Number(o.trl) >= Number(l.values.minTrl ?? 1),
        );
        expect(fit.some((o) => shares(o, l, "ipcSections") || shares(o, l, "tags"))).toBe(true);
        if (!fit.some((o) => shares(o, l, "ipcSections"))) byTagOnly++;
      }
    expect(byTagOnly).toBeGreaterThan(0);
  });
});
