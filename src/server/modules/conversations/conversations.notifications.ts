import { catalogueNotices } from "../../core/module.js";
import { MESSAGE_NOTIFICATION } from "./conversations.api.js";

/**
 * A new message for the other party's members: e-mail at once by default (their choice). Data: title
 * (the conversation's). Texts: conversations.json.
 */
export const CONVERSATION_NOTIFICATION_DEFS = catalogueNotices({
  [MESSAGE_NOTIFICATION]: { defaultChannel: "email" },
});
