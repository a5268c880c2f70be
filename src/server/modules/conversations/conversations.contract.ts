// The conversations module's request/response schemas: the list of a reader's conversations, one
// conversation with its messages and read marks, posting, editing and removing messages, attachments.
import { z } from "zod";
import { SafeLongText } from "../../../shared/text.js";
import { Page, PageSize, Version } from "../../core/contract.js";

// ---------- inputs ----------

export const MESSAGE_MAX = 4000;
export const ATTACHMENTS_MAX = 5;

export const ConversationParams = z.object({ id: z.uuid() });
export const MessageParams = z.object({ id: z.uuid(), messageId: z.uuid() });
export const AttachmentParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const SubjectQuery = z.strictObject({
  kind: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .describe("a subject kind, e.g. status_application"),
  subjectId: z.uuid(),
});

export const ConversationsQuery = z.object({ page: Page, pageSize: PageSize }).strict();
/** The range PostgreSQL's timestamptz and JavaScript's ISO strings share (year 0 and 10000 are refused). */
const EARLIEST = Date.parse("0001-01-01T00:00:00Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

export const MessagesQuery = z
  .object({
    /**
     * The page before the oldest message shown: its createdAt, with `beforeId` its id (messages
     * written at the same instant are told apart by id, so none is skipped at a page boundary).
     */
    before: z.iso
      .datetime({ offset: true })
      .refine(
        (d) => {
          const at = Date.parse(d);
          return at >= EARLIEST && at <= LATEST;
        },
        { error: "field.date" },
      )
      .optional(),
    beforeId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const PostMessageBody = z
  .object({
    body: SafeLongText(MESSAGE_MAX),
    /** Files uploaded with POST /api/conversations/files, attached in this order. */
    fileIds: z.array(z.uuid()).max(ATTACHMENTS_MAX).default([]),
  })
  .strict();
export const EditMessageBody = z
  .object({ body: SafeLongText(MESSAGE_MAX).pipe(z.string().min(1)), version: Version })
  .strict();

// ---------- outputs ----------

const iso = z.string();

export const ConversationParty = z
  .object({
    side: z.enum(["a", "b"]),
    kind: z.enum(["organization", "operator"]),
    /** The organization's id (null for the operator). */
    organizationId: z.uuid().nullable(),
    name: z.string(),
  })
  .meta({ id: "ConversationParty" });

export const ConversationSummary = z
  .object({
    id: z.uuid(),
    subject: z.object({
      kind: z.string(),
      id: z.uuid(),
      /** The kind's label in the reader's language. */
      label: z.string(),
      /** Where the reader sees the subject in the web app. */
      link: z.string(),
    }),
    title: z.string(),
    parties: z.array(ConversationParty),
    /** The side the reader writes for (a member of both writes for "a"). */
    mySide: z.enum(["a", "b"]),
    lastMessageAt: iso,
    lastMessage: z
      .object({
        authorName: z.string(),
        /** The first 140 characters; null for a removed message. */
        preview: z.string().nullable(),
        deleted: z.boolean(),
      })
      .nullable(),
    /** Messages others wrote after the reader last read the conversation. */
    unread: z.number().int(),
  })
  .meta({ id: "ConversationSummary" });

export const ConversationsPage = z
  .object({
    items: z.array(ConversationSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Unread messages in all the reader's conversations (the header's badge). */
    unreadTotal: z.number().int(),
  })
  .meta({ id: "ConversationsPage" });

export const UnreadTotal = z.object({ unread: z.number().int() }).meta({ id: "ConversationsUnread" });

export const Attachment = z
  .object({
    id: z.uuid(),
    name: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    /** The download address (the conversation's readers only). */
    url: z.string(),
  })
  .meta({ id: "ConversationAttachment" });

export const UploadedFile = z
  .object({ id: z.uuid(), name: z.string(), size: z.number().int(), contentType: z.string() })
  .meta({ id: "ConversationUpload" });

export const Message = z
  .object({
    id: z.uuid(),
    side: z.enum(["a", "b"]),
    /** A system message's event (e.g. "status.returned"), shown as what happened; null for a person's. */
    event: z.string().nullable(),
    /** Null once removed (the thread shows "message deleted"). */
    body: z.string().nullable(),
    author: z.object({
      /** Null after erasure, for the platform, and for the operator's people seen by the organization. */
      id: z.uuid().nullable(),
      /** «удалённый пользователь» / "deleted user" after the author's erasure. */
      name: z.string(),
    }),
    createdAt: iso,
    editedAt: iso.nullable(),
    deleted: z.boolean(),
    /** Written by the reader. */
    mine: z.boolean(),
    /** Until when the reader may still edit or remove it (their own message); null otherwise. */
    editableUntil: iso.nullable(),
    version: z.number().int(),
    attachments: z.array(Attachment),
  })
  .meta({ id: "ConversationMessage" });

export const ReadMark = z
  .object({
    /** Null for the operator's people seen by the organization (named «Оператор кластера»). */
    userId: z.uuid().nullable(),
    name: z.string(),
    side: z.enum(["a", "b"]),
    lastReadAt: iso,
  })
  .meta({ id: "ConversationReadMark" });

export const ConversationView = ConversationSummary.extend({
  /** Oldest first; the newest `limit` before `before`. */
  messages: z.array(Message),
  /** Older messages exist (ask again with `before` = the first message's createdAt, `beforeId` = its id). */
  hasMore: z.boolean(),
  /** How far each member of both parties (other than the reader) has read. */
  reads: z.array(ReadMark),
}).meta({ id: "ConversationView" });
