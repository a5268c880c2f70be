import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { okvedSectionOfCode } from "../../shared/okved.js";
import { orgIdentifierErrors, statusOpenTo } from "../../shared/organizations.js";
import { type Database, rows } from "../core/db.js";
import { users } from "../modules/accounts/accounts.schema.js";
import {
  memberships,
  organizations,
  statusApplications,
  statusHistory,
} from "../modules/organizations/organizations.schema.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";
import { DEMO_USER_EMAIL, DEMO_USER_MEMBER_OF, DEMO_USER_ORG } from "./organizations.js";

let database: Database;
let orgs: (typeof organizations.$inferSelect)[];

beforeAll(async () => {
  database = await testDatabase();
  // How long this takes is measured as `npm start`'s first start (README), not timed here.
  await seed(database.db, "demo");
  orgs = await database.db.select().from(organizations);
});
afterAll(() => database.close());

const DAY = 86_400_000;

describe("demo organizations", () => {
  it("cover every type, status and SME category, mostly in Moscow, from many regions and a few countries", () => {
    expect(orgs.length).toBe(300);
    const types = new Set(orgs.map((o) => o.type));
    expect(types.size).toBe(7);
    expect(new Set(orgs.map((o) => o.status))).toEqual(new Set(["registered", "participant", "partner"]));
    expect(orgs.some((o) => o.statusSuspendedAt !== null)).toBe(true);
    expect(new Set(orgs.map((o) => o.smeCategory))).toEqual(
      new Set(["micro", "small", "medium", "large", null]),
    );
    const moscow = orgs.filter((o) => o.regionCode === "77").length;
    expect(moscow / orgs.length).toBeGreaterThan(0.4);
    expect(new Set(orgs.map((o) => o.regionCode).filter(Boolean)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(orgs.map((o) => o.country).filter(Boolean)).size).toBeGreaterThanOrEqual(2);
    expect(orgs.some((o) => o.contactsPublic)).toBe(true);
    for (const name of ["МГТУ им. Н. Э. Баумана", "ПАО «Газпром»", "Технопарк «Строгино»"])
      expect(orgs.map((o) => o.shortName)).toContain(name);
    expect(orgs.map((o) => o.fullName)).toContain(
      "Департамент предпринимательства и инновационного развития города Москвы",
    );
  });

  it("name each individual entrepreneur after its owner", async () => {
    const owners = await rows<{ type: string; shortName: string; fullName: string; owner: string }>(
      database.db,
      sql`select o.type, o.short_name as "shortName", o.full_name as "fullName", u.full_name as owner
            from organizations o
            join memberships m on m.organization_id = o.id and m.role = 'owner'
            join users u on u.id = m.user_id
           where o.type = 'individual_entrepreneur'`,
    );
    expect(owners.length).toBeGreaterThan(5);
    for (const o of owners) {
      expect(o.fullName).toBe(`Индивидуальный предприниматель ${o.owner}`);
      expect(o.shortName.startsWith(`ИП ${o.owner.split(" ")[0]} `)).toBe(true);
    }
  });

  it("have valid identifiers that agree with the region", () => {
    for (const o of orgs) {
      expect(orgIdentifierErrors(o.type, o), `${o.shortName} ${o.inn} ${o.ogrn} ${o.kpp}`).toEqual({});
      if (o.type === "foreign") {
        expect(o.regionCode).toBeNull();
        expect(o.inn).toBeNull();
        continue;
      }
      expect(o.inn!.slice(0, 2)).toBe(o.regionCode);
      // OGRN: sign, year (2), region; OGRNIP: 3, year (2), region.
      expect(o.ogrn!.slice(3, 5)).toBe(o.regionCode);
      if (o.kpp) expect(o.kpp.slice(0, 2)).toBe(o.regionCode);
    }
    expect(new Set(orgs.map((o) => o.inn).filter(Boolean)).size).toBe(orgs.filter((o) => o.inn).length);
  });

  it("have the main OKVED code within their sections, and tags", () => {
    for (const o of orgs) {
      expect(o.okvedSections).toContain(okvedSectionOfCode(o.okvedMain!));
      expect(o.tags.length).toBeGreaterThan(0);
      expect(o.descriptionRu.length).toBeGreaterThan(40);
    }
  });

  it("hold participant status only in Moscow and partner status only elsewhere, with history", async () => {
    for (const o of orgs) {
      if (o.status === "participant")
        expect(statusOpenTo(o.regionCode, o.type, "participant").open).toBe(true);
      if (o.status === "partner") expect(statusOpenTo(o.regionCode, o.type, "partner").open).toBe(true);
    }
    const approved = await rows<{ n: number }>(
      database.db,
      sql`select count(distinct ${statusHistory.organizationId})::int as n from ${statusHistory}
        where ${statusHistory.event} = 'approved'`,
    );
    expect(approved[0]!.n).toBe(orgs.filter((o) => o.status !== "registered").length);
  });

  it("give the operator a queue of 20+ waiting applications, several over 10 days", async () => {
    const apps = await database.db.select().from(statusApplications);
    const pending = apps.filter((a) => a.state === "pending");
    expect(pending.length).toBeGreaterThanOrEqual(20);
    expect(
      pending.filter((a) => Date.now() - a.submittedAt.getTime() > 10 * DAY).length,
    ).toBeGreaterThanOrEqual(5);
    expect(apps.some((a) => a.state === "returned")).toBe(true);
    expect(apps.some((a) => a.state === "rejected")).toBe(true);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const a of apps.filter((x) => x.state === "pending" || x.state === "returned")) {
      const o = byId.get(a.organizationId)!;
      expect(o.status).toBe("registered");
      expect(statusOpenTo(o.regionCode, o.type, a.requestedStatus as "participant" | "partner").open).toBe(
        true,
      );
    }
  });
});

describe("demo memberships", () => {
  it("put every user in 1–2 organizations, staff in none, and give every organization one owner", async () => {
    const people = await database.db.select({ id: users.id, email: users.email }).from(users);
    const ms = await database.db.select().from(memberships);
    const count = new Map<string, number>();
    for (const m of ms) count.set(m.userId, (count.get(m.userId) ?? 0) + 1);
    for (const u of people) {
      const n = count.get(u.id) ?? 0;
      if (
        ["admin@innocluster.demo", "operator@innocluster.demo", "expert@innocluster.demo"].includes(u.email)
      )
        expect(n).toBe(0);
      else expect(n, u.email).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(2);
    }
    const owners = new Map<string, number>();
    for (const m of ms.filter((x) => x.role === "owner"))
      owners.set(m.organizationId, (owners.get(m.organizationId) ?? 0) + 1);
    expect(owners.size).toBe(orgs.length);
    expect([...owners.values()].every((n) => n === 1)).toBe(true);
    expect(ms.some((m) => m.showPublicly)).toBe(true);
    expect(ms.some((m) => !m.showPublicly)).toBe(true);
  });

  it("make the demo user the owner of a registered Moscow legal entity and a member of a technopark", async () => {
    const [u] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.email} = ${DEMO_USER_EMAIL}`);
    const ms = (await database.db.select().from(memberships)).filter((m) => m.userId === u!.id);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const own = ms.find((m) => m.role === "owner")!;
    expect(byId.get(own.organizationId)).toMatchObject({
      shortName: DEMO_USER_ORG,
      type: "legal_entity",
      regionCode: "77",
      status: "registered",
    });
    const open = (await database.db.select().from(statusApplications)).filter(
      (a) => a.organizationId === own.organizationId,
    );
    expect(open).toEqual([]);
    const other = ms.find((m) => m.role !== "owner")!;
    expect(byId.get(other.organizationId)!.shortName).toBe(DEMO_USER_MEMBER_OF);
    expect(ms).toHaveLength(2);
  });
});
