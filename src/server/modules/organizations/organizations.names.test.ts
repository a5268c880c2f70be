import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { orgWithTeam, profileOf } from "./organizations.fixtures.js";
import { memberships, orgNameChanges } from "./organizations.schema.js";

const t = testAppForFile();
let operatorC: Client;
let operator2C: Client;
beforeAll(async () => {
  operatorC = await signedIn(
    t,
    await createUser(t.database, { role: "operator", fullName: "Операторова Мария" }),
  );
  operator2C = await signedIn(t, await createUser(t.database, { role: "operator" }));
});

async function rename(c: Client, id: string, names: { shortName: string; fullName?: string }) {
  const current = (await c.get(`/api/organizations/${id}`)).json().organization;
  return c.patch(`/api/organizations/${id}`, {
    ...profileOf(current),
    ...names,
    descriptionRu: "Разработка сенсоров для робототехники",
    version: current.version,
  });
}

const decide = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/operator/name-changes/${id}/decision`, body);

describe("finding 10: participants rename freely and keep the badge", () => {
  it("a participant's new name waits for the operator; the profile and the directory keep the old one", async () => {
    const { org, ownerC, memberC } = await orgWithTeam(t, { status: "participant", shortName: "Сенсорика" });
    const res = await rename(ownerC, org.id, {
      shortName: "Газпром Инновации",
      fullName: "ООО «Газпром Инновации»",
    });
    expect(res.statusCode, res.body).toBe(200);
    // Other fields of the same edit apply at once; the name does not.
    expect(res.json().organization).toMatchObject({
      shortName: "Сенсорика",
      descriptionRu: "Разработка сенсоров для робототехники",
    });
    const page = (await new Client(t.app).get(`/api/directory/${org.id}`)).json();
    expect(page.organization.shortName).toBe("Сенсорика");
    const pending = (await memberC.get(`/api/organizations/${org.id}/name-change`)).json();
    expect(pending).toMatchObject({
      state: "pending",
      shortName: "Газпром Инновации",
      previousShortName: "Сенсорика",
    });
    const queue = (await operatorC.get("/api/operator/name-changes")).json().items;
    expect(queue.map((i: { id: string }) => i.id)).toContain(pending.id);
    // Non-staff cannot see or decide the queue.
    expect((await ownerC.get("/api/operator/name-changes")).statusCode).toBe(403);
    expect(
      (await decide(ownerC, pending.id, { decision: "approve", version: pending.version })).statusCode,
    ).toBe(403);
  });

  it("the operator approves: the organization takes the new name, members are notified, the decision is audited", async () => {
    const { org, ownerC, member } = await orgWithTeam(t, { status: "partner", shortName: "Старое имя" });
    await rename(ownerC, org.id, { shortName: "Новое имя" });
    const pending = (await ownerC.get(`/api/organizations/${org.id}/name-change`)).json();
    const res = await decide(operatorC, pending.id, { decision: "approve", version: pending.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "approved", decidedBy: { fullName: "Операторова Мария" } });
    const after = (await ownerC.get(`/api/organizations/${org.id}`)).json().organization;
    expect(after).toMatchObject({ shortName: "Новое имя", status: "partner" });
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member.id), eq(notifications.kind, "org.name-change.decided")));
    expect(notes).toHaveLength(1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, org.id), eq(auditLog.action, "organization.name_change_approve")));
    expect(audits).toHaveLength(1);
  });

  it("an operator who belongs to the organization cannot decide its new name (finding 9)", async () => {
    const { org, ownerC } = await orgWithTeam(t, { status: "participant", shortName: "Своя" });
    const insider = await createUser(t.database, { role: "operator" });
    await t.database.db
      .insert(memberships)
      .values({ organizationId: org.id, userId: insider.id, role: "member" });
    await rename(ownerC, org.id, { shortName: "Своя новая" });
    const pending = (await ownerC.get(`/api/organizations/${org.id}/name-change`)).json();
    const mine = await signedIn(t, insider);
    expectProblem(
      await decide(mine, pending.id, { decision: "approve", version: pending.version }),
      403,
      "own-organization",
    );
    expect((await ownerC.get(`/api/organizations/${org.id}/name-change`)).json().state).toBe("pending");
    expect((await ownerC.get(`/api/organizations/${org.id}`)).json().organization.shortName).toBe("Своя");
  });

  it("a rejection needs a reason; the name stays", async () => {
    const { org, ownerC } = await orgWithTeam(t, { status: "participant", shortName: "Остаётся" });
    await rename(ownerC, org.id, { shortName: "Не пройдёт" });
    const pending = (await ownerC.get(`/api/organizations/${org.id}/name-change`)).json();
    const noReason = await decide(operatorC, pending.id, { decision: "reject", version: pending.version });
    expect(fieldErrors(expectProblem(noReason, 400))).toHaveProperty("comment");
    const res = await decide(operatorC, pending.id, {
      decision: "reject",
      comment: "Название не совпадает с ЕГРЮЛ",
      version: pending.version,
    });
    expect(res.json().state).toBe("rejected");
    expect((await ownerC.get(`/api/organizations/${org.id}`)).json().organization.shortName).toBe("Остаётся");
  });

  it("of two concurrent decisions one wins; the other gets 409 with the request as it is now", async () => {
    const { org, ownerC } = await orgWithTeam(t, { status: "participant" });
    await rename(ownerC, org.id, { shortName: "Гонка" });
    const pending = (await ownerC.get(`/api/organizations/${org.id}/name-change`)).json();
    const both = await Promise.all([
      decide(operatorC, pending.id, { decision: "approve", version: pending.version }),
      decide(operator2C, pending.id, {
        decision: "reject",
        comment: "Нет оснований",
        version: pending.version,
      }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const lost = both.find((r) => r.statusCode === 409)!;
    expect(expectProblem(lost, 409, "name-change-changed")).toHaveProperty("current.state");
    const [row] = await t.database.db.select().from(orgNameChanges).where(eq(orgNameChanges.id, pending.id));
    expect(row?.state).toBe(both[0]!.statusCode === 200 ? "approved" : "rejected");
  });

  it("a registered organization renames at once; a new request replaces the pending one; a manager withdraws it", async () => {
    const reg = await orgWithTeam(t);
    const res = await rename(reg.ownerC, reg.org.id, { shortName: "Свободное имя" });
    expect(res.json().organization.shortName).toBe("Свободное имя");
    expect((await reg.ownerC.get(`/api/organizations/${reg.org.id}/name-change`)).json()).toBeNull();

    const { org, ownerC, memberC } = await orgWithTeam(t, { status: "participant" });
    await rename(ownerC, org.id, { shortName: "Первый вариант" });
    await rename(ownerC, org.id, { shortName: "Второй вариант" });
    const rows = await t.database.db
      .select()
      .from(orgNameChanges)
      .where(eq(orgNameChanges.organizationId, org.id));
    expect(rows.map((r) => [r.state, r.shortName])).toEqual([["pending", "Второй вариант"]]);
    expect((await memberC.delete(`/api/organizations/${org.id}/name-change`)).statusCode).toBe(403);
    expect((await ownerC.delete(`/api/organizations/${org.id}/name-change`)).statusCode).toBe(204);
    expect((await ownerC.get(`/api/organizations/${org.id}/name-change`)).json().state).toBe("cancelled");
  });
});
