import multipart from "@fastify/multipart";
import { sendFile } from "../../core/files.js";
import { auditRefusalsOf, routes, uploadHandler } from "../../core/route.js";
import {
  AttachmentParams,
  ConversationParams,
  ConversationSummary,
  ConversationsPage,
  ConversationsQuery,
  ConversationView,
  EditMessageBody,
  Message,
  MessageParams,
  MessagesQuery,
  PostMessageBody,
  SubjectQuery,
  UnreadTotal,
  UploadedFile,
} from "./conversations.contract.js";
import * as svc from "./conversations.service.js";

/** Signed in at the route; whether the user is a party is checked by the service (404 otherwise). */
const action = "conversations.access";
/** Messages one user may post per minute (all conversations together). */
export const MESSAGES_PER_MINUTE = 20;

export const conversationsRoutes = routes(["conversations"], async (r) => {
  // Every record-level refusal (a conversation the user is no party of) is audited.
  auditRefusalsOf(r.app, svc.ConversationRefusal, (err, req) => ({
    action: "conversation.access_refused",
    entity: "conversation",
    entityId: err.conversationId,
    after: { method: req.method, route: req.routeOptions.url },
  }));
  await r.app.register(multipart, {
    limits: { fileSize: svc.CONVERSATION_FILES.maxBytes + 1, files: 1, fields: 2, parts: 3 },
  });

  r.get("/conversations", {
    action,
    summary:
      "My conversations (members of either party; operators for threads with the operator), newest first",
    query: ConversationsQuery,
    response: ConversationsPage,
    handler: (ctx, { query }) => svc.listConversations(ctx, query),
  });

  r.get("/conversations/unread", {
    action,
    summary: "Unread messages in all my conversations",
    response: UnreadTotal,
    handler: (ctx) => svc.unreadTotal(ctx),
  });

  r.get("/conversations/subject", {
    action,
    summary: "The conversation about a subject (e.g. a status application), for its parties",
    query: SubjectQuery,
    response: ConversationSummary,
    handler: (ctx, { query }) => svc.conversationBySubject(ctx, query.kind, query.subjectId),
  });

  r.get("/conversations/:id", {
    action,
    summary: "A conversation with its newest messages (older ones with `before`) and read marks",
    params: ConversationParams,
    query: MessagesQuery,
    response: ConversationView,
    handler: (ctx, { params, query }) => svc.getConversation(ctx, params.id, query),
  });

  r.post("/conversations/:id/messages", {
    action,
    // Each message may notify a whole organization: a person writes a few a minute, not a flood.
    rateLimit: { max: MESSAGES_PER_MINUTE, timeWindow: "1 minute" },
    summary: "Write a message (text and up to 5 files uploaded before)",
    params: ConversationParams,
    body: PostMessageBody,
    response: Message,
    status: 201,
    handler: (ctx, { params, body }) => svc.postMessage(ctx, params.id, body),
  });

  r.patch("/conversations/:id/messages/:messageId", {
    action,
    summary: "Edit my message within 10 minutes of writing it",
    params: MessageParams,
    body: EditMessageBody,
    response: Message,
    handler: (ctx, { params, body }) => svc.editMessage(ctx, params.id, params.messageId, body),
  });

  r.delete("/conversations/:id/messages/:messageId", {
    action,
    summary: "Remove my message within 10 minutes of writing it (the thread shows that it was removed)",
    params: MessageParams,
    status: 204,
    handler: (ctx, { params }) => svc.deleteMessage(ctx, params.id, params.messageId),
  });

  r.post("/conversations/:id/read", {
    action,
    summary: "Mark the conversation read up to now",
    params: ConversationParams,
    status: 204,
    handler: (ctx, { params }) => svc.markRead(ctx, params.id),
  });

  r.post("/conversations/:id/files", {
    action,
    rateLimit: { max: 120, timeWindow: "1 hour" },
    summary:
      "Upload a file to attach to a message: multipart field `file` (PDF, office documents, images, ZIP; up to 20 MB)",
    params: ConversationParams,
    response: UploadedFile,
    status: 201,
    // Who is no party is refused before the upload is read.
    handler: uploadHandler("field.conversation-file", svc.assertReader, svc.uploadFile),
  });

  r.get("/conversations/:id/files/:fileId", {
    action,
    summary: "Download an attachment (the conversation's parties only)",
    params: AttachmentParams,
    handler: async (ctx, req, reply) => {
      const file = await svc.attachment(ctx, req.params.id, req.params.fileId);
      return sendFile(req, reply, ctx.storage, file);
    },
  });
});
