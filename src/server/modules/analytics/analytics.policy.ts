import { staff } from "../organizations/organizations.policy.js";

/** Policy actions of the analytics module: the dashboards and their exports are the operators'. */
export const ANALYTICS_RULES = {
  /** Reads every dashboard and exports its tables (CSV, XLSX). */
  "operator.analytics.read": staff,
};
