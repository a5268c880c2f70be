import { type Rule, signedIn } from "../../core/policy.js";
import { manager, type OrgAccess, staff } from "../organizations/organizations.policy.js";

/** Policy actions of verification and claims: the document is seen by managers and staff. */
export const VERIFICATION_RULES = {
  "org.verification.read": ((a, r: OrgAccess) => manager(a, r) || staff(a, r)) as Rule<never>,
  "org.verification.manage": manager as Rule<never>,
  "org.claim": signedIn,
  "operator.verification.queue": staff,
  "operator.verification.decide": staff,
};
