import { hasRole, type Rule, signedIn } from "../../core/policy.js";
import type { OrgAccess } from "../organizations/organizations.policy.js";
import { manager, staff } from "../organizations/organizations.policy.js";

const member: Rule<OrgAccess> = (a, r) => a !== null && (r?.role ?? null) !== null;

/** Policy actions of challenges, their moderation, submissions and expert scoring. */
export const CHALLENGE_RULES = {
  /** Route-level gate of the signed-in routes; the record-level rules below take the membership. */
  "challenges.access": signedIn,
  /** Posts, edits and runs a challenge: the organization's owner or admin, or an operator on its behalf. */
  "challenges.manage": ((a, r: OrgAccess) => manager(a, r) || staff(a, r)) as Rule<never>,
  /** Submits for an organization: any of its members. */
  "challenges.submit": member as Rule<never>,
  /** Teams: any signed-in person; the record-level checks (member, captain) are the service's. */
  "teams.access": signedIn,
  "operator.challenges.queue": staff,
  "operator.challenges.decide": hasRole("operator", "admin"),
};
