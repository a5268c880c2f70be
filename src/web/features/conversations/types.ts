/** Shapes of the conversations API, from the generated contract (src/web/api). */
import type { ResponseOf, Schemas } from "../../api/types";

export type ConversationSummary = Schemas["ConversationSummary"];
export type ConversationsPage = Schemas["ConversationsPage"];
export type ConversationView = Schemas["ConversationView"];
export type ConversationMessage = Schemas["ConversationMessage"];
export type ConversationAttachment = Schemas["ConversationAttachment"];
export type ReadMark = Schemas["ConversationReadMark"];
export type UnreadTotal = ResponseOf<"/api/conversations/unread", "get">;
