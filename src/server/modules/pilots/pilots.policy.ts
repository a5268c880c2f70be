import { hasRole, type Rule, signedIn } from "../../core/policy.js";
import type { OrgAccess } from "../organizations/organizations.policy.js";
import { manager, staff } from "../organizations/organizations.policy.js";

const member: Rule<OrgAccess> = (a, r) => a !== null && (r?.role ?? null) !== null;

/**
 * Policy actions of sites and pilots. Record-level sides of a pilot (the company, the site owner, the
 * assigned expert, the operator) are decided by the service with these rules and the move table
 * (src/shared/pilots.ts).
 */
export const PILOT_RULES = {
  /** Route-level gate of the signed-in routes; the record-level rules below take the membership. */
  "pilots.access": signedIn,
  /** Adds and edits a site, and makes the owner's moves: the organization's owner or admin, or an operator. */
  "pilots.sites.manage": ((a, r: OrgAccess) => manager(a, r) || staff(a, r)) as Rule<never>,
  /** Applies for an organization: any of its members. */
  "pilots.apply": member as Rule<never>,
  /** The platform operator's moves (triage, assigning the expert) and reading every pilot. */
  "pilots.operate": hasRole("operator", "admin"),
  /** The operator's queue: applications waiting for the operator (triage or an expert's assignment). */
  "operator.pilots.queue": staff,
};
