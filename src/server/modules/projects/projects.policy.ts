import { hasRole, type Rule, signedIn } from "../../core/policy.js";
import type { OrgAccess } from "../organizations/organizations.policy.js";
import { manager, staff } from "../organizations/organizations.policy.js";

/** Policy actions of projects, their consortia and money entries. */
export const PROJECT_RULES = {
  /** Route-level gate of the signed-in routes; the record-level rules below take the membership. */
  "projects.access": signedIn,
  /** Creates and edits a project, sets its consortium, declares money: the lead's owner or admin, or an operator. */
  "projects.manage": ((a, r: OrgAccess) => manager(a, r) || staff(a, r)) as Rule<never>,
  /** Accepts or declines an invitation for an organization: its owner or admin. */
  "projects.answer": manager as Rule<never>,
  /** The operator's queue of declared money entries. */
  "operator.projects.queue": staff,
  /** Confirms or rejects a declared money entry. */
  "operator.projects.decide": hasRole("operator", "admin"),
};
