import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, rows } from "../core/db.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

describe("demo clusters", () => {
  it("fifteen clusters led by verified members, 5–25 members each, projects of members only, pending applications", async () => {
    const clusters = await rows<{ id: string; members: number; lead_member: boolean; verified: boolean }>(
      database.db,
      sql`select c.id, (select count(*)::int from cluster_members m where m.cluster_id = c.id) as members,
            exists (select 1 from cluster_members m where m.cluster_id = c.id
              and m.organization_id = c.lead_organization_id and m.public) as lead_member,
            (o.verified_at is not null) as verified
          from clusters c join organizations o on o.id = c.lead_organization_id`,
    );
    expect(clusters).toHaveLength(15);
    for (const c of clusters) {
      expect(c.members).toBeGreaterThanOrEqual(5);
      expect(c.members).toBeLessThanOrEqual(25);
      expect(c.lead_member).toBe(true);
      expect(c.verified).toBe(true);
    }
    const [projects] = await rows<{ attached: number; all: number; outsiders: number; unnamed: number }>(
      database.db,
      sql`select count(*) filter (where cluster_id is not null)::int as attached, count(*)::int as "all",
            count(*) filter (where cluster_id is not null and not exists (select 1 from cluster_members m
              where m.cluster_id = p.cluster_id and m.organization_id = p.lead_organization_id))::int as outsiders,
            count(*) filter (where exists (select 1 from cluster_members m join clusters c on c.id = m.cluster_id
              where m.cluster_id = p.cluster_id and m.organization_id = p.lead_organization_id
                and not m.public and c.lead_organization_id <> m.organization_id))::int as unnamed
          from projects p`,
    );
    expect(projects!.attached).toBeGreaterThan(projects!.all / 2);
    expect(projects!.outsiders).toBe(0);
    // an attached project names its lead as a member: none is led by a member that did not agree
    expect(projects!.unnamed).toBe(0);
    const [apps] = await rows<{ pending: number; declined: number; hidden: number }>(
      database.db,
      sql`select count(*) filter (where state = 'pending')::int as pending,
            count(*) filter (where state = 'declined' and reason_ru is not null)::int as declined,
            (select count(*)::int from cluster_members where not public) as hidden
          from cluster_applications`,
    );
    expect(apps!.pending).toBeGreaterThanOrEqual(10);
    expect(apps!.declined).toBe(1);
    expect(apps!.hidden).toBeGreaterThan(0);
  });
});
