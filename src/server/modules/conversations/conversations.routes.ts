import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { writeAudit } from "../../core/audit.js";
import { ctxOf } from "../../core/context.js";
import { AppError, badRequest } from "../../core/errors.js";
import { sendFile } from "../../core/files.js";
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

const tags = ["conversations"];
/** Signed in at the route; whether the user is a party is checked by the service (404 otherwise). */
const config = { policy: "conversations.access" as const };
/** Messages one user may post per minute (all conversations together). */
export const MESSAGES_PER_MINUTE = 20;

/**
 * Audits every record-level refusal (a conversation the user is no party of) in its own transaction,
 * so the entry stays although the request fails.
 */
function auditConversationRefusals(app: FastifyInstance) {
  app.addHook("onError", async (req, _reply, err) => {
    if (!(err instanceof svc.ConversationRefusal) || !req.actor) return;
    const actor = req.actor;
    try {
      await req.server.services.database.db.transaction((tx) =>
        writeAudit(
          tx,
          { actorId: actor.id, ip: req.ip || null },
          {
            action: "conversation.access_refused",
            entity: "conversation",
            entityId: err.conversationId,
            after: { email: actor.email, method: req.method, route: req.routeOptions.url },
          },
        ),
      );
    } catch (e) {
      req.log.error({ err: e }, "could not audit a refused conversation");
    }
  });
}

export const conversationsRoutes: FastifyPluginAsyncZod = async (app) => {
  auditConversationRefusals(app);
  await app.register(multipart, {
    limits: { fileSize: svc.CONVERSATION_FILES.maxBytes + 1, files: 1, fields: 2, parts: 3 },
  });

  app.get(
    "/conversations",
    {
      config,
      schema: {
        tags,
        summary:
          "My conversations (members of either party; operators for threads with the operator), newest first",
        querystring: ConversationsQuery,
        response: { 200: ConversationsPage },
      },
    },
    async (req) => svc.listConversations(ctxOf(req), req.query),
  );

  app.get(
    "/conversations/unread",
    {
      config,
      schema: { tags, summary: "Unread messages in all my conversations", response: { 200: UnreadTotal } },
    },
    async (req) => svc.unreadTotal(ctxOf(req)),
  );

  app.get(
    "/conversations/subject",
    {
      config,
      schema: {
        tags,
        summary: "The conversation about a subject (e.g. a status application), for its parties",
        querystring: SubjectQuery,
        response: { 200: ConversationSummary },
      },
    },
    async (req) => svc.conversationBySubject(ctxOf(req), req.query.kind, req.query.subjectId),
  );

  app.get(
    "/conversations/:id",
    {
      config,
      schema: {
        tags,
        summary: "A conversation with its newest messages (older ones with `before`) and read marks",
        params: ConversationParams,
        querystring: MessagesQuery,
        response: { 200: ConversationView },
      },
    },
    async (req) => svc.getConversation(ctxOf(req), req.params.id, req.query),
  );

  app.post(
    "/conversations/:id/messages",
    {
      // Each message may notify a whole organization: a person writes a few a minute, not a flood.
      config: { ...config, rateLimit: { max: MESSAGES_PER_MINUTE, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Write a message (text and up to 5 files uploaded before)",
        params: ConversationParams,
        body: PostMessageBody,
        response: { 201: Message },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.postMessage(ctxOf(req), req.params.id, req.body)),
  );

  app.patch(
    "/conversations/:id/messages/:messageId",
    {
      config,
      schema: {
        tags,
        summary: "Edit my message within 10 minutes of writing it",
        params: MessageParams,
        body: EditMessageBody,
        response: { 200: Message },
      },
    },
    async (req) => svc.editMessage(ctxOf(req), req.params.id, req.params.messageId, req.body),
  );

  app.delete(
    "/conversations/:id/messages/:messageId",
    {
      config,
      schema: {
        tags,
        summary: "Remove my message within 10 minutes of writing it (the thread shows that it was removed)",
        params: MessageParams,
      },
    },
    async (req, reply) => {
      await svc.deleteMessage(ctxOf(req), req.params.id, req.params.messageId);
      return reply.code(204).send();
    },
  );

  app.post(
    "/conversations/:id/read",
    {
      config,
      schema: { tags, summary: "Mark the conversation read up to now", params: ConversationParams },
    },
    async (req, reply) => {
      await svc.markRead(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    "/conversations/:id/files",
    {
      config: { ...config, rateLimit: { max: 120, timeWindow: "1 hour" } },
      schema: {
        tags,
        summary:
          "Upload a file to attach to a message: multipart field `file` (PDF, office documents, images, ZIP; up to 20 MB)",
        params: ConversationParams,
        response: { 201: UploadedFile },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      // Who is no party is refused before the upload is read.
      await svc.assertReader(ctx, req.params.id);
      if (!req.isMultipart()) throw new AppError(415, "unsupported-media-type");
      const part = await req.file();
      if (part?.fieldname !== "file") throw badRequest([{ field: "file", key: "field.conversation-file" }]);
      const f = await svc.uploadFile(ctx, req.params.id, { stream: part.file, fileName: part.filename });
      return reply.code(201).send(f);
    },
  );

  app.get(
    "/conversations/:id/files/:fileId",
    {
      config,
      schema: {
        tags,
        summary: "Download an attachment (the conversation's parties only)",
        params: AttachmentParams,
      },
    },
    async (req, reply) => {
      const file = await svc.attachment(ctxOf(req), req.params.id, req.params.fileId);
      return sendFile(req, reply, req.server.services.storage, file);
    },
  );
};
