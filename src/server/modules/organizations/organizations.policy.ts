import type { MemberRole } from "../../../shared/organizations.js";
import { type Action, hasRole, type Rule, signedIn } from "../../core/policy.js";

/** What the policy knows about the actor and one organization: their membership role, if any. */
export type OrgAccess = { role: MemberRole | null };

export const staff = hasRole("operator", "admin");
const member: Rule<OrgAccess> = (a, r) => a !== null && (r?.role ?? null) !== null;
export const manager: Rule<OrgAccess> = (a, r) => a !== null && (r?.role === "owner" || r?.role === "admin");
const owner: Rule<OrgAccess> = (a, r) => a !== null && r?.role === "owner";
/** Members of the organization, and the cluster's operators and admins. */
export const memberOrStaff = ((a, r: OrgAccess) => member(a, r) || staff(a, r)) as Rule<never>;

/** Policy actions of organizations: profiles, members, invitations, join requests, name changes. */
export const ORGANIZATION_RULES = {
  "org.create": signedIn,
  "org.join": signedIn,
  /**
   * Route-level gate for routes whose record-level rule (org.read, org.update, …) needs the actor's
   * membership: any signed-in user passes here, and the service checks the record with loadOrgFor.
   */
  "org.access": signedIn,
  "org.read": memberOrStaff,
  "org.update": manager as Rule<never>,
  "org.members.read": memberOrStaff,
  "org.members.manage": manager as Rule<never>,
  "org.ownership.transfer": owner as Rule<never>,
  "org.leave": member as Rule<never>,
  "operator.names.queue": staff,
  "operator.names.decide": staff,
  "operator.org.create-city-body": staff,
};

/** Per-organization abilities sent with an organization, so the UI hides what would be refused. */
export const ORG_ABILITIES = [
  "org.update",
  "org.members.read",
  "org.members.manage",
  "org.ownership.transfer",
  "org.leave",
  "org.status.read",
  "org.status.apply",
  "operator.status.decide",
  "org.verification.manage",
] as const satisfies readonly Action[];
