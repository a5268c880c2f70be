import { signedIn } from "../../core/policy.js";
import { staff } from "../organizations/organizations.policy.js";

/** The member's cabinet (anyone signed in: their own data) and the operator's desk. */
export const CABINET_RULES = {
  "cabinet.read": signedIn,
  "desk.read": staff,
};
