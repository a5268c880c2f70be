import type { Rule } from "../../core/policy.js";
import { manager, memberOrStaff, staff } from "../organizations/organizations.policy.js";

/** Policy actions of status applications and the operator's decisions. */
export const STATUS_RULES = {
  "org.status.read": memberOrStaff,
  "org.status.apply": manager as Rule<never>,
  "operator.status.queue": staff,
  "operator.status.decide": staff,
};
