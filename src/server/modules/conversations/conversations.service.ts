import type { Readable } from "node:stream";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { z } from "zod";
import { writeAudit } from "../../core/audit.js";
import { now } from "../../core/clock.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { type Executor, rows } from "../../core/db.js";
import { AppError, badRequest, notFound } from "../../core/errors.js";
import { attachFile, defineFilePurpose, findFile, type StoredFile, storeUpload } from "../../core/files.js";
import { t } from "../../core/i18n.js";
import { type Actor, can } from "../../core/policy.js";
import { usersByIds } from "../accounts/accounts.service.js";
import { memberOrgIds } from "../organizations/access.js";
import {
  announce,
  type ConversationRow,
  insertMessage,
  knownSubjectKind,
  noticesSeen,
  subjectKind,
} from "./conversations.api.js";
import type {
  ConversationSummary,
  ConversationsQuery,
  ConversationView,
  EditMessageBody,
  Message,
  MessagesQuery,
  PostMessageBody,
} from "./conversations.contract.js";
import type { ConversationAccess } from "./conversations.policy.js";
import {
  conversationAttachments,
  conversationMessages,
  conversationReads,
  conversations,
} from "./conversations.schema.js";

/*
 * The use cases of conversations: a reader's list (with unread counts), one conversation, posting,
 * editing within 10 minutes, removing (a marker stays), read marks, attachments. A reader is a member
 * of either party's organization, or, when a party is the operator, an operator or admin; anybody else
 * is told the conversation does not exist (404), and the refusal is audited.
 */

/** A message may be edited or removed by its author this long after it was written (server clock). */
export const EDIT_WINDOW_MS = 10 * 60 * 1000;

/** Attachments: PDF, office documents, pictures and archives of drawings, up to 20 MB each. */
export const CONVERSATION_FILES = defineFilePurpose({
  name: "conversation",
  maxBytes: 20 * 1024 * 1024,
  types: [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/zip",
  ],
  maxPixels: 100_000_000,
});

type Side = "a" | "b";
type Summary = z.infer<typeof ConversationSummary>;
type MessageView = z.infer<typeof Message>;

/** A record-level refusal of a conversation: 404, audited by the routes' hook (auditConversationRefusals). */
export class ConversationRefusal extends AppError {
  constructor(readonly conversationId: string) {
    super(404, "not-found");
  }
}

/** Operators and admins: the readers of every conversation with the operator. */
export const isStaff = (actor: Actor) => can(actor, "conversations.operator");

/**
 * The side the actor reads and writes for: a member of organization a → "a"; of organization b → "b";
 * an operator or admin in a thread with the operator → "b"; anybody else → null.
 */
export async function sideOf(ex: Executor, actor: Actor, conv: ConversationRow): Promise<Side | null> {
  if (!actor) return null;
  const mine = await memberOrgIds(ex, actor.id, conv.orgB ? [conv.orgA, conv.orgB] : [conv.orgA]);
  const access: ConversationAccess = {
    memberOf: [
      ...(mine.has(conv.orgA) ? ["a" as const] : []),
      ...(conv.orgB && mine.has(conv.orgB) ? ["b" as const] : []),
    ],
    operatorThread: conv.orgB === null,
  };
  if (!can(actor, "conversations.read", access)) return null;
  return access.memberOf[0] ?? "b";
}

/** The conversation and the actor's side, or 404 (missing, or not theirs: the same answer). */
async function readable(ex: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = ex.select().from(conversations).where(eq(conversations.id, id));
  const [conv] = opts.forUpdate ? await q.for("update") : await q;
  if (!conv) throw notFound();
  const side = await sideOf(ex, actor, conv);
  if (!side) throw new ConversationRefusal(id);
  return { conv, side };
}

/** A reader's visible conversations, as SQL: their organizations' threads, and operator threads for staff. */
function visibleTo(actor: NonNullable<Actor>) {
  const mine = sql`(select organization_id from memberships where user_id = ${actor.id})`;
  return sql`(c.org_a in ${mine} or c.org_b in ${mine}${isStaff(actor) ? sql` or c.org_b is null` : sql``})`;
}

/** Messages others wrote after the reader's last read, not removed. */
const unreadOf = (userId: string) => sql`(
  select count(*)::int from conversation_messages m
  where m.conversation_id = c.id and m.deleted_at is null and m.author_id is distinct from ${userId}
    and m.created_at > coalesce((select r.last_read_at from conversation_reads r
      where r.conversation_id = c.id and r.user_id = ${userId}), '-infinity'::timestamptz))`;

type ListRow = {
  id: string;
  subject_kind: string;
  subject_id: string;
  title: string;
  org_a: string;
  org_b: string | null;
  a_name: string;
  b_name: string | null;
  last_message_at: Date | string;
  unread: number;
  lm_author: string | null;
  lm_erased: boolean | null;
  lm_side: Side | null;
  lm_body: string | null;
  lm_event: string | null;
  lm_deleted: boolean | null;
};

const LIST_COLUMNS = (userId: string) => sql`
  c.id, c.subject_kind, c.subject_id, c.title, c.org_a, c.org_b, c.last_message_at,
  oa.short_name as a_name, ob.short_name as b_name,
  ${unreadOf(userId)} as unread,
  lm.author_id as lm_author, lm.author_erased as lm_erased, lm.side as lm_side, lm.body as lm_body,
  lm.event as lm_event, (lm.deleted_at is not null) as lm_deleted`;

const LIST_FROM = sql`
  conversations c
  join organizations oa on oa.id = c.org_a
  left join organizations ob on ob.id = c.org_b
  left join lateral (
    select m.* from conversation_messages m where m.conversation_id = c.id
    order by m.created_at desc, m.id desc limit 1
  ) lm on true`;

const iso = (d: Date | string) => new Date(d).toISOString();

async function authorNames(ex: Executor, ids: (string | null)[]) {
  return usersByIds(ex, [...new Set(ids.filter((id): id is string => id !== null))]);
}

/** An operator's person seen by the organization: named «Оператор кластера», their id withheld. */
const operatorMasked = (conv: { orgB: string | null }, readerSide: Side, side: Side) =>
  !conv.orgB && side === "b" && readerSide === "a";

/**
 * How a message's author is named to this reader: «удалённый пользователь» after erasure; an operator
 * writing for the operator side is «Оператор кластера» to the organization (as decisions are).
 */
function authorName(
  ctx: Ctx,
  conv: { orgB: string | null },
  readerSide: Side,
  m: { authorId: string | null; authorErased: boolean; side: Side },
  names: Map<string, { fullName: string }>,
) {
  if (m.authorErased) return t(ctx.locale, "conversations.deleted-user");
  if (operatorMasked(conv, readerSide, m.side)) return t(ctx.locale, "conversations.operator");
  if (!m.authorId) return t(ctx.locale, "conversations.platform");
  return names.get(m.authorId)?.fullName ?? t(ctx.locale, "conversations.deleted-user");
}

function presentSummary(ctx: Ctx, r: ListRow, side: Side, names: Map<string, { fullName: string }>): Summary {
  const kind = knownSubjectKind(r.subject_kind) ? subjectKind(r.subject_kind) : undefined;
  const conv = { orgB: r.org_b };
  const myOrg = side === "a" ? r.org_a : r.org_b;
  return {
    id: r.id,
    subject: {
      kind: r.subject_kind,
      id: r.subject_id,
      label: kind ? t(ctx.locale, `conversations.subject.${kind.kind}`) : r.subject_kind,
      link: kind?.link(r.subject_id, myOrg) ?? `/messages/${r.id}`,
    },
    title: r.title,
    parties: [
      { side: "a", kind: "organization", organizationId: r.org_a, name: r.a_name },
      r.org_b
        ? { side: "b", kind: "organization", organizationId: r.org_b, name: r.b_name ?? "" }
        : {
            side: "b",
            kind: "operator",
            organizationId: null,
            name: t(ctx.locale, "conversations.operator"),
          },
    ],
    mySide: side,
    lastMessageAt: iso(r.last_message_at),
    lastMessage:
      r.lm_side === null
        ? null
        : {
            authorName: authorName(
              ctx,
              conv,
              side,
              { authorId: r.lm_author, authorErased: Boolean(r.lm_erased), side: r.lm_side },
              names,
            ),
            preview: r.lm_deleted
              ? null
              : preview(r.lm_event ? eventText(ctx, r.lm_event, r.lm_body) : (r.lm_body ?? "")),
            deleted: Boolean(r.lm_deleted),
          },
    unread: Number(r.unread),
  };
}

const preview = (s: string) => {
  const v = s.replace(/\s+/g, " ").trim();
  return v.length > 140 ? `${v.slice(0, 139)}…` : v;
};

/** A system message's text: what happened, then the comment. */
const eventText = (ctx: Ctx, event: string, body: string | null) => {
  const what = t(ctx.locale, `conversations.event.${event}`);
  return body ? `${what}: ${body}` : what;
};

/** The reader's side in a row of the list (membership first, then staff for operator threads). */
async function sidesOf(ex: Executor, actor: NonNullable<Actor>, list: ListRow[]) {
  const mine = await memberOrgIds(
    ex,
    actor.id,
    list.flatMap((r) => (r.org_b ? [r.org_a, r.org_b] : [r.org_a])),
  );
  return (r: ListRow): Side => (mine.has(r.org_a) ? "a" : "b");
}

export async function listConversations(ctx: Ctx, q: z.infer<typeof ConversationsQuery>) {
  const actor = requireActor(ctx);
  const where = visibleTo(actor);
  const [list, [total], unreadTotal] = await Promise.all([
    rows<ListRow>(
      ctx.db,
      sql`select ${LIST_COLUMNS(actor.id)} from ${LIST_FROM} where ${where}
          order by c.last_message_at desc, c.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from conversations c where ${where}`),
    unreadTotalOf(ctx.db, actor),
  ]);
  const [side, names] = await Promise.all([
    sidesOf(ctx.db, actor, list),
    authorNames(
      ctx.db,
      list.map((r) => r.lm_author),
    ),
  ]);
  return {
    items: list.map((r) => presentSummary(ctx, r, side(r), names)),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    unreadTotal,
  };
}

async function unreadTotalOf(ex: Executor, actor: NonNullable<Actor>) {
  const [r] = await rows<{ n: number | null }>(
    ex,
    sql`select coalesce(sum(${unreadOf(actor.id)}), 0)::int as n from conversations c where ${visibleTo(actor)}`,
  );
  return Number(r?.n ?? 0);
}

export async function unreadTotal(ctx: Ctx) {
  return { unread: await unreadTotalOf(ctx.db, requireActor(ctx)) };
}

async function summaryOf(ctx: Ctx, ex: Executor, id: string, side: Side): Promise<Summary> {
  const actor = requireActor(ctx);
  const [r] = await rows<ListRow>(
    ex,
    sql`select ${LIST_COLUMNS(actor.id)} from ${LIST_FROM} where c.id = ${id}`,
  );
  if (!r) throw notFound();
  return presentSummary(ctx, r, side, await authorNames(ex, [r.lm_author]));
}

/** The subject's conversation for a reader (404 when it has none, or the reader is no party). */
export async function conversationBySubject(ctx: Ctx, kind: string, subjectId: string) {
  const actor = requireActor(ctx);
  const [conv] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.subjectKind, kind), eq(conversations.subjectId, subjectId)));
  if (!conv) throw notFound();
  const { side } = await readable(ctx.db, actor, conv.id);
  return summaryOf(ctx, ctx.db, conv.id, side);
}

type MessageRow = typeof conversationMessages.$inferSelect;

async function presentMessages(
  ctx: Ctx,
  ex: Executor,
  conv: { id: string; orgB: string | null },
  side: Side,
  list: MessageRow[],
): Promise<MessageView[]> {
  const actor = requireActor(ctx);
  const ids = list.map((m) => m.id);
  const [names, atts] = await Promise.all([
    authorNames(
      ex,
      list.map((m) => m.authorId),
    ),
    ids.length
      ? ex
          .select({
            messageId: conversationAttachments.messageId,
            id: conversationAttachments.fileId,
            position: conversationAttachments.position,
            name: sql<string>`f.original_name`,
            size: sql<number>`f.size`,
            contentType: sql<string>`f.content_type`,
          })
          .from(conversationAttachments)
          .innerJoin(sql`files f`, sql`f.id = ${conversationAttachments.fileId}`)
          .where(inArray(conversationAttachments.messageId, ids))
          .orderBy(asc(conversationAttachments.position))
      : Promise.resolve([]),
  ]);
  const clock = now().getTime();
  return list.map((m) => {
    const mine = m.authorId === actor.id;
    const until = m.createdAt.getTime() + EDIT_WINDOW_MS;
    const deleted = m.deletedAt !== null;
    return {
      id: m.id,
      side: m.side,
      event: m.event,
      body: deleted ? null : m.body,
      author: {
        id: m.authorErased || operatorMasked(conv, side, m.side) ? null : m.authorId,
        name: authorName(ctx, conv, side, m, names),
      },
      createdAt: m.createdAt.toISOString(),
      editedAt: m.editedAt?.toISOString() ?? null,
      deleted,
      mine,
      editableUntil: mine && !deleted && !m.event && until > clock ? new Date(until).toISOString() : null,
      version: m.version,
      attachments: deleted
        ? []
        : atts
            .filter((a) => a.messageId === m.id)
            .map((a) => ({
              id: a.id,
              name: a.name,
              size: Number(a.size),
              contentType: a.contentType,
              url: `/api/conversations/${conv.id}/files/${a.id}`,
            })),
    };
  });
}

export async function getConversation(
  ctx: Ctx,
  id: string,
  q: z.infer<typeof MessagesQuery>,
): Promise<z.infer<typeof ConversationView>> {
  const actor = requireActor(ctx);
  const { conv, side } = await readable(ctx.db, actor, id);
  // Keyset paging on (createdAt, id), the order of the thread: messages sharing the boundary's instant
  // are neither skipped nor repeated.
  const before = q.before ? new Date(q.before) : null;
  const where = !before
    ? eq(conversationMessages.conversationId, id)
    : and(
        eq(conversationMessages.conversationId, id),
        q.beforeId
          ? sql`(${conversationMessages.createdAt}, ${conversationMessages.id}) < (${before.toISOString()}::timestamptz, ${q.beforeId}::uuid)`
          : lt(conversationMessages.createdAt, before),
      );
  const newest = await ctx.db
    .select()
    .from(conversationMessages)
    .where(where)
    .orderBy(desc(conversationMessages.createdAt), desc(conversationMessages.id))
    .limit(q.limit + 1);
  const hasMore = newest.length > q.limit;
  const list = newest.slice(0, q.limit).reverse();
  const [summary, messages, reads] = await Promise.all([
    summaryOf(ctx, ctx.db, id, side),
    presentMessages(ctx, ctx.db, conv, side, list),
    readMarks(ctx, conv, side),
  ]);
  return { ...summary, messages, hasMore, reads };
}

/**
 * Read marks of the other readers: members of either organization (and, in an operator thread,
 * the operators who read it — named «Оператор кластера» to the organization).
 */
async function readMarks(ctx: Ctx, conv: ConversationRow, readerSide: Side) {
  const actor = requireActor(ctx);
  const marks = await rows<{ user_id: string; last_read_at: Date | string; full_name: string; side: Side }>(
    ctx.db,
    sql`select r.user_id, r.last_read_at, u.full_name,
          case when exists (select 1 from memberships ms where ms.user_id = r.user_id and ms.organization_id = ${conv.orgA})
               then 'a' else 'b' end as side
        from conversation_reads r join users u on u.id = r.user_id
        where r.conversation_id = ${conv.id} and r.user_id <> ${actor.id}
        order by r.last_read_at desc limit 50`,
  );
  return marks.map((m) => {
    const masked = operatorMasked(conv, readerSide, m.side);
    return {
      userId: masked ? null : m.user_id,
      name: masked ? t(ctx.locale, "conversations.operator") : m.full_name,
      side: m.side,
      lastReadAt: iso(m.last_read_at),
    };
  });
}

/**
 * Marks the conversation read up to now for the reader (their unread count drops to 0) and their
 * notices of it read. The other readers hear of it only when it passed a message that was unread.
 */
export async function markRead(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const { conv } = await readable(tx, actor, id);
    const at = now();
    const [passed] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from conversation_messages m
          where m.conversation_id = ${id} and m.deleted_at is null and m.author_id is distinct from ${actor.id}
            and m.created_at <= ${at.toISOString()}::timestamptz
            and m.created_at > coalesce((select r.last_read_at from conversation_reads r
              where r.conversation_id = ${id} and r.user_id = ${actor.id}), '-infinity'::timestamptz)`,
    );
    await tx
      .insert(conversationReads)
      .values({ conversationId: id, userId: actor.id, lastReadAt: at })
      .onConflictDoUpdate({
        target: [conversationReads.conversationId, conversationReads.userId],
        set: { lastReadAt: sql`greatest(${conversationReads.lastReadAt}, excluded.last_read_at)` },
      });
    await noticesSeen(tx, id, actor.id);
    if (Number(passed?.n ?? 0) > 0) await announce(tx, conv, "read");
  });
}

/** Checks that the actor may write in the conversation before an upload is read (404 otherwise). */
export async function assertReader(ctx: Ctx, id: string) {
  await readable(ctx.db, requireActor(ctx), id);
}

/** Stores an attachment for a message still to be written (unattached until the message takes it). */
export async function uploadFile(ctx: Ctx, id: string, upload: { stream: Readable; fileName?: string }) {
  const actor = requireActor(ctx);
  await readable(ctx.db, actor, id);
  const f = await storeUpload(ctx.db, ctx.storage, {
    purpose: CONVERSATION_FILES,
    stream: upload.stream,
    fileName: upload.fileName,
    uploadedBy: actor.id,
  });
  return { id: f.id, name: f.originalName, size: f.size, contentType: f.contentType };
}

export async function postMessage(ctx: Ctx, id: string, body: z.infer<typeof PostMessageBody>) {
  const actor = requireActor(ctx);
  const fileIds = [...new Set(body.fileIds)];
  if (!body.body && !fileIds.length) throw badRequest([{ field: "body", key: "field.conversation-empty" }]);
  const { messageId, mails, side } = await ctx.db.transaction(async (tx) => {
    const { conv, side } = await readable(tx, actor, id);
    for (const [i, fileId] of fileIds.entries())
      await attachFile(tx, {
        id: fileId,
        purpose: CONVERSATION_FILES,
        uploadedBy: actor.id,
        field: `fileIds.${i}`,
      });
    const { id: messageId, mails } = await insertMessage(tx, ctx.config.publicUrl, conv, {
      authorId: actor.id,
      side,
      event: null,
      body: body.body,
      fileIds,
    });
    // The writer has read everything up to their own message.
    await tx
      .insert(conversationReads)
      .values({ conversationId: id, userId: actor.id, lastReadAt: now() })
      .onConflictDoUpdate({
        target: [conversationReads.conversationId, conversationReads.userId],
        set: { lastReadAt: sql`excluded.last_read_at` },
      });
    await noticesSeen(tx, id, actor.id);
    await writeAudit(tx, auditCtx(ctx), {
      action: "conversation.message_post",
      entity: "conversation_message",
      entityId: messageId,
      after: { conversationId: id, side, files: fileIds.length, length: body.body.length },
    });
    return { messageId, mails, side };
  });
  if (mails > 0) ctx.mailQueued();
  return messageView(ctx, id, side, messageId);
}

async function messageView(ctx: Ctx, conversationId: string, side: Side, messageId: string) {
  const [conv] = await ctx.db.select().from(conversations).where(eq(conversations.id, conversationId));
  const [m] = await ctx.db.select().from(conversationMessages).where(eq(conversationMessages.id, messageId));
  if (!conv || !m) throw notFound();
  const [view] = await presentMessages(ctx, ctx.db, conv, side, [m]);
  return view!;
}

/**
 * The author's own message within its edit window, locked for the change; another's (or a system
 * message) is 404, a closed window 409 `message-edit-window`.
 */
async function ownMessage(ctx: Ctx, tx: Executor, id: string, messageId: string) {
  const actor = requireActor(ctx);
  const { conv, side } = await readable(tx, actor, id);
  const [m] = await tx
    .select()
    .from(conversationMessages)
    .where(and(eq(conversationMessages.id, messageId), eq(conversationMessages.conversationId, id)))
    .for("update");
  if (!m || m.authorId !== actor.id || m.event || m.deletedAt) throw notFound();
  if (now().getTime() - m.createdAt.getTime() > EDIT_WINDOW_MS)
    throw new AppError(409, "message-edit-window");
  return { conv, side, m };
}

export async function editMessage(
  ctx: Ctx,
  id: string,
  messageId: string,
  body: z.infer<typeof EditMessageBody>,
) {
  const side = await ctx.db.transaction(async (tx) => {
    const { conv, side, m } = await ownMessage(ctx, tx, id, messageId);
    if (m.version !== body.version) throw new AppError(409, "message-changed");
    await tx
      .update(conversationMessages)
      .set({ body: body.body, editedAt: now(), version: m.version + 1 })
      .where(eq(conversationMessages.id, messageId));
    await writeAudit(tx, auditCtx(ctx), {
      action: "conversation.message_edit",
      entity: "conversation_message",
      entityId: messageId,
      before: { body: m.body },
      after: { body: body.body },
    });
    await announce(tx, conv, "changed");
    return side;
  });
  return messageView(ctx, id, side, messageId);
}

/**
 * Removes the author's message within its window: the text and attachments are no longer shown, the
 * thread keeps "message deleted" in its place (the row stays; the audit log keeps what it said).
 */
export async function deleteMessage(ctx: Ctx, id: string, messageId: string) {
  await ctx.db.transaction(async (tx) => {
    const { conv, m } = await ownMessage(ctx, tx, id, messageId);
    await tx
      .update(conversationMessages)
      .set({ deletedAt: now(), body: "", version: m.version + 1 })
      .where(eq(conversationMessages.id, messageId));
    await writeAudit(tx, auditCtx(ctx), {
      action: "conversation.message_delete",
      entity: "conversation_message",
      entityId: messageId,
      before: { body: m.body },
    });
    await announce(tx, conv, "changed");
  });
}

/** An attachment of a message (not removed) in a conversation the actor reads; else 404. */
export async function attachment(ctx: Ctx, id: string, fileId: string): Promise<StoredFile> {
  const actor = requireActor(ctx);
  await readable(ctx.db, actor, id);
  const [att] = await ctx.db
    .select({ fileId: conversationAttachments.fileId })
    .from(conversationAttachments)
    .innerJoin(conversationMessages, eq(conversationMessages.id, conversationAttachments.messageId))
    .where(
      and(
        eq(conversationAttachments.fileId, fileId),
        eq(conversationMessages.conversationId, id),
        sql`${conversationMessages.deletedAt} is null`,
      ),
    );
  const file = att ? await findFile(ctx.db, att.fileId) : undefined;
  if (!file) throw notFound();
  return file;
}

/** The organizations a user belongs to (the event stream's first filter; confirmed per event). */
export async function organizationsOf(ex: Executor, userId: string): Promise<Set<string>> {
  const list = await rows<{ id: string }>(
    ex,
    sql`select organization_id as id from memberships where user_id = ${userId}`,
  );
  return new Set(list.map((r) => r.id));
}
