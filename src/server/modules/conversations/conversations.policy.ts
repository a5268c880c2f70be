import { signedIn } from "../../core/policy.js";
import { staff } from "../organizations/organizations.policy.js";

/** Policy actions of conversations; whether a user is a party of one is checked by the service. */
export const CONVERSATION_RULES = {
  /** Route-level gate: any signed-in user; the service answers 404 to anyone who is no party. */
  "conversations.access": signedIn,
  /** Reads and writes for the operator in every conversation with the operator. */
  "conversations.operator": staff,
};
