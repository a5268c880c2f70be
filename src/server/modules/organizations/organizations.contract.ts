import { z } from "zod";
import { ELIGIBILITY_FLAGS, type EligibilityFlag } from "../../../shared/eligibility.js";
import { MEMBER_ROLES, ORG_STATUSES, ORG_TYPES, SME_CATEGORIES } from "../../../shared/organizations.js";
import { TAG_SLUGS } from "../../../shared/tags.js";
import { OptSafeLongText, OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import {
  INVITATION_STATES,
  JOIN_REQUEST_STATES,
  NAME_CHANGE_DECISIONS,
  NAME_CHANGE_QUEUE_STATES,
  NAME_CHANGE_STATES,
} from "../../../shared/vocabularies.js";
import { Email, IdParams, Version } from "../../core/contract.js";
import { problemWith } from "../../core/errors.js";

// ---------- inputs ----------

/** Names, addresses, positions, messages: clean text (src/shared/text.ts). */
const text = SafeText;
const optText = OptSafeText;

export const OrgType = z.enum(ORG_TYPES);
export const OrgStatus = z.enum(ORG_STATUSES);
export const MemberRole = z.enum(MEMBER_ROLES);
export const Tag = z.enum(TAG_SLUGS);
export const OkvedSection = z.string().regex(/^[A-U]$/, "field.okved-section");
export const RegionCode = z.string().regex(/^\d{2}$/, "field.region");
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "field.country");

const isFlag = (k: string): k is EligibilityFlag => (ELIGIBILITY_FLAGS as readonly string[]).includes(k);
const flagShape = <T extends z.ZodType>(value: () => T) =>
  Object.fromEntries(ELIGIBILITY_FLAGS.map((f) => [f, value()])) as Record<EligibilityFlag, T>;

/**
 * Declared eligibility flags to change (support measures, src/shared/eligibility.ts): flag → true / false,
 * or null to withdraw the statement (the flag is then not stated). Flags not named keep their values.
 * An unknown flag name is a field error on `declaredFlags.<name>`.
 */
export const DeclaredFlagsPatch = z
  .object(flagShape(() => z.boolean().nullable().optional()))
  .loose()
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!isFlag(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "field.org.flag-unknown",
          params: { flag: key, options: ELIGIBILITY_FLAGS.join(", ") },
        });
      }
    }
  })
  .transform(
    (value) =>
      Object.fromEntries(Object.entries(value).filter(([k]) => isFlag(k))) as Partial<
        Record<EligibilityFlag, boolean | null>
      >,
  );

/** The flags an organization has stated: true or false; a flag that is absent is not stated. */
export const DeclaredFlags = z.object(flagShape(() => z.boolean().optional())).meta({ id: "DeclaredFlags" });

/**
 * The editable profile. Identifier rules that depend on the type (INN 10/12, OGRN/OGRNIP, KPP,
 * country + registration number) and checksums are checked by the service, which reports field errors.
 */
export const OrgProfileInput = z
  .object({
    type: OrgType,
    inn: optText(12),
    ogrn: optText(15),
    kpp: optText(9),
    country: CountryCode.nullable().optional(),
    foreignRegNumber: optText(50),
    regionCode: RegionCode.nullable().optional(),
    fullName: text(3, 500),
    shortName: text(2, 200),
    legalAddress: text(5, 500),
    foundedOn: z.iso.date().nullable().optional(),
    website: z
      .url({ protocol: /^https?$/ })
      .max(300)
      .nullable()
      .optional(),
    descriptionRu: SafeLongText(5000).default(""),
    descriptionEn: OptSafeLongText(5000),
    headcount: z.number().int().min(0).max(10_000_000).nullable().optional(),
    revenueMln: z.number().min(0).max(100_000_000).nullable().optional(),
    okvedSections: z.array(OkvedSection).max(21).default([]),
    okvedMain: z
      .string()
      .regex(/^\d{2}(\.\d{1,2}(\.\d{1,2})?)?$/, "field.okved-code")
      .nullable()
      .optional(),
    tags: z.array(Tag).max(12).default([]),
    contactEmail: Email.nullable().optional(),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s()-]{7,20}$/, "field.phone")
      .nullable()
      .optional(),
    /** The contact person consents to the contacts being shown publicly (152-FZ art. 10.1). */
    contactsPublic: z.boolean().default(false),
    /**
     * The member whose contacts these are (the creator on registration); only they may agree to the
     * contacts being shown publicly. Must be a member.
     */
    contactPersonId: z.uuid().nullable().optional(),
    /** Self-declared facts for support measures; never shown publicly. */
    declaredFlags: DeclaredFlagsPatch.optional(),
  })
  .strict();

export const CreateOrgBody = OrgProfileInput;
/** An update carries the version it was based on: a concurrent edit gives 409 instead of a lost update. */
export const UpdateOrgBody = OrgProfileInput.omit({ type: true }).extend({ version: Version }).strict();

export const OrgIdParams = IdParams;
export const MemberParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const SubIdParams = z.object({ id: z.uuid(), subId: z.uuid() });

export const InviteBody = z
  .object({ email: Email, role: MemberRole.exclude(["owner"]).default("member") })
  .strict();
export const TokenBody = z.object({ token: z.string().min(16).max(200) }).strict();
export const TokenParams = z.object({ token: z.string().min(16).max(200) });
export const UpdateMemberBody = z
  .object({
    role: MemberRole.exclude(["owner"]).optional(),
    showPublicly: z.boolean().optional(),
    position: optText(200),
  })
  .strict();
export const TransferOwnershipBody = z.object({ userId: z.uuid() }).strict();
export const JoinRequestBody = z.object({ message: OptSafeLongText(1000) }).strict();
export const ActiveOrgBody = z.object({ organizationId: z.uuid() }).strict();

export const NameChangeDecisionBody = z
  .object({
    decision: z.enum(NAME_CHANGE_DECISIONS),
    /** Required for a rejection: the reason the members read. */
    comment: OptSafeLongText(2000),
    /** The request's version the operator saw. */
    version: Version,
  })
  .strict();
export const NameChangeQuery = z
  .object({ state: z.enum(NAME_CHANGE_QUEUE_STATES).default("pending") })
  .strict();
export const AnswerBody = z.object({ agree: z.boolean() }).strict();
// ---------- outputs ----------

const iso = z.string();

/** What anyone may see. Contacts only when the contact person agreed to their publication. */
export const OrganizationPublic = z
  .object({
    id: z.uuid(),
    type: OrgType,
    inn: z.string().nullable(),
    ogrn: z.string().nullable(),
    country: z.string().nullable(),
    regionCode: z.string().nullable(),
    fullName: z.string(),
    shortName: z.string(),
    foundedOn: z.string().nullable(),
    website: z.string().nullable(),
    descriptionRu: z.string(),
    descriptionEn: z.string().nullable(),
    smeCategory: z.enum(SME_CATEGORIES).nullable(),
    okvedSections: z.array(z.string()),
    okvedMain: z.string().nullable(),
    tags: z.array(z.string()),
    status: OrgStatus,
    statusSince: iso,
    statusSuspended: z.boolean(),
    /** The operator verified the organization from a document (an extract from the register or a letter). */
    verified: z.boolean(),
    logoUrl: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    createdAt: iso,
  })
  .meta({ id: "OrganizationPublic" });

/** The full profile, for members and operators. */
export const Organization = OrganizationPublic.extend({
  kpp: z.string().nullable(),
  foreignRegNumber: z.string().nullable(),
  legalAddress: z.string(),
  headcount: z.number().nullable(),
  revenueMln: z.number().nullable(),
  /** A manager's wish to publish the contacts; they are public once the contact person agreed. */
  contactsPublic: z.boolean(),
  contactPersonId: z.uuid().nullable(),
  /** When the contact person agreed to the publication (null: not agreed). */
  contactsConsentAt: iso.nullable(),
  statusReason: z.string().nullable(),
  /** The organization's own statements for support-measure eligibility (members and staff only). */
  declaredFlags: DeclaredFlags,
  /** When the declared flags last changed; null when never stated. */
  declaredFlagsAt: iso.nullable(),
  version: z.number().int(),
  updatedAt: iso,
}).meta({ id: "Organization" });

export const Member = z
  .object({
    userId: z.uuid(),
    fullName: z.string(),
    email: z.string().nullable(),
    role: MemberRole,
    position: z.string().nullable(),
    /** The member agreed to be shown on the public page. */
    showPublicly: z.boolean(),
    /** A manager asked the member to agree; the member has not answered yet. */
    publicRequested: z.boolean(),
    joinedAt: iso,
  })
  .meta({ id: "Member" });

export const OrganizationView = z.object({
  organization: Organization,
  membership: z.object({ role: MemberRole }).nullable(),
  /** What the current user may do with this organization (the UI hides the rest). */
  can: z.record(z.string(), z.boolean()),
});

export const MyOrganizations = z.object({
  items: z.array(z.object({ organization: OrganizationPublic, role: MemberRole })),
  activeOrganizationId: z.uuid().nullable(),
});

export const Invitation = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: MemberRole,
    createdAt: iso,
    expiresAt: iso,
    state: z.enum(INVITATION_STATES),
  })
  .meta({ id: "Invitation" });

export const InvitationPreview = z.object({
  organization: z.object({ id: z.uuid(), shortName: z.string() }),
  email: z.string(),
  role: MemberRole,
  expiresAt: iso,
});

export const JoinRequest = z
  .object({
    id: z.uuid(),
    user: z.object({ id: z.uuid(), fullName: z.string(), email: z.string() }),
    message: z.string().nullable(),
    state: z.enum(JOIN_REQUEST_STATES),
    createdAt: iso,
  })
  .meta({ id: "JoinRequest" });

/** One's own request to join, with the organization it was sent to. */
export const MyJoinRequest = JoinRequest.extend({
  organization: z.object({ id: z.uuid(), shortName: z.string() }),
  decidedAt: iso.nullable(),
}).meta({ id: "MyJoinRequest" });

const Person = z.object({ id: z.uuid(), fullName: z.string() });

/** A participant's or partner's new name waiting for (or decided by) the operator. */
export const NameChange = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    fullName: z.string(),
    shortName: z.string(),
    previousFullName: z.string(),
    previousShortName: z.string(),
    state: z.enum(NAME_CHANGE_STATES),
    requestedBy: Person,
    requestedAt: iso,
    decidedBy: Person.nullable(),
    decidedAt: iso.nullable(),
    operatorComment: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "NameChange" });
export const NameChangeQueueItem = NameChange.extend({
  organizationStatus: OrgStatus,
  inn: z.string().nullable(),
});

/** What a member decides about their own appearance on the organization's public page. */
export const MyPublicConsents = z.object({
  /** The version of the consent text the answer is recorded with. */
  version: z.string(),
  publicProfile: z.object({
    shown: z.boolean(),
    requested: z.boolean(),
    requestedBy: z.string().nullable(),
    fullName: z.string(),
    position: z.string().nullable(),
  }),
  /** Present when the member is the organization's contact person. */
  contacts: z
    .object({
      shown: z.boolean(),
      requested: z.boolean(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .nullable(),
});

/** 409 inn-taken: the organization the identifiers belong to, so the person can ask to join or claim it. */
export const InnTakenProblem = problemWith(
  "InnTakenProblem",
  "The INN or registration number is taken (inn-taken): the organization it belongs to",
  {
    organizationId: z.uuid().optional(),
    shortName: z.string().optional(),
    verified: z.boolean().optional(),
  },
);
// ---------- the state register ----------

/** `?inn=` of a register lookup; the INN's checksum is checked by the service (a field error). */
export const RegistryLookupQuery = z.object({ inn: z.string().trim().min(1).max(20) });

export const RegistryInfo = z
  .object({ lookup: z.boolean().describe("Whether the state-register lookup is configured") })
  .meta({ id: "RegistryInfo" });

export const RegistryParty = z
  .object({
    kind: z.enum(["legal", "individual"]),
    inn: z.string(),
    kpp: z.string().nullable(),
    ogrn: z.string().nullable(),
    shortName: z.string(),
    fullName: z.string(),
    legalAddress: z.string().nullable(),
    regionCode: z.string().nullable(),
    okvedMain: z.string().nullable(),
    state: z.enum(["active", "liquidating", "liquidated", "bankrupt", "reorganizing", "unknown"]),
  })
  .meta({ id: "RegistryParty", description: "What the state register says about an INN (suggested values)" });
