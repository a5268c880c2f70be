import { staff } from "../organizations/organizations.policy.js";

/** Policy actions of analytics (TEMPORARY STUB for the web: replaced by the analytics branch's at merge). */
export const ANALYTICS_RULES = {
  /** Reads the operator's dashboards and exports their tables. */
  "operator.analytics.read": staff,
};
