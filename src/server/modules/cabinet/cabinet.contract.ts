// The member's cabinet and the operator's desk: one response each, composed from other modules' services.
import { z } from "zod";
import { GRANT_REPORT_STATES } from "../../../shared/grants.js";
import { MeasureCard } from "../measures/measures.contract.js";
import { MemberRole, OrgStatus, OrgType } from "../organizations/organizations.contract.js";
import { KpiReportState } from "../reporting/reporting.contract.js";
import { StatusApplication } from "../status/status.contract.js";

/** The next steps of a member, in this order. */
export const CABINET_STEPS = ["confirm-email", "organization", "profile", "status"] as const;
/** Facts of the active organization that the profile step asks for (support-measure eligibility reads them). */
export const PROFILE_FACTS = ["foundedOn", "headcount", "revenueMln", "okved"] as const;

export const CabinetStep = z
  .object({
    key: z.enum(CABINET_STEPS),
    /** done; todo (the link does it); waiting (for someone else: a join request, the operator). */
    state: z.enum(["done", "todo", "waiting"]),
    /** The organization the step is about (the active one), when there is one. */
    organizationId: z.uuid().nullable(),
    /** profile: the facts still missing; status: the organization must first be verified. */
    missing: z.array(z.enum(PROFILE_FACTS)).optional(),
    needsVerification: z.boolean().optional(),
  })
  .meta({ id: "CabinetStep" });

export const CabinetApplication = StatusApplication.extend({
  /** A pending application is decided by this day (YYYY-MM-DD) under the operator's service level. */
  dueOn: z.string().nullable(),
}).meta({ id: "CabinetApplication" });

export const CabinetOrganization = z
  .object({
    id: z.uuid(),
    shortName: z.string(),
    type: OrgType,
    role: MemberRole,
    status: OrgStatus,
    verified: z.boolean(),
    active: z.boolean(),
    /** Its latest status application, or null when it never applied. */
    application: CabinetApplication.nullable(),
  })
  .meta({ id: "CabinetOrganization" });

export const Cabinet = z
  .object({
    user: z.object({ fullName: z.string(), email: z.string(), emailConfirmed: z.boolean() }),
    steps: z.array(CabinetStep),
    organizations: z.array(CabinetOrganization),
    /** Requests to join an organization that wait for its managers. */
    pendingJoinRequests: z.array(
      z.object({ id: z.uuid(), organization: z.object({ id: z.uuid(), shortName: z.string() }) }),
    ),
    /** The operator's service level: working days to decide a status application. */
    reviewWorkingDays: z.number().int(),
    newMeasures: z.object({
      /** The active organization they fit; null without one. */
      organization: z.object({ id: z.uuid(), shortName: z.string() }).nullable(),
      /** Days a notice counts as new. */
      days: z.number().int(),
      total: z.number().int(),
      items: z.array(MeasureCard),
    }),
    closingSoon: z.object({ days: z.number().int(), items: z.array(MeasureCard) }),
    unread: z.object({ notifications: z.number().int(), messages: z.number().int() }),
    /** Yearly KPI reports the member's organizations still have to submit, the nearest due first; `fill`: the member is its owner or admin. */
    kpiReports: z.array(
      z.object({
        id: z.uuid(),
        state: KpiReportState,
        year: z.number().int(),
        dueAt: z.string(),
        organization: z.object({ id: z.uuid(), shortName: z.string() }),
        fill: z.boolean(),
      }),
    ),
    /**
     * Yearly reports on the KPIs of the grants of the organizations the member manages (owner or admin:
     * the applications are theirs alone), due within 30 days or overdue, the nearest first.
     */
    grantReports: z.array(
      z.object({
        id: z.uuid(),
        year: z.number().int(),
        /** YYYY-MM-DD, Moscow. */
        dueOn: z.string(),
        state: z.enum(GRANT_REPORT_STATES),
        overdue: z.boolean(),
        application: z.object({ id: z.uuid(), titleRu: z.string() }),
        organization: z.object({ id: z.uuid(), shortName: z.string() }),
      }),
    ),
    /**
     * Applications to join the clusters led by organizations the member manages (owner or admin: who
     * decides), per cluster: how many wait and the one waiting longest; the longest-waiting first.
     */
    clusterDecisions: z.array(
      z.object({
        cluster: z.object({ id: z.uuid(), nameRu: z.string() }),
        lead: z.object({ id: z.uuid(), shortName: z.string() }),
        count: z.number().int(),
        oldest: z.object({ organization: z.string(), since: z.string() }),
      }),
    ),
  })
  .meta({ id: "Cabinet" });

// ---------- the operator's desk ----------

export const DESK_QUEUES = [
  "status",
  "verification",
  "names",
  "erasures",
  "listings",
  "challenges",
  "pilots",
  "kpi",
] as const;

export const DeskQueue = z
  .object({
    key: z.enum(DESK_QUEUES),
    count: z.number().int(),
    /** The count stopped at this many (the queue's own list is limited). */
    capped: z.boolean(),
    /** The item waiting longest (erasures: the one due first). */
    oldest: z
      .object({
        id: z.uuid(),
        title: z.string(),
        since: z.string(),
        /** erasures: when the account is erased. */
        dueAt: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: "DeskQueue" });

export const DeskDecision = z
  .object({
    id: z.string(),
    at: z.string(),
    queue: z.enum(DESK_QUEUES),
    /** approve, reject, return, suspend, resume, revoke, verify, transfer, merge, remove, triage, assign, accept. */
    outcome: z.string(),
    entityId: z.string().nullable(),
    actor: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  })
  .meta({ id: "DeskDecision" });

export const Desk = z
  .object({
    /** The queues the operator may work on, in this order. */
    queues: z.array(DeskQueue),
    today: z.object({
      /** The cluster's day (YYYY-MM-DD, Moscow). */
      day: z.string(),
      total: z.number().int(),
      mine: z.number().int(),
      byQueue: z.array(
        z.object({ queue: z.enum(DESK_QUEUES), total: z.number().int(), mine: z.number().int() }),
      ),
      latest: z.array(DeskDecision),
    }),
  })
  .meta({ id: "Desk" });
