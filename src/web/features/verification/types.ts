import type { OrgStatus } from "../../../shared/organizations";

export type DocumentType = "register_extract" | "letterhead_letter";
export type VerificationState = "pending" | "verified" | "rejected" | "transferred" | "merged" | "removed";

export interface VerificationRequest {
  id: string;
  kind: "verification" | "claim";
  state: VerificationState;
  organization: { id: string | null; shortName: string; inn: string | null };
  documentType: DocumentType;
  fileName: string;
  contentType: string;
  size: number;
  comment: string | null;
  submittedAt: string;
  decidedAt: string | null;
  reason: string | null;
  version: number;
  documentUrl: string;
}

export interface OrgVerification {
  verified: boolean;
  verifiedAt: string | null;
  requests: VerificationRequest[];
}

export interface VerificationQueueItem extends VerificationRequest {
  submitter: { id: string; fullName: string; email: string } | null;
  decidedBy: { id: string; fullName: string } | null;
  current: { verified: boolean; status: OrgStatus; members: number; type: string } | null;
  mine: boolean;
  claimantOrganizations: { id: string; shortName: string; inn: string | null }[];
  outcome: Record<string, unknown> | null;
}

export interface VerificationQueuePage {
  items: VerificationQueueItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type VerificationDecision = "verify" | "reject" | "transfer" | "merge" | "remove";
