import { hasRole, signedIn } from "../../core/policy.js";

export const MEASURE_RULES = {
  /** Create, edit, publish and archive support measures; see drafts and history. */
  "measures.manage": hasRole("operator", "admin"),
  /** A signed-in user's own favourites and saved searches. */
  "measures.own": signedIn,
};
