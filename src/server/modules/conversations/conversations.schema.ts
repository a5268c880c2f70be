import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, primaryId, tz, version } from "../../core/columns.js";
import { files } from "../../core/files.schema.js";
import { organizations } from "../organizations/organizations.schema.js";

/**
 * A thread between two parties about one subject: organization `org_a` and organization `org_b`, or
 * `org_a` and the cluster's operator (`org_b` null). One conversation per subject.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: primaryId(),
    /** A kind some module declared (`conversationSubjects`), e.g. "status_application". */
    subjectKind: text("subject_kind").notNull(),
    subjectId: uuid("subject_id").notNull(),
    /** What the list shows after the subject's label: the applicant's name, an exchange's title. */
    title: text("title").notNull(),
    orgA: parentRef("org_a", () => organizations.id),
    /** The other organization; null when the other party is the cluster's operator. */
    orgB: uuid("org_b").references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    /** The newest message's time (the list is ordered by it); the creation time before any. */
    lastMessageAt: tz("last_message_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conversations_subject_uq").on(t.subjectKind, t.subjectId),
    index("conversations_org_a_idx").on(t.orgA, t.lastMessageAt),
    index("conversations_org_b_idx").on(t.orgB, t.lastMessageAt),
    index("conversations_operator_idx").on(t.lastMessageAt).where(sql`org_b is null`),
  ],
);

/**
 * A message. Never deleted: removing one sets `deleted_at` and empties the body, and the thread shows
 * "message deleted" in its place. `side` is the party the author wrote for ("a" or "b"); a system
 * message (`event`, e.g. "status.returned") is written by the platform on behalf of `author_id`.
 */
export const conversationMessages = pgTable(
  "conversation_messages",
  {
    id: primaryId(),
    conversationId: parentRef("conversation_id", () => conversations.id),
    /** Null for a message of the platform with nobody behind it, and after the author's erasure. */
    authorId: uuid("author_id"),
    /** The author's account was erased: the message reads as from «удалённый пользователь». */
    authorErased: boolean("author_erased").notNull().default(false),
    side: text("side", { enum: ["a", "b"] }).notNull(),
    /** Null for a person's message; a system event's name otherwise. */
    event: text("event"),
    body: text("body").notNull(),
    createdAt: tz("created_at").notNull(),
    editedAt: tz("edited_at"),
    deletedAt: tz("deleted_at"),
    version: version(),
  },
  (t) => [
    index("conversation_messages_thread_idx").on(t.conversationId, t.createdAt),
    index("conversation_messages_author_idx").on(t.authorId),
  ],
);

/** Files attached to a message (core/files.ts, purpose "conversation"), in the order they were given. */
export const conversationAttachments = pgTable(
  "conversation_attachments",
  {
    messageId: parentRef("message_id", () => conversationMessages.id),
    fileId: parentRef("file_id", () => files.id),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.fileId] }),
    index("conversation_attachments_file_idx").on(t.fileId),
  ],
);

/** How far each reader has read a conversation: messages after `last_read_at` are unread for them. */
export const conversationReads = pgTable(
  "conversation_reads",
  {
    conversationId: parentRef("conversation_id", () => conversations.id),
    userId: uuid("user_id").notNull(),
    lastReadAt: tz("last_read_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index("conversation_reads_user_idx").on(t.userId),
  ],
);
