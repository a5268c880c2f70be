// The status module's request/response schemas: applications for participant / partner status, the
// operator's queue and decisions, suspension and revocation, the status timeline.
import { z } from "zod";
import { OptSafeLongText, SafeLongText } from "../../../shared/text.js";
import { APPLICATION_DECISIONS, APPLICATION_STATES } from "../../../shared/vocabularies.js";
import { Page, PageSize, Version } from "../../core/contract.js";
import { Organization, OrgStatus, OrgType, RegionCode } from "../organizations/organizations.contract.js";

// ---------- inputs ----------

export const ApplyBody = z
  .object({ requestedStatus: OrgStatus.exclude(["registered"]), comment: OptSafeLongText(2000) })
  .strict();
export const ResubmitBody = z.object({ comment: OptSafeLongText(2000) }).strict();
export const DecisionBody = z
  .object({
    decision: z.enum(APPLICATION_DECISIONS),
    /** Required for reject (the reason) and return (what to fix). */
    comment: OptSafeLongText(2000),
    /** The application version the operator saw. */
    version: Version,
  })
  .strict();
export const ReasonBody = z.object({ reason: SafeLongText(2000).pipe(z.string().min(3)) }).strict();

export const QueueQuery = z
  .object({
    state: z.enum(APPLICATION_STATES).default("pending"),
    region: RegionCode.optional(),
    type: OrgType.optional(),
    requestedStatus: OrgStatus.exclude(["registered"]).optional(),
    minWaitingDays: z.coerce.number().int().min(0).max(3650).optional(),
    /** A part of the organization's name, or its INN. */
    q: z.string().trim().min(1).max(200).optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

// ---------- outputs ----------

const iso = z.string();

export const StatusApplication = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    requestedStatus: OrgStatus,
    state: z.enum(APPLICATION_STATES),
    applicantComment: z.string().nullable(),
    operatorComment: z.string().nullable(),
    submittedAt: iso,
    decidedAt: iso.nullable(),
    version: z.number().int(),
    waitingDays: z.number().int(),
  })
  .meta({ id: "StatusApplication" });

/** Who decided (or withdrew) an application; shown to operators only. */
const Decider = z.object({ id: z.uuid(), fullName: z.string() });

export const StatusEvent = z
  .object({
    id: z.uuid(),
    event: z.string(),
    fromStatus: OrgStatus.nullable(),
    toStatus: OrgStatus.nullable(),
    reason: z.string().nullable(),
    at: iso,
    /** Who made the change (an operator's decision, the applicant's step): in the operator's view only, else null. */
    by: Decider.nullable(),
  })
  .meta({ id: "StatusEvent" });

export const StatusView = z.object({
  status: OrgStatus,
  since: iso,
  suspended: z.boolean(),
  reason: z.string().nullable(),
  openApplication: StatusApplication.nullable(),
  history: z.array(StatusEvent),
  /** Whether each status can be applied for, and why not. */
  options: z.record(z.string(), z.object({ open: z.boolean(), reason: z.string().nullable() })),
});

export const QueueItem = StatusApplication.extend({
  organization: z.object({
    id: z.uuid(),
    shortName: z.string(),
    type: OrgType,
    regionCode: z.string().nullable(),
    country: z.string().nullable(),
    inn: z.string().nullable(),
    status: OrgStatus,
  }),
  decidedBy: Decider.nullable(),
  /** The operator belongs to this organization: another operator decides (403 own-organization). */
  mine: z.boolean(),
});
/**
 * One application for the operator: the full profile and the organization's status history.
 * A refused decision (409 "application-changed") carries the application as it is now in `current`
 * (a QueueItem), so the operator sees who decided what.
 */
export const QueueItemDetail = StatusApplication.extend({
  organization: Organization,
  decidedBy: Decider.nullable(),
  mine: z.boolean(),
  history: z.array(StatusEvent),
});
export const QueuePage = z.object({
  items: z.array(QueueItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
