import { hasRole, type Rule, signedIn } from "../../core/policy.js";
import { manager, memberOrStaff } from "../organizations/organizations.policy.js";

/** Policy actions of the participants' KPI reports. */
export const REPORTING_RULES = {
  /** Route-level gate of the participants' routes; the record-level rules below take the membership. */
  "kpi.access": signedIn,
  /** Reads an organization's report: its members and operators. */
  "kpi.read": memberOrStaff,
  /** Fills, saves and submits a report: the organization's owner or admin. */
  "kpi.fill": manager as Rule<never>,
  /** Opens campaigns, moves their due dates, reads the table, exports it, accepts and returns reports. */
  "operator.kpi.manage": hasRole("operator", "admin"),
};
