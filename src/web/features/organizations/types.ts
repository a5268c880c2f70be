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
  /** A manager's wish to publish the contacts; public once the contact person agreed. */
  contactsPublic: boolean;
  /** The member whose contacts these are; only they may agree to their publication. */
  contactPersonId: string | null;
  /** When the contact person agreed (null: not agreed). */
  contactsConsentAt: string | null;
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
  contactPersonId?: string | null;
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
  /** The member agreed to be shown on the public page. */
  showPublicly: boolean;
  /** A manager asked the member to agree; no answer yet. */
  publicRequested: boolean;
  joinedAt: string;
}

/** What a member decides about their own appearance on the organization's public page. */
export interface MyPublicConsents {
  version: string;
  publicProfile: {
    shown: boolean;
    requested: boolean;
    requestedBy: string | null;
    fullName: string;
    position: string | null;
  };
  contacts: { shown: boolean; requested: boolean; email: string | null; phone: string | null } | null;
}

/** A participant's or partner's new name waiting for (or decided by) the operator. */
export interface NameChange {
  id: string;
  organizationId: string;
  fullName: string;
  shortName: string;
  previousFullName: string;
  previousShortName: string;
  state: "pending" | "approved" | "rejected" | "cancelled";
  requestedBy: { id: string; fullName: string };
  requestedAt: string;
  decidedBy: { id: string; fullName: string } | null;
  decidedAt: string | null;
  operatorComment: string | null;
  version: number;
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
}

export interface QueueItemDetail extends StatusApplication {
  organization: Organization;
  decidedBy: Decider | null;
  history: StatusEvent[];
}

export interface QueuePage {
  items: QueueItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type Decision = "approve" | "reject" | "return";
