/**
 * Test factories of the status tests: organizations and memberships written straight into the schema
 * tables (the status side does not depend on the profile routes), with valid identifiers.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { makeInn, makeKpp, makeOgrn, makeOgrnip } from "../../../shared/identifiers.js";
import type { MemberRole, OrgStatus, OrgType } from "../../../shared/organizations.js";
import type { Database } from "../../core/db.js";
import { createUser, signedIn, type TestApp } from "../../test/helpers.js";
import { memberships, organizations, statusApplications } from "./organizations.schema.js";

let n = 0;

export async function createOrg(
  db: Database,
  o: {
    type?: OrgType;
    regionCode?: string | null;
    country?: string;
    status?: OrgStatus;
    shortName?: string;
    /** Verified by the operator (the default: status rules need it); false for a new, unverified one. */
    verified?: boolean;
  } = {},
) {
  n++;
  const type = o.type ?? "legal_entity";
  const region = o.regionCode === undefined ? (type === "foreign" ? null : "77") : o.regionCode;
  const rng = Math.random;
  const drawIds = () =>
    type === "foreign"
      ? { country: o.country ?? "DE", foreignRegNumber: `HRB ${randomBytes(4).toString("hex")}` }
      : type === "individual_entrepreneur"
        ? {
            inn: makeInn("individual", rng, { region: region ?? "77" }),
            ogrn: makeOgrnip(rng, { region: region ?? "77" }),
          }
        : {
            inn: makeInn("legal", rng, { region: region ?? "77" }),
            ogrn: makeOgrn(rng, { region: region ?? "77" }),
            kpp: makeKpp(region ?? "77", rng),
          };
  const shortName = o.shortName ?? `Тестовая компания ${n}-${randomBytes(2).toString("hex")}`;
  // A random INN of a region has ~10^5–10^6 values: a file creating hundreds of organizations meets an
  // INN (or OGRN) already taken now and then. Such a draw is made again, never a failed test.
  for (let attempt = 1; ; attempt++) {
    try {
      const [org] = await db.db
        .insert(organizations)
        .values({
          type,
          ...drawIds(),
          regionCode: region,
          fullName: `Общество с ограниченной ответственностью «${shortName}»`,
          shortName,
          legalAddress: "г. Москва, ул. Тверская, д. 1",
          status: o.status ?? "registered",
          verifiedAt: o.verified === false ? null : new Date(),
        })
        .returning();
      return org!;
    } catch (e) {
      const code =
        (e as { cause?: { code?: string }; code?: string }).cause?.code ?? (e as { code?: string }).code;
      if (code !== "23505" || attempt >= 5) throw e;
    }
  }
}

export async function addMember(db: Database, organizationId: string, userId: string, role: MemberRole) {
  await db.db.insert(memberships).values({ organizationId, userId, role });
}

/** An organization with an owner, an admin and a member, each signed in. */
export async function orgWithTeam(t: TestApp, o: Parameters<typeof createOrg>[1] = {}) {
  const org = await createOrg(t.database, o);
  const owner = await createUser(t.database, { fullName: "Иванов Иван Иванович" });
  const admin = await createUser(t.database, { fullName: "Сидорова Анна Павловна", locale: "en" });
  const member = await createUser(t.database, { fullName: "Кузнецов Олег Игоревич" });
  await addMember(t.database, org.id, owner.id, "owner");
  await addMember(t.database, org.id, admin.id, "admin");
  await addMember(t.database, org.id, member.id, "member");
  const [ownerC, adminC, memberC] = await Promise.all([
    signedIn(t, owner),
    signedIn(t, admin, "en"),
    signedIn(t, member),
  ]);
  return { org, owner, admin, member, ownerC, adminC, memberC };
}

/** Marks an organization verified, as the operator does from a document (verification.service.ts). */
export async function markVerified(db: Database, organizationId: string) {
  await db.db
    .update(organizations)
    .set({ verifiedAt: new Date() })
    .where(eq(organizations.id, organizationId));
}

/** Moves an application's submission back in time, as if it had been waiting that many days. */
export async function backdate(db: Database, applicationId: string, days: number) {
  await db.rawQuery(
    `update status_applications set submitted_at = now() - make_interval(days => $1::int) where id = $2`,
    [days, applicationId],
  );
  return db.db.select().from(statusApplications).where(eq(statusApplications.id, applicationId));
}

/** The editable profile of an organization as the API returned it (what a form sends back). */
export function profileOf(o: Record<string, unknown>): Record<string, unknown> {
  const keys = [
    "inn",
    "ogrn",
    "kpp",
    "country",
    "foreignRegNumber",
    "regionCode",
    "fullName",
    "shortName",
    "legalAddress",
    "foundedOn",
    "website",
    "descriptionRu",
    "descriptionEn",
    "headcount",
    "revenueMln",
    "okvedSections",
    "okvedMain",
    "tags",
    "contactEmail",
    "contactPhone",
    "contactsPublic",
  ];
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
