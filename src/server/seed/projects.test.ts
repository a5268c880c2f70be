import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countedShares, type MemberState, SHARE_WHOLE, shareIssues } from "../../shared/projects.js";
import { type Database, rows } from "../core/db.js";
import { openStorage } from "../core/storage.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";

let database: Database;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "innocluster-projects-seed-"));
const storage = openStorage({ kind: "disk", location: dir });

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo", undefined, storage);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("demo projects", () => {
  it("40 projects, some joint with 2–5 organizations, every consortium keeping the share rule", async () => {
    const members = await rows<{
      project: string;
      org: string;
      share: number;
      state: MemberState;
      joint: boolean;
    }>(
      database.db,
      sql`select m.project_id as project, m.organization_id as org, m.share, m.state::text as state, p.joint
          from project_members m join projects p on p.id = m.project_id
          order by m.project_id, (m.state <> 'lead'), m.created_at, m.organization_id`,
    );
    const byProject = new Map<string, typeof members>();
    for (const m of members) byProject.set(m.project, [...(byProject.get(m.project) ?? []), m]);
    expect(byProject.size).toBe(40);
    let joint = 0;
    for (const list of byProject.values()) {
      const ms = list.map((m) => ({ organizationId: m.org, share: Number(m.share), state: m.state }));
      expect(ms[0]!.state).toBe("lead");
      expect(shareIssues(ms)).toEqual([]);
      expect(countedShares(ms).reduce((s, m) => s + m.share, 0)).toBe(SHARE_WHOLE);
      expect(list[0]!.joint).toBe(ms.some((m) => m.state === "accepted"));
      if (list[0]!.joint) joint++;
    }
    expect(joint).toBeGreaterThanOrEqual(8);
    expect(new Set(members.map((m) => m.state))).toEqual(
      new Set(["lead", "accepted", "invited", "declined"]),
    );
  });

  it("investment and support entries confirmed, declared and rejected", async () => {
    const entries = await rows<{ kind: string; state: string }>(
      database.db,
      sql`select kind::text as kind, state::text as state from project_entries`,
    );
    expect(new Set(entries.map((e) => `${e.kind}:${e.state}`))).toEqual(
      new Set(["investment:confirmed", "support:confirmed", "investment:declared", "investment:rejected"]),
    );
  });

  it("confirmed money spread over the last three years, each confirmed after it was received", async () => {
    const confirmed = await rows<{ month: string; late: boolean; future: boolean }>(
      database.db,
      sql`select to_char(received_on, 'YYYY-MM') as month, decided_at::date < received_on as late,
            received_on > current_date as future
          from project_entries where state = 'confirmed'`,
    );
    const months = [...new Set(confirmed.map((e) => e.month))].sort();
    expect(months.length).toBeGreaterThanOrEqual(20);
    const [y0, m0] = months[0]!.split("-").map(Number);
    const [y1, m1] = months.at(-1)!.split("-").map(Number);
    expect((y1! - y0!) * 12 + m1! - m0!).toBeGreaterThanOrEqual(24);
    expect(confirmed.some((e) => e.late || e.future)).toBe(false);
  });

  it("every entry has its document: a PDF named after its source, in the storage", async () => {
    const entries = await rows<{
      source: string;
      name: string | null;
      key: string | null;
      type: string | null;
    }>(
      database.db,
      sql`select e.source_ru as source, f.original_name as name, f.storage_key as key, f.content_type as type
          from project_entries e left join files f on f.id = e.file_id`,
    );
    expect(entries.length).toBeGreaterThan(10);
    for (const e of entries) {
      expect(e.type).toBe("application/pdf");
      expect(e.name).toMatch(/^(Договор|Соглашение).*\.pdf$/);
      expect(await storage.exists(e.key!)).toBe(true);
    }
  });
});
