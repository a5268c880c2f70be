import { hasRole, type Rule, signedIn } from "../../core/policy.js";
import type { OrgAccess } from "../organizations/organizations.policy.js";
import { manager, staff } from "../organizations/organizations.policy.js";

/** Policy actions of grant programs and applications. */
export const GRANT_RULES = {
  /** Route-level gate of the signed-in routes; the record-level rules below take the membership. */
  "grants.access": signedIn,
  /** Applies for a grant, edits and submits the application: the organization's owner or admin. */
  "grants.apply": manager as Rule<never>,
  /** Creates and edits grant programs. */
  "operator.grants.manage": hasRole("operator", "admin"),
  /** The operator's queue of applications. */
  "operator.grants.queue": staff,
  /** The completeness check, the commission's decision, the agreement and the payment. */
  "operator.grants.decide": hasRole("operator", "admin"),
  /** The expert review of the items (experts, and operators on their behalf). */
  "grants.review": hasRole("expert", "operator", "admin"),
};
export type GrantAccess = OrgAccess;
