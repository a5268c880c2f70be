import { isLoopback } from "../../core/config.js";
import type { Rule } from "../../core/policy.js";

/**
 * The development mailbox shows live confirmation and reset links, so it is for admins and for this
 * machine's own browser: a request whose *socket* peer is a loopback address (never X-Forwarded-For,
 * which anyone can send). The route-level check and /api/me pass the request's facts to the rule.
 */
const readMailbox: Rule = (actor, _resource, request) =>
  actor?.role === "admin" || isLoopback(request?.socketAddress);

export const DEVMAIL_RULES = { "dev.mail.read": readMailbox as Rule<never> };
