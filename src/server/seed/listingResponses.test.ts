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
