import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_CONSENT_VERSION } from "../../../shared/constants.js";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors, randomEmail } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { consents, users } from "../accounts/accounts.schema.js";
import { notifications } from "../notifications/notifications.schema.js";
import { createOrg, orgWithTeam, profileOf } from "./organizations.fixtures.js";
import { invitations, organizations } from "./organizations.schema.js";
import { INVITATIONS_PER_DAY } from "./organizations.service.js";

const t = testAppForFile();
let guest: Client;
beforeAll(async () => {
  guest = new Client(t.app);
});

const publicPage = async (id: string) => {
  const res = await guest.get(`/api/directory/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    organization: { contactEmail: string | null; contactPhone: string | null };
    members: { fullName: string; position: string | null }[];
  };
};

const consentRows = (userId: string, organizationId: string, kind: string) =>
  t.database.db
    .select()
    .from(consents)
    .where(
      and(eq(consents.userId, userId), eq(consents.organizationId, organizationId), eq(consents.kind, kind)),
    );

const noticesOf = (userId: string, kind: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

async function profile(c: Client, id: string) {
  const res = await c.get(`/api/organizations/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().organization as Record<string, unknown>;
}

describe("finding 8: a manager can publish another member without their consent", () => {
  it("a manager's attempt to publish another member shows nothing publicly until that member agrees", async () => {
    const { org, member, ownerC, memberC } = await orgWithTeam(t);
    const memberUrl = `/api/organizations/${org.id}/members/${member.id}`;
    expect((await ownerC.patch(memberUrl, { position: "Ведущий инженер" })).statusCode).toBe(200);
    const asked = await ownerC.patch(memberUrl, { showPublicly: true });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ showPublicly: false, publicRequested: true });
    expect((await publicPage(org.id)).members.map((m) => m.fullName)).not.toContain(member.fullName);
    expect(await consentRows(member.id, org.id, "org_public_profile")).toHaveLength(0);
    expect(await noticesOf(member.id, "org.public-profile.requested")).toHaveLength(1);

    const mine = (await memberC.get(`/api/organizations/${org.id}/consents/mine`)).json();
    expect(mine.publicProfile).toMatchObject({
      shown: false,
      requested: true,
      requestedBy: "Иванов Иван Иванович",
      position: "Ведущий инженер",
    });
    const agreed = await memberC.request("PUT", `/api/organizations/${org.id}/consents/public-profile`, {
      agree: true,
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().publicProfile).toMatchObject({ shown: true, requested: false });
    expect((await publicPage(org.id)).members).toContainEqual(
      expect.objectContaining({ fullName: member.fullName, position: "Ведущий инженер" }),
    );
    const [row] = await consentRows(member.id, org.id, "org_public_profile");
    expect(row).toMatchObject({ policyVersion: PUBLIC_CONSENT_VERSION, ip: memberC.ip, withdrawnAt: null });
    expect(Date.now() - row!.acceptedAt.getTime()).toBeLessThan(60_000);
  });

  it("withdrawing hides the member at once and marks the consent withdrawn", async () => {
    const { org, member, memberC } = await orgWithTeam(t);
    const url = `/api/organizations/${org.id}/consents/public-profile`;
    expect((await memberC.request("PUT", url, { agree: true })).statusCode).toBe(200);
    expect((await publicPage(org.id)).members.map((m) => m.fullName)).toContain(member.fullName);
    expect((await memberC.request("PUT", url, { agree: false })).statusCode).toBe(200);
    expect((await publicPage(org.id)).members.map((m) => m.fullName)).not.toContain(member.fullName);
    const [row] = await consentRows(member.id, org.id, "org_public_profile");
    expect(row?.withdrawnAt).not.toBeNull();
  });

  it("a manager may hide a member, and changing a shown member's position hides them and asks again", async () => {
    const { org, member, ownerC, memberC } = await orgWithTeam(t);
    await memberC.request("PUT", `/api/organizations/${org.id}/consents/public-profile`, { agree: true });
    const moved = await ownerC.patch(`/api/organizations/${org.id}/members/${member.id}`, {
      position: "Генеральный директор",
    });
    expect(moved.json()).toMatchObject({ showPublicly: false, publicRequested: true });
    expect((await publicPage(org.id)).members.map((m) => m.fullName)).not.toContain(member.fullName);
    const hidden = await ownerC.patch(`/api/organizations/${org.id}/members/${member.id}`, {
      showPublicly: false,
    });
    expect(hidden.json()).toMatchObject({ showPublicly: false, publicRequested: false });
  });

  it("published contacts wait for the contact person's own consent; withdrawing hides them", async () => {
    const { org, owner, member, ownerC, memberC, adminC } = await orgWithTeam(t);
    const current = await profile(ownerC, org.id);
    const body = {
      ...profileOf(current),
      contactEmail: "kuznetsov@example.ru",
      contactPhone: "+7 495 765-43-21",
      contactsPublic: true,
      contactPersonId: member.id,
      version: current.version,
    };
    const saved = await ownerC.patch(`/api/organizations/${org.id}`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().organization).toMatchObject({ contactsPublic: true, contactsConsentAt: null });
    expect((await publicPage(org.id)).organization.contactEmail).toBeNull();
    expect(await noticesOf(member.id, "org.contacts-consent.requested")).toHaveLength(1);

    // Only the contact person answers.
    expectProblem(
      await adminC.request("PUT", `/api/organizations/${org.id}/consents/contacts`, { agree: true }),
      403,
      "not-contact-person",
    );
    const mine = (await memberC.get(`/api/organizations/${org.id}/consents/mine`)).json();
    expect(mine.contacts).toMatchObject({ shown: false, requested: true, email: "kuznetsov@example.ru" });
    const agreed = await memberC.request("PUT", `/api/organizations/${org.id}/consents/contacts`, {
      agree: true,
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect((await publicPage(org.id)).organization.contactEmail).toBe("kuznetsov@example.ru");
    const [row] = await consentRows(member.id, org.id, "org_public_contacts");
    expect(row).toMatchObject({ ip: memberC.ip, policyVersion: PUBLIC_CONSENT_VERSION });
    expect(await consentRows(owner.id, org.id, "org_public_contacts")).toHaveLength(0);

    await memberC.request("PUT", `/api/organizations/${org.id}/consents/contacts`, { agree: false });
    expect((await publicPage(org.id)).organization.contactEmail).toBeNull();
    expect((await profile(ownerC, org.id)).contactsPublic).toBe(false);
    expect((await consentRows(member.id, org.id, "org_public_contacts"))[0]?.withdrawnAt).not.toBeNull();
  });

  it("a contact person who leaves takes the public contacts with them", async () => {
    const { org, member, ownerC, memberC } = await orgWithTeam(t);
    const current = await profile(ownerC, org.id);
    await ownerC.patch(`/api/organizations/${org.id}`, {
      ...profileOf(current),
      contactEmail: "leaver@example.ru",
      contactsPublic: true,
      contactPersonId: member.id,
      version: current.version,
    });
    await memberC.request("PUT", `/api/organizations/${org.id}/consents/contacts`, { agree: true });
    await memberC.request("PUT", `/api/organizations/${org.id}/consents/public-profile`, { agree: true });
    expect((await publicPage(org.id)).organization.contactEmail).toBe("leaver@example.ru");
    expect((await memberC.delete(`/api/organizations/${org.id}/members/${member.id}`)).statusCode).toBe(204);
    expect((await publicPage(org.id)).organization.contactEmail).toBeNull();
    const rows = await consentRows(member.id, org.id, "org_public_profile");
    expect(rows.every((r) => r.withdrawnAt !== null)).toBe(true);
  });

  it("the contact person must be a member; the creator publishing their own contacts agrees by doing so", async () => {
    const { org, ownerC } = await orgWithTeam(t);
    const outsider = await createUser(t.database);
    const current = await profile(ownerC, org.id);
    const res = await ownerC.patch(`/api/organizations/${org.id}`, {
      ...profileOf(current),
      contactPersonId: outsider.id,
      version: current.version,
    });
    expect(fieldErrors(expectProblem(res, 400))).toHaveProperty("contactPersonId");

    const founder = await createUser(t.database, { fullName: "Основателева Нина Петровна" });
    const fc = await signedIn(t, founder);
    const created = await fc.post("/api/organizations", {
      type: "foreign",
      country: "DE",
      foreignRegNumber: `HRB ${Date.now()}`,
      fullName: "Nordlicht Technologies GmbH",
      shortName: "Nordlicht",
      legalAddress: "Berlin, Friedrichstraße 10",
      contactEmail: "nina@nordlicht.de",
      contactsPublic: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().organization.id;
    expect((await publicPage(id)).organization.contactEmail).toBe("nina@nordlicht.de");
    expect(await consentRows(founder.id, id, "org_public_contacts")).toHaveLength(1);
  });
});

const BIDI = "\u202E";
const ZWSP = "\u200B";

describe("finding 14: names and titles take control, bidi and zero-width characters; invitations are not limited", () => {
  it("refuses a full name with a bidi override or a zero-width character, in ru and en", async () => {
    for (const [lang, word] of [
      ["ru", "управляющие"],
      ["en", "control"],
    ] as const) {
      const c = new Client(t.app, lang);
      const res = await c.post("/api/auth/signup", {
        email: randomEmail("bidi"),
        fullName: `Иванов ${BIDI}вонави`,
        password: "Correct-Horse-42-x",
        policyVersion: (await import("../../../shared/constants.js")).PRIVACY_POLICY_VERSION,
        locale: lang,
      });
      const errors = fieldErrors(expectProblem(res, 400));
      expect(errors.fullName).toContain(word);
    }
  });

  it("refuses hidden characters in organization names and positions, and stores names in NFC", async () => {
    const { org, member, ownerC } = await orgWithTeam(t);
    const current = await profile(ownerC, org.id);
    const bad = await ownerC.patch(`/api/organizations/${org.id}`, {
      ...profileOf(current),
      shortName: `Сбер${ZWSP}банк`,
      fullName: `ООО\u2066 «Ромашка»\u2069`,
      version: current.version,
    });
    const errors = fieldErrors(expectProblem(bad, 400));
    expect(Object.keys(errors).sort()).toEqual(["fullName", "shortName"]);
    const pos = await ownerC.patch(`/api/organizations/${org.id}/members/${member.id}`, {
      position: "Директор\u0007",
    });
    expect(fieldErrors(expectProblem(pos, 400))).toHaveProperty("position");

    const decomposed = "Компания «Йод»".normalize("NFD");
    expect(decomposed).not.toBe(decomposed.normalize("NFC"));
    const ok = await ownerC.patch(`/api/organizations/${org.id}`, {
      ...profileOf(current),
      shortName: decomposed,
      version: current.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().organization.shortName).toBe("Компания «Йод»".normalize("NFC"));
  });

  it("refuses a measure title with a bidi override", async () => {
    const { MeasurePatch } = await import("../measures/measures.contract.js");
    expect(MeasurePatch.safeParse({ titleRu: "Грант на НИОКР", version: 1 }).success).toBe(true);
    const bad = MeasurePatch.safeParse({ titleRu: `Грант ${BIDI}РКОИН`, version: 1 });
    expect(bad.error?.issues[0]).toMatchObject({ path: ["titleRu"], message: "field.unsafe-text" });
  });

  it("answers the invitation past the daily quota with 429, Retry-After and ru/en text, sending nothing", async () => {
    const { org, owner, ownerC } = await orgWithTeam(t);
    await t.database.db.insert(invitations).values(
      Array.from({ length: INVITATIONS_PER_DAY - 1 }, (_, i) => ({
        organizationId: org.id,
        email: `earlier-${i}@example.ru`,
        tokenHash: `quota-${org.id}-${i}`,
        invitedBy: owner.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    );
    // Two at once for the last place: exactly one gets through.
    const both = await Promise.all([
      ownerC.post(`/api/organizations/${org.id}/invitations`, { email: randomEmail("a") }),
      ownerC.post(`/api/organizations/${org.id}/invitations`, { email: randomEmail("b") }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 429]);
    const refused = both.find((r) => r.statusCode === 429)!;
    expectProblem(refused, 429, "too-many-requests");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(3600);
    expect(expectProblem(refused, 429).title).toMatch(/Слишком много/);
    await t.database.db.update(users).set({ locale: "en" }).where(eq(users.id, owner.id));
    const again = await ownerC.post(`/api/organizations/${org.id}/invitations`, { email: randomEmail("c") });
    expect(expectProblem(again, 429).title).toMatch(/Too many/);
    const [{ n }] = (await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(invitations)
      .where(eq(invitations.invitedBy, owner.id))) as [{ n: number }];
    expect(n).toBe(INVITATIONS_PER_DAY);
  });
});

describe("finding 13: refused record-level authorizations are not audited", () => {
  const refusals = (orgId: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, orgId), eq(auditLog.action, "organization.access_refused")));

  it("audits a signed-in outsider's 404 and a member's 403 with actor, e-mail, IP and organization", async () => {
    const { org, member, memberC } = await orgWithTeam(t);
    const outsider = await createUser(t.database, { email: randomEmail("probe") });
    const oc = await signedIn(t, outsider);
    expectProblem(await oc.get(`/api/organizations/${org.id}`), 404);
    const current = await profile(memberC, org.id);
    expectProblem(
      await memberC.patch(`/api/organizations/${org.id}`, {
        ...profileOf(current),
        version: current.version,
      }),
      403,
    );
    const rows = await refusals(org.id);
    expect(rows).toHaveLength(2);
    const byActor = new Map(rows.map((r) => [r.actorId, r]));
    expect(byActor.get(outsider.id)).toMatchObject({
      ip: oc.ip,
      entity: "organization",
      after: { email: outsider.email, action: "org.read", status: 404 },
    });
    expect(byActor.get(member.id)).toMatchObject({
      ip: memberC.ip,
      after: { email: member.email, action: "org.update", status: 403 },
    });
  });

  it("audits refusals in the status routes too, and never a guest's", async () => {
    const org = await createOrg(t.database);
    const outsider = await createUser(t.database);
    const oc = await signedIn(t, outsider);
    expectProblem(await oc.get(`/api/organizations/${org.id}/status`), 404);
    expectProblem(await guest.get(`/api/organizations/${org.id}/status`), 401);
    const rows = await refusals(org.id);
    expect(rows.map((r) => r.actorId)).toEqual([outsider.id]);
    // The organization itself is untouched.
    const [o] = await t.database.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(o?.version).toBe(1);
  });
});
