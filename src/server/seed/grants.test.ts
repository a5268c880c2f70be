import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRANT_COMMITTED, grantAmount, type ProgramCategory } from "../../shared/grants.js";
import { type Database, rows } from "../core/db.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

describe("demo grants", () => {
  it("three programs; 30 applications in every state up to the payment, within each program's budget", async () => {
    const programs = await rows<{ id: string; budget: string; categories: ProgramCategory[]; max: string }>(
      database.db,
      sql`select id, budget::text, categories, max_per_applicant::text as max from grant_programs`,
    );
    expect(programs).toHaveLength(3);
    const apps = await rows<{
      id: string;
      program: string;
      state: string;
      requested: string;
      approved: string | null;
    }>(
      database.db,
      sql`select id, program_id as program, state::text as state, requested::text, approved::text from grant_applications`,
    );
    expect(apps).toHaveLength(30);
    expect(new Set(apps.map((a) => a.state))).toEqual(
      new Set([
        "draft",
        "submitted",
        "returned",
        "review",
        "commission",
        "approved",
        "refused",
        "agreement",
        "paid",
        "reporting",
      ]),
    );
    for (const p of programs) {
      const committed = apps
        .filter((a) => a.program === p.id && GRANT_COMMITTED.includes(a.state as never))
        .reduce((s, a) => s + Number(a.approved ?? 0), 0);
      expect(committed).toBeLessThanOrEqual(Number(p.budget));
    }
    // the requested amount is the shared rule's
    const items = await rows<{ application: string; category: string; amount_no_vat: string }>(
      database.db,
      sql`select application_id as application, category::text as category, amount_no_vat::text from grant_items`,
    );
    for (const a of apps) {
      const p = programs.find((x) => x.id === a.program)!;
      const mine = items
        .filter((i) => i.application === a.id)
        .map((i) => ({ category: i.category as never, amountNoVat: Number(i.amount_no_vat) }));
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(grantAmount({ categories: p.categories, maxPerApplicant: Number(p.max) }, mine).total).toBe(
        Number(a.requested),
      );
    }
  });

  it("the paid grants' yearly reports: one due soon, one submitted for the operator, one accepted", async () => {
    const reports = await rows<{ state: string; due_on: string }>(
      database.db,
      sql`select r.state::text as state, r.due_on::text as due_on from grant_reports r order by r.due_on`,
    );
    expect(reports).toHaveLength(9);
    expect(reports.filter((r) => r.state === "submitted")).toHaveLength(1);
    expect(reports.filter((r) => r.state === "accepted")).toHaveLength(1);
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    expect(reports.some((r) => r.state === "due" && r.due_on > today && r.due_on <= soon)).toBe(true);
  });

  it("the demo expert is assigned to every application accepted into the review, and to no other", async () => {
    const r = await rows<{ state: string; email: string | null }>(
      database.db,
      sql`select a.state::text as state, u.email from grant_applications a
          left join grant_experts e on e.application_id = a.id left join users u on u.id = e.user_id`,
    );
    const accepted = ["review", "commission", "approved", "refused", "agreement", "paid", "reporting"];
    for (const a of r) expect(a.email).toBe(accepted.includes(a.state) ? "expert@innocluster.demo" : null);
  });
});
