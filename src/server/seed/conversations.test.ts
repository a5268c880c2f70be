import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, rows } from "../core/db.js";
import { openStorage } from "../core/storage.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";

let database: Database;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "innocluster-seed-conv-"));
const storage = openStorage({ kind: "disk", location: dir });

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo", undefined, storage);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("demo conversations", () => {
  it("every status application has its conversation with the operator", async () => {
    const [r] = await rows<{ apps: number; convs: number }>(
      database.db,
      sql`select (select count(*)::int from status_applications) as apps,
                 (select count(*)::int from conversations where subject_kind = 'status_application' and org_b is null) as convs`,
    );
    expect(r!.apps).toBeGreaterThan(0);
    expect(r!.convs).toBe(r!.apps);
  });

  it("several open applications carry an exchange in Russian, with PDF files in the storage", async () => {
    const threads = await rows<{ id: string; n: number; sides: string }>(
      database.db,
      sql`select conversation_id as id, count(*)::int as n, string_agg(distinct side, '') as sides
          from conversation_messages group by conversation_id`,
    );
    expect(threads.length).toBeGreaterThanOrEqual(4);
    expect(threads.filter((t) => t.sides === "ab" || t.sides === "ba").length).toBeGreaterThanOrEqual(3);
    const bodies = await rows<{ body: string }>(database.db, sql`select body from conversation_messages`);
    expect(bodies.some((b) => /выписк/i.test(b.body))).toBe(true);
    const attached = await rows<{ key: string; name: string; type: string }>(
      database.db,
      sql`select f.storage_key as key, f.original_name as name, f.content_type as type
          from conversation_attachments a join files f on f.id = a.file_id`,
    );
    expect(attached.length).toBeGreaterThanOrEqual(2);
    for (const f of attached) {
      expect(f.type).toBe("application/pdf");
      expect(f.name).toMatch(/\.pdf$/);
      expect(await storage.exists(f.key)).toBe(true);
    }
  });
});
