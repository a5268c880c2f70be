import { z } from "zod";
import {
  VERIFICATION_DECISIONS,
  VERIFICATION_DOCUMENTS,
  VERIFICATION_KINDS,
  VERIFICATION_STATES,
} from "../../../shared/vocabularies.js";
import { IdParams, Page, PageSize } from "../../core/contract.js";
import { OrgStatus } from "../organizations/organizations.contract.js";

// ---------- inputs ----------

export const DocumentType = z.enum(VERIFICATION_DOCUMENTS);
export const VerificationKind = z.enum(VERIFICATION_KINDS);
export const VerificationState = z.enum(VERIFICATION_STATES);

/** The form fields sent with a document (multipart, before the `file` part). */
export const DocumentFields = z.object({
  documentType: DocumentType,
  comment: z
    .string()
    .trim()
    .max(2000)
    .transform((v) => v || null)
    .optional(),
});

export const VerificationQueueQuery = z
  .object({
    kind: VerificationKind.optional(),
    state: VerificationState.default("pending"),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const VerificationDecisionBody = z
  .object({
    /** The version the operator saw; a stale one gets 409 with the request as it is now. */
    version: z.number().int().min(1),
    /** verify / reject for a verification; transfer / merge / remove / reject for a claim. */
    decision: z.enum(VERIFICATION_DECISIONS),
    reason: z
      .string()
      .trim()
      .max(2000)
      .transform((v) => v || null)
      .optional(),
    /** Transfer and merge: keep the organization's present members (as plain members) or remove them. */
    keepMembers: z.boolean().default(false),
    /** Merge: the claimant's own organization that is merged into the claimed one and then removed. */
    mergeFrom: z.uuid().optional(),
  })
  .strict();

export const RequestIdParams = IdParams;

// ---------- outputs ----------

const iso = z.string();
const OrgRef = z.object({ id: z.uuid().nullable(), shortName: z.string(), inn: z.string().nullable() });

export const VerificationRequest = z
  .object({
    id: z.uuid(),
    kind: VerificationKind,
    state: VerificationState,
    organization: OrgRef,
    documentType: DocumentType,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    comment: z.string().nullable(),
    submittedAt: iso,
    decidedAt: iso.nullable(),
    reason: z.string().nullable(),
    version: z.number().int(),
    /** Where the document is downloaded (its managers, the claimant and operators only). */
    documentUrl: z.string(),
  })
  .meta({ id: "VerificationRequest" });

/** An organization's verification as its managers see it. */
export const OrgVerification = z.object({
  verified: z.boolean(),
  verifiedAt: iso.nullable(),
  requests: z.array(VerificationRequest),
});

const Person = z.object({ id: z.uuid(), fullName: z.string(), email: z.string() });

export const VerificationQueueItem = VerificationRequest.extend({
  submitter: Person.nullable(),
  decidedBy: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  /** The organization as it is now (null once removed or merged away). */
  current: z
    .object({ verified: z.boolean(), status: OrgStatus, members: z.number().int(), type: z.string() })
    .nullable(),
  /** The operator belongs to the organization concerned or filed the request: they may not decide it. */
  mine: z.boolean(),
  /** Claims: organizations the claimant owns, which a merge may fold into the claimed one. */
  claimantOrganizations: z.array(
    z.object({ id: z.uuid(), shortName: z.string(), inn: z.string().nullable() }),
  ),
  outcome: z.record(z.string(), z.unknown()).nullable(),
}).meta({ id: "VerificationQueueItem" });

export const VerificationQueuePage = z.object({
  items: z.array(VerificationQueueItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
