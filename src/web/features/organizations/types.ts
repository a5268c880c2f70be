/** Shapes of the organizations API, from the generated contract (src/web/api). */

import type { DeclaredFlags, EligibilityFlag } from "../../../shared/eligibility";
import type { MemberRole, OrgStatus, OrgType, SmeCategory } from "../../../shared/organizations";
import type { BodyOf, ResponseOf, Schemas } from "../../api/types";

export type { DeclaredFlags, EligibilityFlag, MemberRole, OrgStatus, OrgType, SmeCategory };
export type RequestedStatus = Exclude<OrgStatus, "registered">;

/** What anyone may see. */
export type OrganizationPublic = Schemas["OrganizationPublic"];
/** The full profile, for members and operators. */
export type Organization = Schemas["Organization"];
export type OrganizationView = ResponseOf<"/api/organizations/{id}", "get">;
export type MyOrganizations = ResponseOf<"/api/me/organizations", "get">;

/** The editable profile (POST /organizations; PATCH omits `type` and adds `version`). */
export type OrgProfileInput = BodyOf<"/api/organizations", "post">;
export type UpdateOrgBody = BodyOf<"/api/organizations/{id}", "patch">;

/** What the state register says about an INN (suggested values for the registration form). */
export type RegistryParty = Schemas["RegistryParty"];

export type Member = Schemas["Member"];
export type MemberUpdate = BodyOf<"/api/organizations/{id}/members/{userId}", "patch">;
/** The roles a manager may give (the owner changes only by a transfer). */
export type AssignableRole = NonNullable<MemberUpdate["role"]>;
export type Invitation = Schemas["Invitation"];
export type InvitationState = Invitation["state"];
export type InvitationPreview = ResponseOf<"/api/invitations/{token}", "get">;
export type JoinRequest = Schemas["JoinRequest"];
export type JoinRequestState = JoinRequest["state"];
export type MyJoinRequest = Schemas["MyJoinRequest"];

export type StatusApplication = Schemas["StatusApplication"];
export type ApplicationState = StatusApplication["state"];
export type StatusEvent = Schemas["StatusEvent"];
export type StatusView = ResponseOf<"/api/organizations/{id}/status", "get">;
export type StatusOption = StatusView["options"][string];

export type QueuePage = ResponseOf<"/api/operator/status-applications", "get">;
export type QueueItem = QueuePage["items"][number];
export type QueueItemDetail = ResponseOf<"/api/operator/status-applications/{id}", "get">;
export type Decider = NonNullable<QueueItem["decidedBy"]>;
export type Decision = BodyOf<"/api/operator/status-applications/{id}/decision", "post">["decision"];

export type MyPublicConsents = ResponseOf<"/api/organizations/{id}/consents/mine", "get">;
/** A participant's or partner's new name waiting for (or decided by) the operator. */
export type NameChange = Schemas["NameChange"];
