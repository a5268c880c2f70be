import { hasRole, signedIn } from "../../core/policy.js";

export const PRIVACY_RULES = {
  /** A user's own export and deletion request. */
  "privacy.own": signedIn,
  /** The operator's list of pending erasures. */
  "operator.erasures": hasRole("operator", "admin"),
};
