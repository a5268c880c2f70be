import { isLoopback } from "../../core/config.js";
import { defineRules, type Rule } from "../../core/policy.js";

/** Where a request comes from: the socket's peer address (never X-Forwarded-For, which anyone can send). */
export type Peer = { socketAddress: string | undefined };

/**
 * The development mailbox shows live confirmation and reset links, so it is for admins and for this
 * machine's own browser (a loopback socket peer) only; app.ts registers it only when DEV_MAILBOX is on.
 */
const readMailbox: Rule<Peer | undefined> = (actor, peer) =>
  actor?.role === "admin" || isLoopback(peer?.socketAddress);

defineRules({ "dev.mail.read": readMailbox as Rule<never> });
