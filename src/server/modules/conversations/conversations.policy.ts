import { type Rule, signedIn } from "../../core/policy.js";
import { staff } from "../organizations/organizations.policy.js";

/**
 * What the policy knows about the actor and one conversation: which of its two parties' organizations
 * the actor belongs to, and whether the second party is the cluster's operator.
 */
export type ConversationAccess = { memberOf: readonly ("a" | "b")[]; operatorThread: boolean };

/** The record-level rule: a member of either party, or operators and admins in a thread with the operator. */
const party: Rule<ConversationAccess> = (actor, r) =>
  actor !== null && (r.memberOf.length > 0 || (r.operatorThread && staff(actor, undefined)));

/** Policy actions of conversations; the record-level check runs in the service with the membership. */
export const CONVERSATION_RULES = {
  /** Route-level gate: any signed-in user; the service answers 404 to anyone who is no party. */
  "conversations.access": signedIn,
  /** Reads and writes in one conversation (record-level; a refusal is a 404, audited). */
  "conversations.read": party as Rule<never>,
  /** Reads and writes for the operator in every conversation with the operator. */
  "conversations.operator": staff,
};
