// The clusters module's request/response schemas (src/shared/clusters.ts: states and limits).
import { z } from "zod";
import {
  APPLICATION_DECISIONS,
  APPLICATION_STATES,
  CLUSTER_NAME_MAX,
  CLUSTER_NAME_MIN,
  CLUSTER_THEME_MAX,
  CLUSTER_THEME_MIN,
  MOTIVATION_MAX,
  MOTIVATION_MIN,
  REASON_MAX,
} from "../../../shared/clusters.js";
import { OKVED_SECTION_LETTERS } from "../../../shared/okved.js";
import { PROJECT_STAGES } from "../../../shared/projects.js";
import { OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import { Page, PageSize, Version } from "../../core/contract.js";

// ---------- inputs ----------

const Content = {
  nameRu: SafeText(CLUSTER_NAME_MIN, CLUSTER_NAME_MAX),
  themeRu: SafeLongText(CLUSTER_THEME_MAX).pipe(z.string().min(CLUSTER_THEME_MIN)),
  industries: z.array(z.enum(OKVED_SECTION_LETTERS)).max(OKVED_SECTION_LETTERS.length).default([]),
  /** The lead organization the operator appoints. */
  leadOrganizationId: z.uuid(),
};

export const ClusterBody = z.object(Content).strict();
export const UpdateClusterBody = z.object({ ...Content, version: Version }).strict();

export const ClustersQuery = z
  .object({
    /** Words of the name or the theme. */
    q: z.string().trim().max(200).optional(),
    /** Clusters with any of these industries (OKVED sections). */
    industry: z
      .union([z.array(z.string()), z.string()])
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.enum(OKVED_SECTION_LETTERS)).max(OKVED_SECTION_LETTERS.length))
      .optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const ApplyBody = z
  .object({
    organizationId: z.uuid(),
    motivationRu: SafeLongText(MOTIVATION_MAX).pipe(z.string().min(MOTIVATION_MIN)),
    /** The organization agrees to be named on the cluster's public page once a member. */
    public: z.boolean().default(false),
  })
  .strict();

export const ApplicationsQuery = z
  .object({ state: z.enum(APPLICATION_STATES).default("pending"), page: Page, pageSize: PageSize })
  .strict();

export const DecisionBody = z
  .object({
    decision: z.enum(APPLICATION_DECISIONS),
    /** Required to decline: why. */
    reasonRu: OptSafeText(REASON_MAX),
    version: Version,
  })
  .strict();

export const MemberParams = z.object({ id: z.uuid(), organizationId: z.uuid() });
export const ProjectParams = z.object({ id: z.uuid(), projectId: z.uuid() });
export const VisibilityBody = z.object({ public: z.boolean() }).strict();
export const AttachBody = z.object({ projectId: z.uuid() }).strict();

// ---------- outputs ----------

const iso = z.string();
const OrgRef = z.object({ id: z.uuid(), shortName: z.string() });

const CardFields = {
  id: z.uuid(),
  nameRu: z.string(),
  themeRu: z.string(),
  industries: z.array(z.string()),
  /** Null only while the operator appoints a new lead (the lead organization was deleted). */
  lead: OrgRef.nullable(),
  /** Member organizations, the lead included (named or not). */
  members: z.number().int(),
  projects: z.number().int(),
};

export const ClusterCard = z.object(CardFields).meta({ id: "ClusterCard" });

export const ClustersPage = z
  .object({
    items: z.array(ClusterCard),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Industries counted under the text (values with clusters only). */
    facets: z.array(
      z.object({
        field: z.enum(["industry"]),
        values: z.array(z.object({ value: z.string(), count: z.number().int() })),
      }),
    ),
  })
  .meta({ id: "ClustersPage" });

export const ClusterTotals = z
  .object({
    members: z.number().int(),
    projects: z.number().int(),
    /** Projects with an accepted partner. */
    joint: z.number().int(),
    /** Confirmed investment attracted by its projects, rubles. */
    investment: z.number(),
    /** Confirmed city support received by its projects, rubles. */
    support: z.number(),
  })
  .meta({ id: "ClusterTotals" });

export const ClusterProject = z
  .object({
    id: z.uuid(),
    titleRu: z.string(),
    lead: OrgRef,
    stage: z.enum(PROJECT_STAGES),
    trl: z.number().int(),
    joint: z.boolean(),
  })
  .meta({ id: "ClusterProject" });

export const Cluster = z
  .object({
    ...CardFields,
    /** The members that agreed to be named (the lead always), the lead first, then by name. */
    namedMembers: z.array(OrgRef),
    projectsList: z.array(ClusterProject),
    totals: ClusterTotals,
    createdAt: iso,
    updatedAt: iso,
    version: z.number().int(),
    me: z.object({
      /** Edits the cluster and appoints its lead (an operator). */
      operate: z.boolean(),
      /** Decides on applications and removes members (the lead's owner or admin). */
      lead: z.boolean(),
      /** The reader's organizations (owner or admin) that may apply. */
      mayApply: z.array(OrgRef),
      /** The reader's organizations' pending applications. */
      pending: z.array(z.object({ id: z.uuid(), organization: OrgRef, version: z.number().int() })),
      /** The reader's organizations (owner or admin) that are members, with their public consent. */
      memberships: z.array(OrgRef.extend({ public: z.boolean() })),
      /** Every member, named or not, with its consent: for the lead's owner or admin (who may remove them). */
      members: z.array(OrgRef.extend({ public: z.boolean() })),
      /** Projects the reader may attach or detach: led by those member organizations. */
      projects: z.array(z.object({ id: z.uuid(), titleRu: z.string(), clusterId: z.uuid().nullable() })),
    }),
  })
  .meta({ id: "Cluster" });

export const ClusterApplication = z
  .object({
    id: z.uuid(),
    cluster: z.object({ id: z.uuid(), nameRu: z.string() }),
    organization: OrgRef,
    state: z.enum(APPLICATION_STATES),
    motivationRu: z.string(),
    public: z.boolean(),
    reasonRu: z.string().nullable(),
    createdAt: iso,
    decidedAt: iso.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "ClusterApplication" });

export const ApplicationsPage = z
  .object({
    items: z.array(ClusterApplication),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "ClusterApplications" });

export const OrganizationClusters = z
  .object({
    items: z.array(z.object({ id: z.uuid(), nameRu: z.string(), lead: z.boolean() })),
  })
  .meta({ id: "OrganizationClusters" });
