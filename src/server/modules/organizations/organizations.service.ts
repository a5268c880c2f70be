import { Readable } from "node:stream";
import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Locale } from "../../../shared/constants.js";
import { type DeclaredFlags, ELIGIBILITY_FLAGS } from "../../../shared/eligibility.js";
import { isValidOkvedCode } from "../../../shared/identifiers.js";
import {
  type MemberRole,
  ORG_IDENTIFIER_RULES,
  type OrgType,
  orgIdentifierErrors,
  SME_CATEGORIES,
} from "../../../shared/organizations.js";
import { isRegionCode } from "../../../shared/regions.js";
import { writeAudit } from "../../core/audit.js";
import { CLUSTER_TIME_ZONE, moscowToday } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { type Db, type Executor, isUniqueViolation } from "../../core/db.js";
import {
  AppError,
  badRequest,
  conflict,
  type FieldError,
  forbidden,
  notFound,
  RateLimitedError,
} from "../../core/errors.js";
import { attachFile, defineFilePurpose, forgetFile, type StoredFile, storeUpload } from "../../core/files.js";
import { files } from "../../core/files.schema.js";
import { t } from "../../core/i18n.js";
import { enqueueMail, maskMailSecrets } from "../../core/mail.js";
import { type Actor, can } from "../../core/policy.js";
import type { Storage } from "../../core/storage.js";
import { lockUser, newToken, tokenHash, usersByIds } from "../accounts/accounts.service.js";
import { notify } from "../notifications/notifications.service.js";
import { accessOf, loadOrgFor, orgAbilities, refusal } from "./access.js";
import { clearActive, isMember, managerIds, setActive } from "./membership.js";
import {
  afterContactsChange,
  contactsConsentAfter,
  contactsShown,
  endPublicAppearance,
  recordPublicProfileAnswer,
  visibilityAfter,
} from "./organizations.consents.js";
import type {
  CreateOrgBody,
  InviteBody,
  JoinRequestBody,
  Organization,
  OrganizationPublic,
  UpdateMemberBody,
  UpdateOrgBody,
} from "./organizations.contract.js";
import { nameNeedsApproval, requestNameChange } from "./organizations.names.js";
import { ORG_NOTIFICATION } from "./organizations.notifications.js";
import type { OrgAccess } from "./organizations.policy.js";
import {
  activeOrganizations,
  invitations,
  joinRequests,
  memberships,
  organizationLogos,
  organizations,
} from "./organizations.schema.js";

// ---------- presentation ----------

const { search: _search, ...orgColumns } = getTableColumns(organizations);
/** Every column of `organizations` but the search vector: select these to present an organization. */
export const ORG_COLUMNS = orgColumns;

/** An organization row as selected with ORG_COLUMNS (or with everything). */
export type OrgRow = Omit<typeof organizations.$inferSelect, "search">;
export type OrganizationFull = z.infer<typeof Organization>;
export type OrganizationPublicView = z.infer<typeof OrganizationPublic>;

const SME = new Set<string>(SME_CATEGORIES);

/** The logo's address; `v` changes with every change of the organization, so caches never go stale. */
export const logoUrl = (row: Pick<OrgRow, "id" | "hasLogo" | "updatedAt">) =>
  row.hasLogo ? `/api/organizations/${row.id}/logo?v=${row.updatedAt.getTime()}` : null;

/**
 * The one way an organization row becomes API output. `full: false` gives what anyone may see: no KPP,
 * legal address, size figures, status reason or version, and contacts only when the contact person
 * agreed to their publication (152-FZ art. 10.1). `full: true` is for members and staff.
 */
export function presentOrganization(row: OrgRow, opts: { full: true }): OrganizationFull;
export function presentOrganization(row: OrgRow, opts: { full: false }): OrganizationPublicView;
export function presentOrganization(
  row: OrgRow,
  opts: { full: boolean },
): OrganizationPublicView | OrganizationFull;
export function presentOrganization(
  row: OrgRow,
  opts: { full: boolean },
): OrganizationPublicView | OrganizationFull {
  const pub: OrganizationPublicView = {
    id: row.id,
    type: row.type,
    inn: row.inn,
    ogrn: row.ogrn,
    country: row.country,
    regionCode: row.regionCode,
    fullName: row.fullName,
    shortName: row.shortName,
    foundedOn: row.foundedOn,
    website: row.website,
    descriptionRu: row.descriptionRu,
    descriptionEn: row.descriptionEn,
    smeCategory:
      row.smeCategory && SME.has(row.smeCategory)
        ? (row.smeCategory as OrganizationPublicView["smeCategory"])
        : null,
    okvedSections: row.okvedSections,
    okvedMain: row.okvedMain,
    tags: row.tags,
    status: row.status,
    statusSince: row.statusSince.toISOString(),
    statusSuspended: row.statusSuspendedAt !== null,
    verified: row.verifiedAt !== null,
    logoUrl: logoUrl(row),
    contactEmail: contactsShown(row) || opts.full ? row.contactEmail : null,
    contactPhone: contactsShown(row) || opts.full ? row.contactPhone : null,
    createdAt: row.createdAt.toISOString(),
  };
  if (!opts.full) return pub;
  return {
    ...pub,
    kpp: row.kpp,
    foreignRegNumber: row.foreignRegNumber,
    legalAddress: row.legalAddress,
    headcount: row.headcount,
    revenueMln: row.revenueMln === null ? null : Number(row.revenueMln),
    contactsPublic: row.contactsPublic,
    contactPersonId: row.contactPersonId,
    contactsConsentAt: row.contactsConsentAt?.toISOString() ?? null,
    statusReason: row.statusReason,
    declaredFlags: cleanFlags(row.declaredFlags),
    declaredFlagsAt: row.declaredFlagsAt?.toISOString() ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

// ---------- shared helpers ----------

const DAY_MS = 24 * 3600_000;
/** An invitation link works for 7 days, once. */
export const INVITATION_TTL_MS = 7 * DAY_MS;
/** Invitations one person may send per 24 hours (mail the platform sends on their behalf). */
export const INVITATIONS_PER_DAY = 30;
/** Logos up to 2 MB. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/** The organization as members and staff see it, with the actor's role and what they may do. */
function orgView(actor: Actor, org: OrgRow, access: OrgAccess) {
  return {
    organization: presentOrganization(org, { full: true }),
    membership: access.role ? { role: access.role } : null,
    can: orgAbilities(actor, access),
  };
}

function formatDateTime(d: Date, locale: Locale) {
  const s = new Intl.DateTimeFormat(t(locale, "format.date-locale"), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: CLUSTER_TIME_ZONE,
  }).format(d);
  return t(locale, "format.moscow-time", { time: s });
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : a) ===
  JSON.stringify(b instanceof Date ? b.toISOString() : b);

// ---------- declared flags ----------

/** The stored flags in a canonical form: known flags with boolean values, in ELIGIBILITY_FLAGS order. */
function cleanFlags(flags: DeclaredFlags | null | undefined): DeclaredFlags {
  const out: DeclaredFlags = {};
  for (const f of ELIGIBILITY_FLAGS) {
    const v = flags?.[f];
    if (typeof v === "boolean") out[f] = v;
  }
  return out;
}

type FlagsPatch = NonNullable<z.infer<typeof CreateOrgBody>["declaredFlags"]>;

/** The flags after a change: true / false set a flag, null withdraws it, an absent flag keeps its value. */
function applyFlags(base: DeclaredFlags, patch: FlagsPatch | undefined): DeclaredFlags {
  const out: DeclaredFlags = { ...cleanFlags(base) };
  for (const f of ELIGIBILITY_FLAGS) {
    const v = patch?.[f];
    if (v === null) delete out[f];
    else if (typeof v === "boolean") out[f] = v;
  }
  return cleanFlags(out);
}

const sameFlags = (a: DeclaredFlags, b: DeclaredFlags) => ELIGIBILITY_FLAGS.every((f) => a[f] === b[f]);

// ---------- profile ----------

type ProfileBody = Omit<z.infer<typeof CreateOrgBody>, "type" | "declaredFlags">;
/** The editable, stored profile: every field present, absent ones null. */
type Profile = {
  [K in keyof ProfileBody]-?: Exclude<ProfileBody[K], undefined>;
};

const EMPTY_PROFILE: Profile = {
  inn: null,
  ogrn: null,
  kpp: null,
  country: null,
  foreignRegNumber: null,
  regionCode: null,
  fullName: "",
  shortName: "",
  legalAddress: "",
  foundedOn: null,
  website: null,
  descriptionRu: "",
  descriptionEn: null,
  headcount: null,
  revenueMln: null,
  okvedSections: [],
  okvedMain: null,
  tags: [],
  contactEmail: null,
  contactPhone: null,
  contactsPublic: false,
  contactPersonId: null,
};
const PROFILE_KEYS = Object.keys(EMPTY_PROFILE) as (keyof Profile)[];

function profileOf(row: OrgRow): Profile {
  const p = Object.fromEntries(PROFILE_KEYS.map((k) => [k, row[k]])) as unknown as Profile;
  p.revenueMln = row.revenueMln === null ? null : Number(row.revenueMln);
  return p;
}

/** The base profile with the fields the body gives (an absent field keeps its value). */
function mergeProfile(base: Profile, body: Partial<ProfileBody>): Profile {
  const out: Record<string, unknown> = { ...base };
  for (const k of PROFILE_KEYS) if (body[k] !== undefined) out[k] = body[k];
  return out as Profile;
}

const isForeign = (type: OrgType) => ORG_IDENTIFIER_RULES[type].scheme === "foreign";

/** The stored form: identifiers the type does not use are null, lists have no repeats. */
function normalizeProfile(type: OrgType, p: Profile): Profile {
  const rules = ORG_IDENTIFIER_RULES[type];
  const foreign = rules.scheme === "foreign";
  return {
    ...p,
    inn: foreign ? null : p.inn,
    ogrn: foreign ? null : p.ogrn,
    kpp: rules.scheme === "russian" && rules.kpp ? p.kpp : null,
    country: foreign ? p.country : null,
    foreignRegNumber: foreign ? p.foreignRegNumber : null,
    regionCode: foreign ? null : p.regionCode,
    okvedSections: [...new Set(p.okvedSections)].sort(),
    tags: [...new Set(p.tags)],
  };
}

/** Field errors of a profile: identifiers by the type's rules with checksums, region, dates, OKVED. */
function profileErrors(type: OrgType, p: Profile): FieldError[] {
  const errors: FieldError[] = [];
  const rules = ORG_IDENTIFIER_RULES[type];
  for (const [field, e] of Object.entries(orgIdentifierErrors(type, p))) {
    if (!e) continue;
    if (field === "country") errors.push({ field, key: "field.org.country.required" });
    else if (field === "foreignRegNumber")
      errors.push({ field, key: "field.org.foreign-reg-number.required" });
    else {
      const label = field === "ogrn" && rules.scheme === "russian" ? rules.ogrn : field;
      errors.push(
        e.reason === "digits"
          ? { field, key: `field.org.${label}.digits`, params: { length: e.length } }
          : { field, key: `field.org.${label}.${e.reason}` },
      );
    }
  }
  if (isForeign(type)) {
    if (p.country === "RU") errors.push({ field: "country", key: "field.org.country.russia" });
  } else if (!p.regionCode) errors.push({ field: "regionCode", key: "field.org.region.required" });
  else if (!isRegionCode(p.regionCode)) errors.push({ field: "regionCode", key: "field.region" });
  if (p.foundedOn) {
    if (p.foundedOn > moscowToday()) errors.push({ field: "foundedOn", key: "field.org.founded.future" });
    else if (p.foundedOn < "1700-01-01") errors.push({ field: "foundedOn", key: "field.org.founded.past" });
  }
  if (p.okvedMain && !isValidOkvedCode(p.okvedMain))
    errors.push({ field: "okvedMain", key: "field.okved-code" });
  return errors;
}

type Holder = { id: string; shortName: string; verified: boolean; field: "inn" | "foreignRegNumber" };

/** Another organization registered with the same INN (or, abroad, the same country + number). */
async function holderOf(ex: Executor, type: OrgType, p: Profile, exceptId?: string): Promise<Holder | null> {
  const foreign = isForeign(type);
  const where = foreign
    ? p.country && p.foreignRegNumber
      ? and(eq(organizations.country, p.country), eq(organizations.foreignRegNumber, p.foreignRegNumber))
      : undefined
    : p.inn
      ? eq(organizations.inn, p.inn)
      : undefined;
  if (!where) return null;
  const [o] = await ex
    .select({
      id: organizations.id,
      shortName: organizations.shortName,
      verifiedAt: organizations.verifiedAt,
    })
    .from(organizations)
    .where(exceptId ? and(where, ne(organizations.id, exceptId)) : where)
    .limit(1);
  return o
    ? {
        id: o.id,
        shortName: o.shortName,
        verified: o.verifiedAt !== null,
        field: foreign ? "foreignRegNumber" : "inn",
      }
    : null;
}

/**
 * 409 naming the organization that holds the identifiers, so the UI can offer to ask to join it (a
 * verified one) or to claim it (an unverified one takes no join requests: finding 7).
 */
const identifiersTaken = (h: Holder) =>
  new AppError(
    409,
    "inn-taken",
    { name: h.shortName },
    [{ field: h.field, key: h.field === "inn" ? "field.org.inn-taken" : "field.org.reg-number-taken" }],
    { organizationId: h.id, shortName: h.shortName, verified: h.verified },
  );

export async function createOrganization(ctx: Ctx, body: z.infer<typeof CreateOrgBody>) {
  const actor = requireActor(ctx);
  if (body.type === "city_body" && !can(actor, "operator.org.create-city-body")) {
    throw new AppError(403, "city-body-operator-only");
  }
  const { type, declaredFlags: flagsPatch, ...rest } = body;
  // The creator is the only member, so the contact person until a manager names another.
  const p = normalizeProfile(type, mergeProfile(EMPTY_PROFILE, { ...rest, contactPersonId: actor.id }));
  const flags = applyFlags({}, flagsPatch);
  const errors = profileErrors(type, p);
  if (errors.length) throw badRequest(errors);
  try {
    return await ctx.db.transaction(async (tx) => {
      const holder = await holderOf(tx, type, p);
      if (holder) throw identifiersTaken(holder);
      const [org] = await tx
        .insert(organizations)
        .values({
          type,
          ...p,
          // The creator publishing their own contacts agrees by doing so (recorded below).
          contactsConsentAt: p.contactsPublic ? sql`now()` : null,
          declaredFlags: flags,
          declaredFlagsAt: Object.keys(flags).length > 0 ? sql`now()` : null,
          createdBy: actor.id,
        })
        .returning();
      await tx.insert(memberships).values({ organizationId: org!.id, userId: actor.id, role: "owner" });
      await setActive(tx, actor.id, org!.id);
      await afterContactsChange(tx, ctx, org!, { record: p.contactsPublic, ask: false });
      await writeAudit(tx, auditCtx(ctx), {
        action: "organization.create",
        entity: "organization",
        entityId: org!.id,
        after: { ...presentOrganization(org!, { full: true }), contactsConsentAt: org!.contactsConsentAt },
      });
      return orgView(actor, org!, { role: "owner" });
    });
  } catch (err) {
    // Two registrations of one INN at once: the unique index lets one in; the other gets the same 409.
    if (!isUniqueViolation(err)) throw err;
    const holder = await holderOf(ctx.db, type, p);
    if (holder) throw identifiersTaken(holder);
    throw err;
  }
}

export async function getOrganization(ctx: Ctx, id: string) {
  const { org, access } = await loadOrgFor(ctx.db, ctx.actor, id, "org.read");
  return orgView(ctx.actor, org, access);
}

const IDENTIFIER_FIELDS = ["inn", "ogrn", "kpp", "country", "foreignRegNumber"] as const;

export async function updateOrganization(ctx: Ctx, id: string, body: z.infer<typeof UpdateOrgBody>) {
  const actor = requireActor(ctx);
  const { version, declaredFlags: flagsPatch, ...rest } = body;
  let type: OrgType | undefined;
  let next: Profile | undefined;
  let mails = 0;
  try {
    const out = await ctx.db.transaction(async (tx) => {
      const { org, access } = await loadOrgFor(tx, actor, id, "org.update", { forUpdate: true });
      if (org.version !== version) throw conflict({ current: presentOrganization(org, { full: true }) });
      type = org.type;
      const before = profileOf(org);
      const p = normalizeProfile(org.type, mergeProfile(before, rest));
      next = p;
      // A participant's or partner's new name waits for the operator; the profile keeps the old one.
      const newName = nameNeedsApproval(org, p);
      if (newName) Object.assign(p, { fullName: before.fullName, shortName: before.shortName });
      // Identifiers (and the region the status depends on) were checked by the operator.
      const locked: FieldError[] = [];
      if (org.status !== "registered") {
        for (const f of IDENTIFIER_FIELDS) {
          if (p[f] !== before[f]) locked.push({ field: f, key: "field.org.identifier-locked" });
        }
        if (p.regionCode !== before.regionCode)
          locked.push({ field: "regionCode", key: "field.org.region-locked" });
      }
      const errors = [
        ...locked,
        ...profileErrors(org.type, p).filter((e) => !locked.some((l) => l.field === e.field)),
      ];
      if (errors.length) throw badRequest(errors);

      if (p.contactPersonId !== before.contactPersonId && p.contactPersonId) {
        if (!(await isMember(tx, org.id, p.contactPersonId)))
          throw badRequest([{ field: "contactPersonId", key: "field.org.contact-person-not-member" }]);
      }
      // Public contacts need the contact person's own consent (152-FZ art. 10.1).
      const contacts = contactsConsentAfter(org, p, actor.id);
      const consentAt = contacts.consentAt;
      const changed = PROFILE_KEYS.filter((k) => !same(p[k], before[k]));
      const consentChanged = !same(consentAt, org.contactsConsentAt);
      // Declared flags are the organization's own statements: no status freezes them.
      const flagsBefore = cleanFlags(org.declaredFlags);
      const flagsAfter = applyFlags(flagsBefore, flagsPatch);
      const flagsChanged = !sameFlags(flagsBefore, flagsAfter);
      if (newName) await requestNameChange(tx, ctx, org, newName);
      if (!changed.length && !consentChanged && !flagsChanged) return orgView(actor, org, access);

      if (IDENTIFIER_FIELDS.some((f) => changed.includes(f))) {
        const holder = await holderOf(tx, org.type, p, org.id);
        if (holder) throw identifiersTaken(holder);
      }
      const [after] = await tx
        .update(organizations)
        .set({
          ...p,
          contactsConsentAt: consentAt,
          ...(flagsChanged ? { declaredFlags: flagsAfter, declaredFlagsAt: sql`now()` } : {}),
          version: org.version + 1,
          updatedAt: sql`now()`,
        })
        .where(and(eq(organizations.id, org.id), eq(organizations.version, version)))
        .returning();
      if (!after) throw conflict({ current: presentOrganization(org, { full: true }) });
      mails = await afterContactsChange(tx, ctx, after, contacts);
      const pick = (src: Record<string, unknown>, consent: Date | null, flags: DeclaredFlags) => ({
        ...Object.fromEntries(changed.map((k) => [k, src[k]])),
        ...(consentChanged ? { contactsConsentAt: consent } : {}),
        ...(flagsChanged ? { declaredFlags: flags } : {}),
      });
      await writeAudit(tx, auditCtx(ctx), {
        action: "organization.update",
        entity: "organization",
        entityId: org.id,
        before: { ...pick(before, org.contactsConsentAt, flagsBefore), version: org.version },
        after: { ...pick(p, consentAt, flagsAfter), version: after.version },
      });
      return orgView(actor, after, access);
    });
    if (mails) ctx.mailQueued();
    return out;
  } catch (err) {
    if (!isUniqueViolation(err) || !type || !next) throw err;
    const holder = await holderOf(ctx.db, type, next, id);
    if (holder) throw identifiersTaken(holder);
    throw err;
  }
}

// ---------- logo ----------

/** Logos: PNG, JPEG or WebP up to 2 MB and 40 megapixels, the type read from the bytes. */
export const LOGO_FILES = defineFilePurpose({
  name: "logo",
  maxBytes: LOGO_MAX_BYTES,
  types: ["image/png", "image/jpeg", "image/webp"],
  maxPixels: 40_000_000,
});

/** Checks the right to change the profile before an upload is read (404 / 403 as for the profile). */
export async function assertCanUpdate(ctx: Ctx, id: string) {
  await loadOrgFor(ctx.db, requireActor(ctx), id, "org.update");
}

/**
 * Streams the upload into the file storage (refused there by type, size or pixels, leaving nothing),
 * then, in one transaction, attaches it and lets the previous logo go (its contents after the commit).
 */
export async function setLogo(ctx: Ctx, id: string, upload: { stream: Readable; fileName?: string }) {
  const actor = requireActor(ctx);
  const file = await storeUpload(ctx.db, ctx.storage, {
    purpose: LOGO_FILES,
    stream: upload.stream,
    fileName: upload.fileName,
    uploadedBy: actor.id,
  });
  let previous: StoredFile | undefined;
  const view = await ctx.db
    .transaction(async (tx) => {
      const { org, access } = await loadOrgFor(tx, actor, id, "org.update", { forUpdate: true });
      await attachFile(tx, { id: file.id, purpose: LOGO_FILES, uploadedBy: actor.id });
      const [after] = await tx
        .update(organizations)
        .set({ hasLogo: true, logoFileId: file.id, updatedAt: sql`now()` })
        .where(eq(organizations.id, org.id))
        .returning();
      if (org.logoFileId) previous = await forgetFile(tx, org.logoFileId);
      await writeAudit(tx, auditCtx(ctx), {
        action: "organization.logo_set",
        entity: "organization",
        entityId: org.id,
        before: { hasLogo: org.hasLogo },
        after: { hasLogo: true, contentType: file.contentType, size: file.size },
      });
      return orgView(actor, after!, access);
    })
    .catch(async (err) => {
      await ctx.storage.delete(file.storageKey).catch(() => {});
      throw err;
    });
  if (previous) await ctx.storage.delete(previous.storageKey).catch(() => {});
  return view;
}

export async function deleteLogo(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  let previous: StoredFile | undefined;
  const view = await ctx.db.transaction(async (tx) => {
    const { org, access } = await loadOrgFor(tx, actor, id, "org.update", { forUpdate: true });
    if (!org.hasLogo) return orgView(actor, org, access);
    if (org.logoFileId) previous = await forgetFile(tx, org.logoFileId);
    const [after] = await tx
      .update(organizations)
      .set({ hasLogo: false, logoFileId: null, updatedAt: sql`now()` })
      .where(eq(organizations.id, org.id))
      .returning();
    await writeAudit(tx, auditCtx(ctx), {
      action: "organization.logo_delete",
      entity: "organization",
      entityId: org.id,
      before: { hasLogo: true },
      after: { hasLogo: false },
    });
    return orgView(actor, after!, access);
  });
  if (previous) await ctx.storage.delete(previous.storageKey).catch(() => {});
  return view;
}

/** The logo's file record (public: every organization is listed in the public directory). */
export async function getLogo(ex: Executor, id: string): Promise<StoredFile> {
  const [row] = await ex
    .select({ file: files })
    .from(organizations)
    .innerJoin(files, eq(files.id, organizations.logoFileId))
    .where(eq(organizations.id, id));
  if (!row) throw notFound();
  return row.file;
}

/**
 * Moves logos kept as bytes in the database (before the file storage) into the storage, one
 * organization at a time, each in its own transaction; safe to run again (main.ts runs it at start).
 */
export async function moveLogosToStorage({ db, storage }: { db: Db; storage: Storage }): Promise<number> {
  let moved = 0;
  for (;;) {
    const [old] = await db.select().from(organizationLogos).limit(1);
    if (!old) return moved;
    const raw = old.bytes as Uint8Array;
    const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const file = await storeUpload(db, storage, {
      purpose: LOGO_FILES,
      stream: Readable.from([bytes]),
      fileName: "logo",
      uploadedBy: null,
    }).catch(() => undefined);
    await db.transaction(async (tx) => {
      if (file) {
        await attachFile(tx, { id: file.id, purpose: LOGO_FILES, uploadedBy: null });
        await tx
          .update(organizations)
          .set({ logoFileId: file.id })
          .where(eq(organizations.id, old.organizationId));
      } else {
        // Bytes the new rules refuse (never stored by the old ones, but say so rather than loop).
        await tx
          .update(organizations)
          .set({ hasLogo: false })
          .where(eq(organizations.id, old.organizationId));
      }
      await tx.delete(organizationLogos).where(eq(organizationLogos.organizationId, old.organizationId));
    });
    moved++;
  }
}

// ---------- my organizations ----------

export async function myOrganizations(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [list, [active]] = await Promise.all([
    ctx.db
      .select({ org: ORG_COLUMNS, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, actor.id))
      .orderBy(asc(organizations.shortName), asc(organizations.id)),
    ctx.db.select().from(activeOrganizations).where(eq(activeOrganizations.userId, actor.id)),
  ]);
  const activeId =
    active && list.some((r) => r.org.id === active.organizationId) ? active.organizationId : null;
  return {
    items: list.map((r) => ({ organization: presentOrganization(r.org, { full: false }), role: r.role })),
    activeOrganizationId: activeId,
  };
}

/**
 * The facts support-measure eligibility reads from a user's active organization (one they still belong
 * to), or null. Used by the measures module; it never exposes the row beyond these fields.
 */
export async function activeOrganizationFacts(ex: Executor, userId: string) {
  const [r] = await activeOrganizationFactsQuery(ex, userId);
  if (!r) return null;
  const { userId: _u, ...facts } = r;
  return facts;
}

/** `activeOrganizationFacts` of several users in one statement: user id → facts (absent: none). */
export async function activeOrganizationFactsOf(ex: Executor, userIds: readonly string[]) {
  if (!userIds.length)
    return new Map<string, NonNullable<Awaited<ReturnType<typeof activeOrganizationFacts>>>>();
  const list = await activeOrganizationFactsQuery(ex, userIds);
  return new Map(list.map(({ userId, ...facts }) => [userId, facts]));
}

/** The statement of `activeOrganizationFacts` (exported for the benchmark's raw-SQL comparison). */
export function activeOrganizationFactsQuery(ex: Executor, userId: string | readonly string[]) {
  return ex
    .select({
      userId: activeOrganizations.userId,
      id: organizations.id,
      shortName: organizations.shortName,
      type: organizations.type,
      regionCode: organizations.regionCode,
      foundedOn: organizations.foundedOn,
      headcount: organizations.headcount,
      revenueMln: organizations.revenueMln,
      status: organizations.status,
      statusSuspended: sql<boolean>`${organizations.statusSuspendedAt} is not null`,
      okvedSections: organizations.okvedSections,
      tags: organizations.tags,
      declaredFlags: organizations.declaredFlags,
    })
    .from(activeOrganizations)
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, activeOrganizations.userId),
        eq(memberships.organizationId, activeOrganizations.organizationId),
      ),
    )
    .innerJoin(organizations, eq(organizations.id, activeOrganizations.organizationId))
    .where(
      typeof userId === "string"
        ? eq(activeOrganizations.userId, userId)
        : inArray(activeOrganizations.userId, [...userId]),
    );
}

export async function setActiveOrganization(ctx: Ctx, organizationId: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const { role } = await accessOf(tx, actor, organizationId);
    // Only an organization one belongs to; any other id looks like a missing one.
    if (!role) throw notFound();
    const [before] = await tx
      .select()
      .from(activeOrganizations)
      .where(eq(activeOrganizations.userId, actor.id));
    if (before?.organizationId === organizationId) return;
    await setActive(tx, actor.id, organizationId);
    await writeAudit(tx, auditCtx(ctx), {
      action: "user.active_organization",
      entity: "user",
      entityId: actor.id,
      before: { organizationId: before?.organizationId ?? null },
      after: { organizationId },
    });
  });
  return myOrganizations(ctx);
}

// ---------- members ----------

type MembershipRow = typeof memberships.$inferSelect;
type Person = { id: string; email: string; fullName: string } | undefined;
const ROLE_ORDER: Record<MemberRole, number> = { owner: 0, admin: 1, member: 2 };

function presentMember(m: MembershipRow, person: Person) {
  return {
    userId: m.userId,
    fullName: person?.fullName ?? "",
    email: person?.email ?? null,
    role: m.role,
    position: m.position,
    showPublicly: m.showPublicly,
    publicRequested: m.publicRequestedAt !== null,
    joinedAt: m.createdAt.toISOString(),
  };
}

/** Members with their names and e-mails (only members and staff reach this). */
export async function listMembers(ctx: Ctx, id: string) {
  await loadOrgFor(ctx.db, ctx.actor, id, "org.members.read");
  const list = await ctx.db.select().from(memberships).where(eq(memberships.organizationId, id));
  const people = await usersByIds(
    ctx.db,
    list.map((m) => m.userId),
  );
  return list
    .map((m) => presentMember(m, people.get(m.userId)))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.fullName.localeCompare(b.fullName, "ru"));
}

async function membershipFor(ex: Executor, organizationId: string, userId: string) {
  const [m] = await ex
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return m;
}

/**
 * Role: by the owner or an admin (the owner's role is not changed here, only by a transfer).
 * Position: by the member themself or a manager. Public visibility (name and position on the public page)
 * is the member's own decision (152-FZ art. 10.1): the member agrees (a consent is recorded) or withdraws;
 * a manager may only ask (the member is notified) or hide. A manager changing a shown member's position
 * hides them and asks again, since they agreed to be shown with the position they saw.
 */
export async function updateMember(
  ctx: Ctx,
  id: string,
  userId: string,
  body: z.infer<typeof UpdateMemberBody>,
) {
  const actor = requireActor(ctx);
  let mails = 0;
  const out = await ctx.db.transaction(async (tx) => {
    const { org, access } = await loadOrgFor(tx, actor, id, "org.read", { forUpdate: true });
    const manager = can(actor, "org.members.manage", access);
    const self = userId === actor.id;
    if (!manager && !self) throw refusal(access.role ? 403 : 404, id, "org.members.manage");
    const m = await membershipFor(tx, id, userId);
    if (!m) throw notFound();
    const roleChange = body.role !== undefined && body.role !== m.role;
    if (roleChange) {
      if (!manager) throw forbidden();
      if (m.role === "owner")
        throw self ? new AppError(409, "owner-must-transfer") : new AppError(403, "owner-protected");
    }
    const next = {
      role: body.role ?? m.role,
      position: body.position === undefined ? m.position : body.position,
      ...visibilityAfter(m, { actorId: actor.id, self, ask: body.showPublicly }),
    };
    if (!self && next.position !== m.position && next.showPublicly) {
      Object.assign(next, {
        showPublicly: false,
        publicRequestedAt: new Date(),
        publicRequestedBy: actor.id,
      });
    }
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !same(next[k], m[k]));
    const person = (await usersByIds(tx, [userId])).get(userId);
    if (!changed.length) return presentMember(m, person);
    const [after] = await tx
      .update(memberships)
      .set(next)
      .where(and(eq(memberships.organizationId, id), eq(memberships.userId, userId)))
      .returning();
    if (self && next.showPublicly !== m.showPublicly) {
      await recordPublicProfileAnswer(tx, ctx, id, next.showPublicly);
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: "organization.member_update",
      entity: "organization",
      entityId: id,
      before: { userId, ...Object.fromEntries(changed.map((k) => [k, m[k]])) },
      after: { userId, ...Object.fromEntries(changed.map((k) => [k, next[k]])) },
    });
    if (roleChange && !self) {
      mails += await notify(tx, ctx.config.publicUrl, {
        userIds: [userId],
        kind: ORG_NOTIFICATION.memberRoleChanged,
        data: { org: org.shortName, role: next.role },
        link: `/organizations/${id}`,
      });
    }
    if (next.publicRequestedAt && !same(next.publicRequestedAt, m.publicRequestedAt)) {
      mails += await notify(tx, ctx.config.publicUrl, {
        userIds: [userId],
        kind: ORG_NOTIFICATION.publicProfileRequested,
        data: { org: org.shortName, actor: actor.id },
        link: `/organizations/${id}`,
      });
    }
    return presentMember(after!, person);
  });
  if (mails) ctx.mailQueued();
  return out;
}

/** A manager removes a member; a member removing themself leaves. The owner must transfer first. */
export async function removeMember(ctx: Ctx, id: string, userId: string) {
  const actor = requireActor(ctx);
  const self = userId === actor.id;
  const mails = await ctx.db.transaction(async (tx) => {
    const { org } = await loadOrgFor(tx, actor, id, self ? "org.leave" : "org.members.manage", {
      forUpdate: true,
    });
    const m = await membershipFor(tx, id, userId);
    if (!m) throw notFound();
    if (m.role === "owner") throw new AppError(409, "owner-must-transfer");
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, id), eq(memberships.userId, userId)));
    await clearActive(tx, userId, id);
    await endPublicAppearance(tx, id, userId);
    await writeAudit(tx, auditCtx(ctx), {
      action: self ? "organization.member_leave" : "organization.member_remove",
      entity: "organization",
      entityId: id,
      before: { userId, role: m.role },
    });
    if (self) {
      return notify(tx, ctx.config.publicUrl, {
        userIds: await managerIds(tx, id),
        kind: ORG_NOTIFICATION.memberLeft,
        data: { org: org.shortName, actor: actor.id },
        link: `/organizations/${id}/members`,
      });
    }
    return notify(tx, ctx.config.publicUrl, {
      userIds: [userId],
      kind: ORG_NOTIFICATION.memberRemoved,
      data: { org: org.shortName },
      link: null,
    });
  });
  if (mails) ctx.mailQueued();
}

/** The owner hands the organization to another member and becomes an admin. */
export async function transferOwnership(ctx: Ctx, id: string, newOwnerId: string) {
  const actor = requireActor(ctx);
  const r = await ctx.db.transaction(async (tx) => {
    const { org } = await loadOrgFor(tx, actor, id, "org.ownership.transfer", { forUpdate: true });
    if (newOwnerId === actor.id) throw badRequest([{ field: "userId", key: "field.org.already-owner" }]);
    const target = await membershipFor(tx, id, newOwnerId);
    if (!target) throw badRequest([{ field: "userId", key: "field.org.new-owner-not-member" }]);
    // The new owner's account row locked: a deletion request (which locks it too and refuses owners)
    // cannot slip in between; one already asked for makes the account unable to own.
    const heir = await lockUser(tx, newOwnerId);
    if (heir?.deletionRequestedAt) throw new AppError(409, "new-owner-deletion-pending");
    await tx
      .update(memberships)
      .set({ role: "owner" })
      .where(and(eq(memberships.organizationId, id), eq(memberships.userId, newOwnerId)));
    await tx
      .update(memberships)
      .set({ role: "admin" })
      .where(and(eq(memberships.organizationId, id), eq(memberships.userId, actor.id)));
    await writeAudit(tx, auditCtx(ctx), {
      action: "organization.ownership_transfer",
      entity: "organization",
      entityId: id,
      before: { ownerId: actor.id, newOwnerRole: target.role },
      after: { ownerId: newOwnerId, previousOwnerRole: "admin" },
    });
    const mails = await notify(tx, ctx.config.publicUrl, {
      userIds: [newOwnerId],
      kind: ORG_NOTIFICATION.ownershipTransferred,
      data: { org: org.shortName, actor: actor.id },
      link: `/organizations/${id}`,
    });
    return { view: orgView(actor, org, { role: "admin" }), mails };
  });
  if (r.mails) ctx.mailQueued();
  return r.view;
}

// ---------- invitations ----------

type InvitationRow = typeof invitations.$inferSelect;

export function invitationState(i: InvitationRow): "pending" | "accepted" | "revoked" | "expired" {
  if (i.acceptedAt) return "accepted";
  if (i.revokedAt) return "revoked";
  return i.expiresAt.getTime() <= Date.now() ? "expired" : "pending";
}

function presentInvitation(i: InvitationRow) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    state: invitationState(i),
  };
}

const invalidInvitation = (status: 400 | 404) =>
  new AppError(
    status,
    "invitation-invalid",
    {},
    status === 400 ? [{ field: "token", key: "problem.invitation-invalid" }] : [],
  );

/**
 * At most INVITATIONS_PER_DAY invitations per inviter in any 24 hours, over all their organizations: a
 * per-inviter advisory lock makes the count and the insert that follows atomic across app servers.
 * Over the quota: 429 with Retry-After (when the oldest invitation of the window leaves it).
 */
async function invitationQuota(ex: Executor, inviterId: string) {
  await ex.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`org-invitations:${inviterId}`}, 0))`);
  const [r] = await ex
    .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${invitations.createdAt})` })
    .from(invitations)
    .where(
      and(eq(invitations.invitedBy, inviterId), gt(invitations.createdAt, sql`now() - interval '1 day'`)),
    );
  if ((r?.n ?? 0) < INVITATIONS_PER_DAY) return;
  const oldest = r?.oldest ? new Date(r.oldest).getTime() : Date.now();
  throw new RateLimitedError(Math.max(1000, oldest + DAY_MS - Date.now()));
}

/** Mails a single-use link valid for 7 days; a new invitation to the same address replaces the older. */
export async function invite(ctx: Ctx, id: string, body: z.infer<typeof InviteBody>) {
  const actor = requireActor(ctx);
  const token = newToken();
  const row = await ctx.db.transaction(async (tx) => {
    const { org } = await loadOrgFor(tx, actor, id, "org.members.manage", { forUpdate: true });
    await invitationQuota(tx, actor.id);
    const members = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.organizationId, id));
    const people = await usersByIds(
      tx,
      members.map((m) => m.userId),
    );
    const email = body.email.toLowerCase();
    if ([...people.values()].some((p) => p.email.toLowerCase() === email)) {
      throw new AppError(409, "member-exists", {}, [{ field: "email", key: "problem.member-exists" }]);
    }
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.organizationId, id),
          eq(invitations.email, body.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [inv] = await tx
      .insert(invitations)
      .values({
        organizationId: id,
        email: body.email,
        role: body.role,
        tokenHash: tokenHash(ctx.config.sessionSecret, token),
        invitedBy: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .returning();
    await enqueueMail(tx, {
      to: body.email,
      locale: ctx.locale,
      template: "org-invitation",
      data: {
        org: org.shortName,
        inviter: actor.fullName,
        url: `${ctx.config.publicUrl}/invitations/${token}`,
        expires: formatDateTime(inv!.expiresAt, ctx.locale),
      },
      secret: { token, ref: inv!.tokenHash, expiresAt: inv!.expiresAt },
    });
    await writeAudit(tx, auditCtx(ctx), {
      action: "organization.invitation_create",
      entity: "organization",
      entityId: id,
      after: { invitationId: inv!.id, email: inv!.email, role: inv!.role, expiresAt: inv!.expiresAt },
    });
    return inv!;
  });
  ctx.mailQueued();
  return presentInvitation(row);
}

export async function listInvitations(ctx: Ctx, id: string) {
  await loadOrgFor(ctx.db, ctx.actor, id, "org.members.manage");
  const list = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.organizationId, id))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(500);
  return list.map(presentInvitation);
}

export async function revokeInvitation(ctx: Ctx, id: string, invitationId: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    await loadOrgFor(tx, actor, id, "org.members.manage", { forUpdate: true });
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, id)));
    if (!inv) throw notFound();
    if (invitationState(inv) !== "pending") {
      throw new AppError(409, "invitation-not-pending", {}, [], { current: presentInvitation(inv) });
    }
    await tx.update(invitations).set({ revokedAt: sql`now()` }).where(eq(invitations.id, inv.id));
    await writeAudit(tx, auditCtx(ctx), {
      action: "organization.invitation_revoke",
      entity: "organization",
      entityId: id,
      before: { invitationId: inv.id, email: inv.email, state: "pending" },
      after: { invitationId: inv.id, state: "revoked" },
    });
  });
}

/** What the invitation link shows before it is accepted (public: the token is the credential). */
export async function previewInvitation(ctx: Ctx, token: string) {
  const [row] = await ctx.db
    .select({ inv: getTableColumns(invitations), shortName: organizations.shortName })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, tokenHash(ctx.config.sessionSecret, token)));
  if (!row || invitationState(row.inv) !== "pending") throw invalidInvitation(404);
  return {
    organization: { id: row.inv.organizationId, shortName: row.shortName },
    email: row.inv.email,
    role: row.inv.role,
    expiresAt: row.inv.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation as the signed-in user, whose e-mail must be the invited one. The link is used
 * by one conditional UPDATE, so of two concurrent uses exactly one succeeds.
 */
export async function acceptInvitation(ctx: Ctx, token: string) {
  const actor = requireActor(ctx);
  const hash = tokenHash(ctx.config.sessionSecret, token);
  const [found] = await ctx.db.select().from(invitations).where(eq(invitations.tokenHash, hash));
  if (!found || invitationState(found) !== "pending") throw invalidInvitation(400);
  if (found.email.toLowerCase() !== actor.email.toLowerCase()) {
    throw new AppError(403, "invitation-other-email", { email: found.email });
  }
  let mails = 0;
  const out = await ctx.db.transaction(async (tx) => {
    // The organization first, then the invitation: the same lock order as inviting.
    const [org] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, found.organizationId))
      .for("update");
    if (!org) throw invalidInvitation(400);
    const [inv] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: actor.id })
      .where(
        and(
          eq(invitations.id, found.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning();
    if (!inv) throw invalidInvitation(400);
    await maskMailSecrets(tx, [inv.tokenHash]);
    const before = await accessOf(tx, actor, org.id);
    if (!before.role) {
      await tx.insert(memberships).values({ organizationId: org.id, userId: actor.id, role: inv.role });
    }
    // A pending request to join is answered by the invitation.
    await tx
      .update(joinRequests)
      .set({ state: "cancelled", decidedAt: sql`now()` })
      .where(
        and(
          eq(joinRequests.organizationId, org.id),
          eq(joinRequests.userId, actor.id),
          eq(joinRequests.state, "pending"),
        ),
      );
    await setActive(tx, actor.id, org.id);
    await writeAudit(tx, auditCtx(ctx), {
      action: "organization.invitation_accept",
      entity: "organization",
      entityId: org.id,
      before: { role: before.role },
      after: { invitationId: inv.id, userId: actor.id, role: before.role ?? inv.role },
    });
    // Managers hear of a new member only (accepting while already a member changes nothing for them).
    if (!before.role)
      mails = await notify(tx, ctx.config.publicUrl, {
        userIds: (await managerIds(tx, org.id)).filter((u) => u !== actor.id),
        kind: ORG_NOTIFICATION.memberAdded,
        data: { org: org.shortName, actor: actor.id },
        link: `/organizations/${org.id}/members`,
      });
    return orgView(actor, org, await accessOf(tx, actor, org.id));
  });
  if (mails) ctx.mailQueued();
  return out;
}

// ---------- join requests ----------

type JoinRequestRow = typeof joinRequests.$inferSelect;

function presentJoinRequest(r: JoinRequestRow, person: Person) {
  return {
    id: r.id,
    user: { id: r.userId, fullName: person?.fullName ?? "", email: person?.email ?? "" },
    message: r.message,
    state: r.state,
    createdAt: r.createdAt.toISOString(),
  };
}

const pendingFirst = sql`(${joinRequests.state} = 'pending') desc`;

/** Any signed-in non-member asks to join; the owner and the admins are notified. */
export async function createJoinRequest(ctx: Ctx, id: string, body: z.infer<typeof JoinRequestBody>) {
  const actor = requireActor(ctx);
  try {
    const r = await ctx.db.transaction(async (tx) => {
      const [org] = await tx.select(ORG_COLUMNS).from(organizations).where(eq(organizations.id, id));
      if (!org) throw notFound();
      if ((await accessOf(tx, actor, id)).role) throw new AppError(409, "already-member");
      // Until the operator verified it, an organization takes no join requests: whoever registered
      // someone else's INN must not learn the names of that company's people (verification.service.ts).
      if (!org.verifiedAt) throw new AppError(409, "join-unverified");
      const [pending] = await tx
        .select({ id: joinRequests.id })
        .from(joinRequests)
        .where(
          and(
            eq(joinRequests.organizationId, id),
            eq(joinRequests.userId, actor.id),
            eq(joinRequests.state, "pending"),
          ),
        );
      if (pending) throw new AppError(409, "join-request-pending");
      const [row] = await tx
        .insert(joinRequests)
        .values({ organizationId: id, userId: actor.id, message: body.message ?? null })
        .returning();
      await writeAudit(tx, auditCtx(ctx), {
        action: "organization.join_request_create",
        entity: "organization",
        entityId: id,
        after: { joinRequestId: row!.id, userId: actor.id, message: row!.message },
      });
      const mails = await notify(tx, ctx.config.publicUrl, {
        userIds: await managerIds(tx, id),
        kind: ORG_NOTIFICATION.joinRequestCreated,
        data: { org: org.shortName, actor: actor.id },
        link: `/organizations/${id}/members`,
      });
      return { row: row!, mails };
    });
    if (r.mails) ctx.mailQueued();
    return presentJoinRequest(r.row, actor);
  } catch (err) {
    // Two requests at once: the partial unique index keeps one pending request per user and organization.
    if (isUniqueViolation(err)) throw new AppError(409, "join-request-pending");
    throw err;
  }
}

export async function listJoinRequests(ctx: Ctx, id: string) {
  const { org } = await loadOrgFor(ctx.db, ctx.actor, id, "org.members.manage");
  const list = await ctx.db
    .select()
    .from(joinRequests)
    .where(eq(joinRequests.organizationId, id))
    .orderBy(pendingFirst, desc(joinRequests.createdAt), desc(joinRequests.id))
    .limit(500);
  const people = await usersByIds(
    ctx.db,
    list.map((r) => r.userId),
  );
  // Requests sent before verification was required are shown without a name until the organization is verified.
  const hidden = (userId: string) => ({ id: userId, fullName: t(ctx.locale, "join.hidden-name"), email: "" });
  return list.map((r) => presentJoinRequest(r, org.verifiedAt ? people.get(r.userId) : hidden(r.userId)));
}

async function notPending(ex: Executor, current: JoinRequestRow) {
  const person = (await usersByIds(ex, [current.userId])).get(current.userId);
  return new AppError(409, "join-request-not-pending", {}, [], {
    current: presentJoinRequest(current, person),
  });
}

/** A manager approves (the requester becomes a member) or rejects a pending request; one decision wins. */
export async function decideJoinRequest(
  ctx: Ctx,
  id: string,
  requestId: string,
  decision: "approve" | "reject",
) {
  const actor = requireActor(ctx);
  const state = decision === "approve" ? "approved" : "rejected";
  const r = await ctx.db.transaction(async (tx) => {
    const { org } = await loadOrgFor(tx, actor, id, "org.members.manage", { forUpdate: true });
    const [row] = await tx
      .update(joinRequests)
      .set({ state, decidedBy: actor.id, decidedAt: sql`now()` })
      .where(
        and(
          eq(joinRequests.id, requestId),
          eq(joinRequests.organizationId, id),
          eq(joinRequests.state, "pending"),
        ),
      )
      .returning();
    if (!row) {
      const [current] = await tx
        .select()
        .from(joinRequests)
        .where(and(eq(joinRequests.id, requestId), eq(joinRequests.organizationId, id)));
      if (!current) throw notFound();
      throw await notPending(tx, current);
    }
    if (state === "approved") {
      await tx
        .insert(memberships)
        .values({ organizationId: id, userId: row.userId, role: "member" })
        .onConflictDoNothing();
      // The new organization becomes the active one for someone who has none yet.
      await tx
        .insert(activeOrganizations)
        .values({ userId: row.userId, organizationId: id })
        .onConflictDoNothing();
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: `organization.join_request_${decision}`,
      entity: "organization",
      entityId: id,
      before: { joinRequestId: row.id, state: "pending" },
      after: { joinRequestId: row.id, userId: row.userId, state },
    });
    const mails = await notify(tx, ctx.config.publicUrl, {
      userIds: [row.userId],
      kind: ORG_NOTIFICATION.joinRequestDecided,
      data: { org: org.shortName, decision: state },
      link: state === "approved" ? `/organizations/${id}` : "/organizations",
    });
    const person = (await usersByIds(tx, [row.userId])).get(row.userId);
    return { view: presentJoinRequest(row, person), mails };
  });
  if (r.mails) ctx.mailQueued();
  return r.view;
}

/** The requester withdraws their own pending request; anyone else's looks missing. */
export async function cancelJoinRequest(ctx: Ctx, id: string, requestId: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const mine = and(
      eq(joinRequests.id, requestId),
      eq(joinRequests.organizationId, id),
      eq(joinRequests.userId, actor.id),
    );
    const [row] = await tx
      .update(joinRequests)
      .set({ state: "cancelled", decidedAt: sql`now()` })
      .where(and(mine, eq(joinRequests.state, "pending")))
      .returning();
    if (!row) {
      const [current] = await tx.select().from(joinRequests).where(mine);
      if (!current) throw notFound();
      throw await notPending(tx, current);
    }
    await writeAudit(tx, auditCtx(ctx), {
      action: "organization.join_request_cancel",
      entity: "organization",
      entityId: id,
      before: { joinRequestId: row.id, state: "pending" },
      after: { joinRequestId: row.id, state: "cancelled" },
    });
  });
}

/** The signed-in user's requests to join, with their states, pending first. */
export async function myJoinRequests(ctx: Ctx) {
  const actor = requireActor(ctx);
  const list = await ctx.db
    .select({ r: getTableColumns(joinRequests), shortName: organizations.shortName })
    .from(joinRequests)
    .innerJoin(organizations, eq(organizations.id, joinRequests.organizationId))
    .where(eq(joinRequests.userId, actor.id))
    .orderBy(pendingFirst, desc(joinRequests.createdAt), desc(joinRequests.id))
    .limit(500);
  return list.map(({ r, shortName }) => ({
    ...presentJoinRequest(r, actor),
    organization: { id: r.organizationId, shortName },
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}
