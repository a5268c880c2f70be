import { and, eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../core/db.js";
import {
  memberships,
  organizations,
  statusApplications,
} from "../modules/organizations/organizations.schema.js";
import { verificationRequests } from "../modules/verification/verification.schema.js";
import { testDatabase } from "../test/helpers.js";
import { seed } from "./index.js";
import { DEMO_USER_ORG } from "./organizations.js";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

describe("demo verification", () => {
  it("verifies every organization that holds or applied for a status; a handful wait with a document; one claim waits", async () => {
    const orgs = await database.db.select().from(organizations);
    const applied = new Set(
      (await database.db.select().from(statusApplications)).map((a) => a.organizationId),
    );
    for (const o of orgs) {
      if (o.status !== "registered" || applied.has(o.id)) expect(o.verifiedAt, o.shortName).not.toBeNull();
    }
    expect(orgs.find((o) => o.shortName === DEMO_USER_ORG)!.verifiedAt).toBeNull();
    const unverified = orgs.filter((o) => !o.verifiedAt).length;
    expect(unverified).toBeGreaterThan(5);
    expect(unverified).toBeLessThan(orgs.length / 2);

    const requests = await database.db.select().from(verificationRequests);
    const pending = requests.filter((r) => r.kind === "verification" && r.state === "pending");
    expect(pending.length).toBeGreaterThanOrEqual(4);
    for (const r of pending) {
      const org = orgs.find((o) => o.id === r.organizationId)!;
      expect(org.verifiedAt).toBeNull();
      const [owner] = await database.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.organizationId, org.id), eq(memberships.role, "owner")));
      expect(r.submittedBy).toBe(owner!.userId);
      expect((await fileTypeFromBuffer(r.bytes as Uint8Array))?.mime).toBe("application/pdf");
    }
    const claims = requests.filter((r) => r.kind === "claim");
    expect(claims).toHaveLength(1);
    const claim = claims[0]!;
    expect(claim.comment).toMatch(/зарегистрирована неизвестным нам лицом/);
    const members = await database.db
      .select()
      .from(memberships)
      .where(eq(memberships.organizationId, claim.organizationId!));
    expect(members.map((m) => m.userId)).not.toContain(claim.submittedBy);
  });
});
