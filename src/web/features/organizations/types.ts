/**
 * Shapes of the organizations API, written by hand from
 * src/server/modules/organizations/organizations.contract.ts (the web bundle never imports server code).
 */
import type { DeclaredFlags, EligibilityFlag } from "../../../shared/eligibility";
import type { MemberRole, OrgStatus, OrgType, SmeCategory } from "../../../shared/organizations";

export type { DeclaredFlags, EligibilityFlag, MemberRole, OrgStatus, OrgType, SmeCategory };
export type RequestedStatus = Exclude<OrgStatus, "registered">;
export type ApplicationState = "pending" | "returned" | "approved" | "rejected" | "withdrawn";
export type InvitationState = "pending" | "accepted" | "revoked" | "expired";
export type JoinRequestState = "pending" | "approved" | "rejected" | "cancelled";

/** What anyone may see. */
export interface OrganizationPublic {
  id: string;
  type: OrgType;
  inn: string | null;
  ogrn: string | null;
  country: string | null;
  regionCode: string | null;
  fullName: string;
  shortName: string;
  foundedOn: string | null;
  website: string | null;
  descriptionRu: string;
  descriptionEn: string | null;
  smeCategory: SmeCategory | null;
  okvedSections: string[];
  okvedMain: string | null;
  tags: string[];
  status: OrgStatus;
  statusSince: string;
  statusSuspended: boolean;
  verified: boolean;
  logoUrl: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: string;
}

/** The full profile, for members and operators. */
export interface Organization extends OrganizationPublic {
  kpp: string | null;
  foreignRegNumber: string | null;
  legalAddress: string;
  headcount: number | null;
  revenueMln: number | null;
  contactsPublic: boolean;
  statusReason: string | null;
  /** The organization's own statements for support measures (never public). */
  declaredFlags: DeclaredFlags;
  declaredFlagsAt: string | null;
  version: number;
  updatedAt: string;
}

export interface OrganizationView {
  organization: Organization;
  membership: { role: MemberRole } | null;
  /** Per-organization abilities: org.update, org.members.read, org.members.manage, … */
  can: Record<string, boolean>;
}

export interface MyOrganizations {
  items: { organization: OrganizationPublic; role: MemberRole }[];
  activeOrganizationId: string | null;
}

/** The editable profile (POST /organizations; PATCH omits `type` and adds `version`). */
export interface OrgProfileInput {
  type: OrgType;
  inn: string | null;
  ogrn: string | null;
  kpp: string | null;
  country: string | null;
  foreignRegNumber: string | null;
  regionCode: string | null;
  fullName: string;
  shortName: string;
  legalAddress: string;
  foundedOn: string | null;
  website: string | null;
  descriptionRu: string;
  descriptionEn: string | null;
  headcount: number | null;
  revenueMln: number | null;
  okvedSections: string[];
  okvedMain: string | null;
  tags: string[];
  contactEmail: string | null;
  contactPhone: string | null;
  contactsPublic: boolean;
  /** flag → true / false; null withdraws the statement; an absent flag keeps its value. */
  declaredFlags?: Partial<Record<EligibilityFlag, boolean | null>>;
}

export type UpdateOrgBody = Omit<OrgProfileInput, "type"> & { version: number };

export interface Member {
  userId: string;
  fullName: string;
  email: string | null;
  role: MemberRole;
  position: string | null;
  showPublicly: boolean;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: MemberRole;
  createdAt: string;
  expiresAt: string;
  state: InvitationState;
}

export interface InvitationPreview {
  organization: { id: string; shortName: string };
  email: string;
  role: MemberRole;
  expiresAt: string;
}

export interface JoinRequest {
  id: string;
  user: { id: string; fullName: string; email: string };
  message: string | null;
  state: JoinRequestState;
  createdAt: string;
}

export interface MyJoinRequest extends JoinRequest {
  organization: { id: string; shortName: string };
  decidedAt: string | null;
}

export interface StatusApplication {
  id: string;
  organizationId: string;
  requestedStatus: OrgStatus;
  state: ApplicationState;
  applicantComment: string | null;
  operatorComment: string | null;
  submittedAt: string;
  decidedAt: string | null;
  version: number;
  waitingDays: number;
}

export interface StatusEvent {
  id: string;
  event: string;
  fromStatus: OrgStatus | null;
  toStatus: OrgStatus | null;
  reason: string | null;
  at: string;
}

export interface StatusOption {
  open: boolean;
  reason: string | null;
}

export interface StatusView {
  status: OrgStatus;
  since: string;
  suspended: boolean;
  reason: string | null;
  openApplication: StatusApplication | null;
  history: StatusEvent[];
  options: Record<string, StatusOption>;
}

export interface Decider {
  id: string;
  fullName: string;
}

export interface QueueItem extends StatusApplication {
  organization: {
    id: string;
    shortName: string;
    type: OrgType;
    regionCode: string | null;
    country: string | null;
    inn: string | null;
    status: OrgStatus;
  };
  decidedBy: Decider | null;
  /** The operator belongs to this organization: another operator decides. */
  mine: boolean;
}

export interface QueueItemDetail extends StatusApplication {
  organization: Organization;
  decidedBy: Decider | null;
  mine: boolean;
  history: StatusEvent[];
}

export interface QueuePage {
  items: QueueItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type Decision = "approve" | "reject" | "return";
