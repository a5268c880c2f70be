import { hasRole, signedIn } from "../../core/policy.js";

/** Policy actions of events, their registrations and calendar feeds. */
export const EVENT_RULES = {
  /** Registers, cancels, reads one's registrations and calendar feed; record-level rules in the service. */
  "events.access": signedIn,
  /** Creates, edits, publishes and cancels events; decides on missions' applications. */
  "events.manage": hasRole("operator", "admin"),
  /** The operator's list of events (drafts too). */
  "operator.events": hasRole("operator", "admin"),
};
