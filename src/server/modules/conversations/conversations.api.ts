import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { now } from "../../core/clock.js";
import type { Executor } from "../../core/db.js";
import type { ConversationSubjectKind } from "../../core/module.js";
import { publish } from "../../core/realtime.js";
import { activeUserIdsWithRole, usersByIds } from "../accounts/accounts.service.js";
import { markNoticesRead, notify, withUnreadNotice } from "../notifications/notifications.service.js";
import { membersOf } from "../organizations/membership.js";
import {
  conversationAttachments,
  conversationMessages,
  conversationReads,
  conversations,
} from "./conversations.schema.js";

/*
 * What other modules call, inside their own transaction (the conversation, the message, its
 * notifications and its realtime event commit or roll back with the caller's change):
 *
 *   openConversation(tx, { subject: { kind, id }, parties, title })  → the subject's conversation
 *   postSystemMessage(tx, publicUrl, { subject, authorId, side, event, body, silent }) → mails queued
 *   conversationOf(ex, subject)                                        → the conversation, if any
 *
 * A module declares its subject kinds in its manifest (`conversationSubjects`: kind and link; the label is `conversations.subject.<kind>` in the catalogue);
 * who may read a conversation is decided by its two parties alone: the members of each party's
 * organization, and for a party that is the operator, the cluster's operators and admins.
 *
 * Personal data (wired by the export and erasure feature): exportMessagesOf, anonymizeAuthor.
 */

export type Party = { organizationId: string } | { operator: true };
export type Subject = { kind: string; id: string };
export type ConversationRow = typeof conversations.$inferSelect;

/** The realtime topic of conversations: `{ conversationId, a, b, kind }` (ids only). */
export const CONVERSATION_TOPIC = "conversation";
export const MESSAGE_NOTIFICATION = "conversations.message";
const conversationLink = (id: string) => `/messages/${id}`;

/**
 * The reader has seen the conversation (opened it, or wrote in it): their unread message notices of it
 * are read, so the next message notifies them again.
 */
export const noticesSeen = (ex: Executor, conversationId: string, userId: string) =>
  markNoticesRead(ex, userId, MESSAGE_NOTIFICATION, conversationLink(conversationId));

const subjectKinds = new Map<string, ConversationSubjectKind>();

/** Installs subject kinds (the conversations manifest collects every manifest's `conversationSubjects`). */
export function defineConversationSubjects(list: readonly ConversationSubjectKind[]) {
  for (const k of list) {
    const known = subjectKinds.get(k.kind);
    if (known === k) continue;
    if (known) throw new Error(`conversation subject ${k.kind} defined twice`);
    subjectKinds.set(k.kind, k);
  }
}

export function subjectKind(kind: string): ConversationSubjectKind {
  const k = subjectKinds.get(kind);
  if (!k) throw new Error(`unknown conversation subject ${kind}`);
  return k;
}

export const knownSubjectKind = (kind: string) => subjectKinds.has(kind);

/**
 * The subject's conversation, opened if it has none (once per subject, whoever asks first). The first
 * party is an organization; the second another organization or the operator.
 */
export async function openConversation(
  ex: Executor,
  input: { subject: Subject; parties: readonly [{ organizationId: string }, Party]; title: string },
): Promise<ConversationRow> {
  subjectKind(input.subject.kind);
  const [a, b] = input.parties;
  const orgB = "organizationId" in b ? b.organizationId : null;
  if (orgB === a.organizationId) throw new Error("a conversation needs two parties");
  const at = now();
  await ex
    .insert(conversations)
    .values({
      subjectKind: input.subject.kind,
      subjectId: input.subject.id,
      title: input.title,
      orgA: a.organizationId,
      orgB,
      createdAt: at,
      lastMessageAt: at,
    })
    .onConflictDoNothing();
  const row = await conversationOf(ex, input.subject);
  if (!row) throw new Error("conversation not opened");
  return row;
}

export async function conversationOf(ex: Executor, subject: Subject): Promise<ConversationRow | undefined> {
  const [row] = await ex
    .select()
    .from(conversations)
    .where(and(eq(conversations.subjectKind, subject.kind), eq(conversations.subjectId, subject.id)));
  return row;
}

/**
 * Writes a message (a person's or the platform's) with its attachments, moves the conversation up the
 * lists, notifies the other party's members by their preferences and announces it to every app server
 * at commit. Returns the message's id and how many mails were queued.
 */
export async function insertMessage(
  ex: Executor,
  publicUrl: string,
  conv: ConversationRow,
  m: {
    authorId: string | null;
    side: "a" | "b";
    event: string | null;
    body: string;
    fileIds?: readonly string[];
    /** The caller notifies in its own words (a status decision): no message notification. */
    silent?: boolean;
  },
): Promise<{ id: string; mails: number }> {
  const at = now();
  const [row] = await ex
    .insert(conversationMessages)
    .values({
      conversationId: conv.id,
      authorId: m.authorId,
      side: m.side,
      event: m.event,
      body: m.body,
      createdAt: at,
    })
    .returning({ id: conversationMessages.id });
  const id = row!.id;
  if (m.fileIds?.length)
    await ex
      .insert(conversationAttachments)
      .values(m.fileIds.map((fileId, position) => ({ messageId: id, fileId, position })));
  await ex
    .update(conversations)
    .set({ lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(conversations.id, conv.id));
  const mails = m.silent ? 0 : await notifyOtherParty(ex, publicUrl, conv, m.side, m.authorId);
  await announce(ex, conv, "message");
  return { id, mails };
}

/** Tells every app server that something changed in the conversation (at commit). */
export const announce = (ex: Executor, conv: ConversationRow, kind: "message" | "changed" | "read") =>
  publish(ex, CONVERSATION_TOPIC, { conversationId: conv.id, a: conv.orgA, b: conv.orgB, kind });

/**
 * The other party's people: its organization's members, or for the operator the current operators and
 * admins who have written in this conversation (all active operators while none of them has).
 */
async function otherPartyIds(ex: Executor, conv: ConversationRow, side: "a" | "b"): Promise<string[]> {
  if (side === "b") return (await membersOf(ex, conv.orgA)).map((m) => m.userId);
  if (conv.orgB) return (await membersOf(ex, conv.orgB)).map((m) => m.userId);
  // Those who wrote for the operator and still are operators or admins (a role taken away ends it).
  const authors = await ex
    .selectDistinct({ id: conversationMessages.authorId })
    .from(conversationMessages)
    .where(and(eq(conversationMessages.conversationId, conv.id), eq(conversationMessages.side, "b")));
  const people = await usersByIds(
    ex,
    authors.flatMap((a) => (a.id ? [a.id] : [])),
  );
  const writers = [...people.values()].filter(
    (u) => u.active && (u.role === "operator" || u.role === "admin"),
  );
  if (writers.length) return writers.map((w) => w.id);
  return activeUserIdsWithRole(ex, "operator");
}

async function notifyOtherParty(
  ex: Executor,
  publicUrl: string,
  conv: ConversationRow,
  side: "a" | "b",
  authorId: string | null,
) {
  const link = conversationLink(conv.id);
  const ids = (await otherPartyIds(ex, conv, side)).filter((id) => id !== authorId);
  // One unread notice per conversation and person: who has not opened the last one will see the thread.
  const waiting = await withUnreadNotice(ex, MESSAGE_NOTIFICATION, link, ids);
  return notify(ex, publicUrl, {
    userIds: ids.filter((id) => !waiting.has(id)),
    kind: MESSAGE_NOTIFICATION,
    data: { title: conv.title, subject: conv.subjectKind },
    link,
  });
}

/**
 * A message the platform writes into the subject's conversation on behalf of `authorId` (e.g. the
 * operator's "return for changes" comment, event "status.returned"); the conversation must exist
 * (openConversation). Returns how many mails were queued (the caller nudges the outbox after commit).
 */
export async function postSystemMessage(
  ex: Executor,
  publicUrl: string,
  input: {
    subject: Subject;
    authorId: string | null;
    side: "a" | "b";
    event: string;
    body?: string | null;
    /** The caller already notifies the other party of this event in its own words. */
    silent?: boolean;
  },
): Promise<number> {
  const conv = await conversationOf(ex, input.subject);
  if (!conv) throw new Error(`no conversation for ${input.subject.kind} ${input.subject.id}`);
  const { mails } = await insertMessage(ex, publicUrl, conv, {
    authorId: input.authorId,
    side: input.side,
    event: input.event,
    body: input.body ?? "",
    silent: input.silent,
  });
  return mails;
}

// ---------- personal data ----------

/** The messages a user wrote (removed ones without their text), for their own-data export. */
export async function exportMessagesOf(ex: Executor, userId: string) {
  const list = await ex
    .select({
      id: conversationMessages.id,
      conversationId: conversationMessages.conversationId,
      subjectKind: conversations.subjectKind,
      subjectId: conversations.subjectId,
      title: conversations.title,
      event: conversationMessages.event,
      body: conversationMessages.body,
      createdAt: conversationMessages.createdAt,
      editedAt: conversationMessages.editedAt,
      deletedAt: conversationMessages.deletedAt,
    })
    .from(conversationMessages)
    .innerJoin(conversations, eq(conversations.id, conversationMessages.conversationId))
    .where(eq(conversationMessages.authorId, userId))
    .orderBy(asc(conversationMessages.createdAt));
  const files = list.length
    ? await ex
        .select({ messageId: conversationAttachments.messageId, fileId: conversationAttachments.fileId })
        .from(conversationAttachments)
        .where(
          inArray(
            conversationAttachments.messageId,
            list.map((m) => m.id),
          ),
        )
        .orderBy(asc(conversationAttachments.position))
    : [];
  return list.map((m) => ({
    id: m.id,
    conversationId: m.conversationId,
    subject: { kind: m.subjectKind, id: m.subjectId },
    title: m.title,
    event: m.event,
    body: m.deletedAt ? null : m.body,
    createdAt: m.createdAt.toISOString(),
    editedAt: m.editedAt?.toISOString() ?? null,
    deletedAt: m.deletedAt?.toISOString() ?? null,
    fileIds: files.filter((f) => f.messageId === m.id).map((f) => f.fileId),
  }));
}

/**
 * Erasure: the user's messages stay in their conversations (they were written for an organization)
 * but no longer name them: they read as from «удалённый пользователь». Returns how many were changed.
 */
export async function anonymizeAuthor(ex: Executor, userId: string): Promise<number> {
  const changed = await ex
    .update(conversationMessages)
    .set({ authorId: null, authorErased: true })
    .where(eq(conversationMessages.authorId, userId))
    .returning({ id: conversationMessages.id });
  await ex.delete(conversationReads).where(eq(conversationReads.userId, userId));
  return changed.length;
}
