import type { MemberRole } from "../../../shared/organizations.js";
import { type Actor, defineRules, hasRole, type Rule, signedIn } from "../../core/policy.js";

/** What the policy knows about the actor and one organization: their membership role, if any. */
export type OrgAccess = { role: MemberRole | null };

const staff = (a: Actor) => a !== null && (a.role === "operator" || a.role === "admin");
const member: Rule<OrgAccess> = (a, r) => a !== null && (r?.role ?? null) !== null;
const manager: Rule<OrgAccess> = (a, r) => a !== null && (r?.role === "owner" || r?.role === "admin");
const owner: Rule<OrgAccess> = (a, r) => a !== null && r?.role === "owner";

defineRules({
  "org.create": signedIn,
  "org.join": signedIn,
  /**
   * Route-level gate for routes whose record-level rule (org.read, org.update, …) needs the actor's
   * membership: any signed-in user passes here, and the service checks the record with loadOrgFor.
   */
  "org.access": signedIn,
  "org.read": ((a, r: OrgAccess) => member(a, r) || staff(a)) as Rule<never>,
  "org.update": manager as Rule<never>,
  "org.members.read": ((a, r: OrgAccess) => member(a, r) || staff(a)) as Rule<never>,
  "org.members.manage": manager as Rule<never>,
  "org.ownership.transfer": owner as Rule<never>,
  "org.leave": member as Rule<never>,
  "org.status.read": ((a, r: OrgAccess) => member(a, r) || staff(a)) as Rule<never>,
  "org.status.apply": manager as Rule<never>,
  "operator.status.queue": hasRole("operator", "admin"),
  "operator.status.decide": hasRole("operator", "admin"),
  "operator.org.create-city-body": hasRole("operator", "admin"),
});

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
] as const;
