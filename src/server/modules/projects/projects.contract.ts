// The projects module's request/response schemas. Rules across fields (dates in order, the consortium's
// shares summing to 100%, an entry's kind and its fields) are checked by the service with the shared
// rules of src/shared/projects.ts and answered as field errors.
import { z } from "zod";
import { OKVED_SECTION_LETTERS } from "../../../shared/okved.js";
import {
  CONSORTIUM_MAX,
  ENTRY_KINDS,
  ENTRY_STATES,
  INVESTMENT_TYPES,
  MEMBER_STATES,
  MONEY_MAX,
  PROJECT_STAGES,
  PROJECT_TRL_MAX,
  PROJECT_TRL_MIN,
  SHARE_WHOLE,
} from "../../../shared/projects.js";
import { TAG_SLUGS } from "../../../shared/tags.js";
import { OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import { Day, Page, PageSize, Version } from "../../core/contract.js";

/** Whole rubles: money is never a float. */
const Money = z.number().int().min(0).max(MONEY_MAX);
const Trl = z.number().int().min(PROJECT_TRL_MIN).max(PROJECT_TRL_MAX);
/** Hundredths of a percent (2 500 is 25%). */
const Share = z.number().int().min(0).max(SHARE_WHOLE);

// ---------- inputs ----------

const Content = {
  titleRu: SafeText(5, 200),
  descriptionRu: SafeLongText(5000).pipe(z.string().min(20)),
  industries: z.array(z.enum(OKVED_SECTION_LETTERS)).max(OKVED_SECTION_LETTERS.length).default([]),
  tags: z.array(z.enum(TAG_SLUGS)).max(12).default([]),
  stage: z.enum(PROJECT_STAGES),
  trl: Trl,
  startOn: Day.nullable().optional(),
  endOn: Day.nullable().optional(),
  /** Rubles. */
  budget: Money.nullable().optional(),
};

export const CreateProjectBody = z
  .object({
    leadOrganizationId: z.uuid(),
    /** The lead's role in the project (e.g. «разработчик»). */
    leadRoleRu: OptSafeText(200),
    ...Content,
  })
  .strict();
export const UpdateProjectBody = z.object({ ...Content, version: Version }).strict();
export const VersionBody = z.object({ version: Version }).strict();

/**
 * The consortium as the lead sets it: the lead first, then the partners (new ones are invited), each with
 * a role and a share; the shares of all but declined partners sum to 100% (SHARE_WHOLE).
 */
export const ConsortiumBody = z
  .object({
    members: z
      .array(z.object({ organizationId: z.uuid(), roleRu: SafeText(2, 200), share: Share }).strict())
      .min(1)
      .max(CONSORTIUM_MAX),
    version: Version,
  })
  .strict();

export const InvitationDecisionBody = z
  .object({ decision: z.enum(["accept", "decline"]), version: Version })
  .strict();

export const EntryBody = z
  .object({
    kind: z.enum(ENTRY_KINDS),
    /** Investment: who invested and how. */
    investorRu: OptSafeText(300),
    investmentType: z.enum(INVESTMENT_TYPES).nullable().optional(),
    /** Support: the support measure (the measures module), or a free text. */
    measureId: z.uuid().nullable().optional(),
    supportRu: OptSafeText(300),
    amount: Money.pipe(z.number().min(1)),
    receivedOn: Day,
    /** Where the money came from (a contract, an order, a decision…). */
    sourceRu: SafeText(3, 300),
  })
  .strict();

export const EntryDecisionBody = z
  .object({
    decision: z.enum(["confirm", "reject"]),
    /** Required to reject: why. */
    reason: OptSafeText(1000),
    version: Version,
  })
  .strict();

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const ProjectsQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    /** The projects of an organization (the lead or an accepted partner). */
    organization: z.uuid().optional(),
    industry: csvOf(OKVED_SECTION_LETTERS).optional(),
    stage: csvOf(PROJECT_STAGES).optional(),
    trl: z
      .union([z.array(z.string()), z.string()])
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => Number(s.trim())))
      .pipe(z.array(Trl).max(PROJECT_TRL_MAX))
      .optional(),
    /** Joint projects only (true) or single-organization ones (false). */
    joint: z.enum(["true", "false"]).optional(),
    /** The projects of these clusters (ids). */
    cluster: z
      .union([z.array(z.string()), z.string()])
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.uuid()).max(50))
      .optional(),
    /** The projects whose lead organization is in these regions (codes of the subjects of Russia). */
    region: z
      .union([z.array(z.string()), z.string()])
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^\d{2}$/)).max(100))
      .optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const MineQuery = z.object({ page: Page, pageSize: PageSize }).strict();
export const QueueQuery = z.object({ page: Page, pageSize: PageSize }).strict();

// ---------- outputs ----------

const iso = z.string();
const OrgRef = z.object({ id: z.uuid(), shortName: z.string() });

export const Totals = z
  .object({
    /** Confirmed investment attracted, rubles. */
    investment: z.number(),
    /** Confirmed city support received, rubles. */
    support: z.number(),
  })
  .meta({ id: "ProjectTotals" });

const CardFields = {
  id: z.uuid(),
  titleRu: z.string(),
  lead: OrgRef,
  industries: z.array(z.string()),
  tags: z.array(z.string()),
  stage: z.enum(PROJECT_STAGES),
  trl: z.number().int(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  budget: z.number().nullable(),
  joint: z.boolean(),
  /** The accepted partners (the lead not counted). */
  partners: z.array(OrgRef),
  /** The cluster it belongs to, if any. */
  cluster: z.object({ id: z.uuid(), nameRu: z.string() }).nullable(),
  totals: Totals,
};

export const ProjectCard = z.object(CardFields).meta({ id: "ProjectCard" });

export const ProjectsPage = z
  .object({
    items: z.array(ProjectCard),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Each facet counted under the other filters (values with projects only). */
    facets: z.array(
      z.object({
        field: z.enum(["industry", "stage", "trl", "joint", "cluster", "region"]),
        /** `label`: the cluster's name (the cluster facet). */
        values: z.array(
          z.object({ value: z.string(), count: z.number().int(), label: z.string().optional() }),
        ),
      }),
    ),
  })
  .meta({ id: "ProjectsPage" });

export const ProjectMember = z
  .object({
    organization: OrgRef,
    state: z.enum(MEMBER_STATES),
    roleRu: z.string(),
    /** Hundredths of a percent. Publicly the lead's share holds the pending invitations' shares. */
    share: z.number().int(),
    decidedAt: iso.nullable(),
  })
  .meta({ id: "ProjectMember" });

export const ProjectEntry = z
  .object({
    id: z.uuid(),
    kind: z.enum(ENTRY_KINDS),
    state: z.enum(ENTRY_STATES),
    investorRu: z.string().nullable(),
    investmentType: z.enum(INVESTMENT_TYPES).nullable(),
    measure: z.object({ id: z.uuid(), titleRu: z.string() }).nullable(),
    supportRu: z.string().nullable(),
    amount: z.number(),
    receivedOn: z.string(),
    sourceRu: z.string(),
    document: z.object({ id: z.uuid(), name: z.string(), size: z.number().int() }).nullable(),
    rejectReason: z.string().nullable(),
    decidedAt: iso.nullable(),
    createdAt: iso,
    version: z.number().int(),
    project: z.object({ id: z.uuid(), titleRu: z.string(), lead: OrgRef }),
  })
  .meta({ id: "ProjectEntry" });

export const Project = z
  .object({
    ...CardFields,
    descriptionRu: z.string(),
    /**
     * The consortium: publicly the lead and the accepted partners (shares as `countedShares`); its
     * managers and the invited organizations' managers also see the pending and declined invitations.
     */
    members: z.array(ProjectMember),
    /** Money entries: publicly the confirmed ones; the lead's managers and operators see all. */
    entries: z.array(ProjectEntry),
    createdAt: iso,
    updatedAt: iso,
    version: z.number().int(),
    me: z.object({
      /** May edit the project, its consortium and declare money (the lead's owner or admin, an operator). */
      manage: z.boolean(),
      /** Confirms or rejects money entries (an operator). */
      operate: z.boolean(),
      /** Invitations the reader may answer for their organizations. */
      invitations: z.array(OrgRef),
    }),
  })
  .meta({ id: "Project" });

export const ProjectList = z
  .object({
    items: z.array(ProjectCard.extend({ state: z.enum(MEMBER_STATES) })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "MyProjects" });

export const EntryQueue = z
  .object({
    items: z.array(ProjectEntry),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "ProjectEntryQueue" });

export const InvitationParams = z.object({ id: z.uuid(), organizationId: z.uuid() });
