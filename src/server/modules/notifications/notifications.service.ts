import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Locale } from "../../../shared/constants.js";
import { CLUSTER_TIME_ZONE } from "../../core/clock.js";
import { type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Db, type Executor, pageOf, rows } from "../../core/db.js";
import { badRequest, notFound } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { enqueueMail, enqueueMails, type MailRequest } from "../../core/mail.js";
import type { NotificationChannel, NotificationData, NotificationKind } from "../../core/module.js";
import { usersByIds } from "../accounts/accounts.service.js";
import type { NotificationsQuery, SetPreferencesBody } from "./notifications.contract.js";
import { digestRuns, notificationPreferences, notifications } from "./notifications.schema.js";

export type Channel = NotificationChannel;
type Data = NotificationData;

export type { NotificationKind };

const kinds = new Map<string, NotificationKind>();

/** Installs notification kinds: the modules' manifests declare them (the notifications manifest collects them). */
export function defineNotificationKinds(defs: Readonly<Record<string, NotificationKind>>) {
  for (const [k, def] of Object.entries(defs)) {
    if (kinds.has(k)) throw new Error(`notification kind ${k} defined twice`);
    kinds.set(k, def);
  }
}

function render(kind: string, locale: Locale, data: Data) {
  const def = kinds.get(kind);
  return def ? def.render(locale, data) : { title: kind };
}

/**
 * A notice names a person by `actor` (their user id), never by a stored name: the name is looked up
 * when the notice is shown or sent, so a renamed person shows their new name and an erased one the
 * erased-account label, in everyone else's notifications too (152-FZ: nothing of theirs stays behind).
 */
async function withNames(ex: Executor, list: readonly Data[]): Promise<(data: Data, locale: Locale) => Data> {
  const ids = [...new Set(list.flatMap((d) => (typeof d.actor === "string" ? [d.actor] : [])))];
  const people = await usersByIds(ex, ids);
  return (data, locale) => {
    if (typeof data.actor !== "string") return data;
    const person = people.get(data.actor);
    const name = person && !person.erased ? person.fullName : t(locale, "notifications.erased-user");
    return { ...data, name };
  };
}

export type Notice = { userIds: string[]; kind: string; data?: Data; link?: string | null };

/**
 * Notifies users within the caller's transaction, each by their preference for this kind:
 * in-app only, in-app + e-mail at once, in-app + the daily digest, or not at all.
 * Returns how many mails were queued (the caller nudges the dispatcher after its commit).
 */
export async function notify(ex: Executor, publicUrl: string, n: Notice): Promise<number> {
  return notifyAll(ex, publicUrl, [n]);
}

/** Notification rows per statement of `notifyAll` (one JSON parameter, as `enqueueMails` does). */
const NOTIFICATION_INSERT_BATCH = 10_000;

/**
 * `notify` for many notices at once (a fan-out to thousands of users): one query for the preferences
 * and one for the people, then the notifications and mails a few thousand rows per statement.
 */
export async function notifyAll(
  ex: Executor,
  publicUrl: string,
  notices: readonly Notice[],
): Promise<number> {
  const list = notices.map((n) => {
    const def = kinds.get(n.kind);
    if (!def) throw new Error(`unknown notification kind ${n.kind}`);
    return { n, def, ids: [...new Set(n.userIds)] };
  });
  const allIds = [...new Set(list.flatMap((l) => l.ids))];
  if (!allIds.length) return 0;
  const prefs = await ex
    .select()
    .from(notificationPreferences)
    .where(
      and(
        inArray(notificationPreferences.userId, allIds),
        inArray(notificationPreferences.kind, [...new Set(list.map((l) => l.n.kind))]),
      ),
    );
  const channelOf = new Map(prefs.map((p) => [`${p.kind} ${p.userId}`, p.channel as Channel]));
  const people = await usersByIds(ex, allIds);
  const named = await withNames(
    ex,
    list.map((l) => l.n.data ?? {}),
  );
  const rowsOut: { user_id: string; kind: string; data: Data; link: string | null }[] = [];
  const mails: MailRequest[] = [];
  for (const { n, def, ids } of list) {
    const data = n.data ?? {};
    for (const id of ids) {
      const person = people.get(id);
      if (!person?.active) continue;
      const channel = channelOf.get(`${n.kind} ${id}`) ?? def.defaultChannel;
      if (channel === "off") continue;
      rowsOut.push({ user_id: id, kind: n.kind, data, link: n.link ?? null });
      if (channel === "email") {
        const r = def.render(person.locale, named(data, person.locale));
        mails.push({
          to: person.email,
          locale: person.locale,
          template: "notification",
          data: { title: r.title, body: r.body ?? "", url: `${publicUrl}${n.link ?? "/notifications"}` },
        });
      }
    }
  }
  for (let i = 0; i < rowsOut.length; i += NOTIFICATION_INSERT_BATCH)
    await ex.execute(
      sql`insert into notifications (user_id, kind, data, link)
          select * from jsonb_to_recordset(${JSON.stringify(rowsOut.slice(i, i + NOTIFICATION_INSERT_BATCH))}::jsonb)
            as x(user_id uuid, kind text, data jsonb, link text)`,
    );
  await enqueueMails(ex, mails);
  return mails.length;
}

/** Of `userIds`, those who hold an unread notification of this kind and link (another would repeat it). */
export async function withUnreadNotice(
  ex: Executor,
  kind: string,
  link: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const list = await ex
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, [...userIds]),
        eq(notifications.kind, kind),
        eq(notifications.link, link),
        isNull(notifications.readAt),
      ),
    );
  return new Set(list.map((r) => r.userId));
}

/** Marks a user's unread notifications of this kind and link read (they have seen what it points to). */
export async function markNoticesRead(ex: Executor, userId: string, kind: string, link: string) {
  await ex
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.kind, kind),
        eq(notifications.link, link),
        isNull(notifications.readAt),
      ),
    );
}

export async function listNotifications(ctx: Ctx, q: z.infer<typeof NotificationsQuery>) {
  const actor = requireActor(ctx);
  const mine = eq(notifications.userId, actor.id);
  const where = q.unread === "true" ? and(mine, isNull(notifications.readAt)) : mine;
  const [{ items, total }, unread] = await Promise.all([
    pageOf(
      ctx.db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .$dynamic(),
      countRows(ctx.db, notifications, where),
      q,
    ),
    unreadCount(ctx),
  ]);
  const named = await withNames(
    ctx.db,
    items.map((n) => n.data as Data),
  );
  return {
    items: items.map((n) => {
      const r = render(n.kind, ctx.locale, named(n.data as Data, ctx.locale));
      return {
        id: n.id,
        kind: n.kind,
        title: r.title,
        body: r.body ?? null,
        link: n.link,
        createdAt: n.createdAt.toISOString(),
        read: n.readAt !== null,
      };
    }),
    total,
    unread,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function unreadCount(ctx: Ctx) {
  const actor = requireActor(ctx);
  const [r] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

export async function markRead(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
    .returning({ id: notifications.id });
  if (!row) throw notFound();
}

export async function markAllRead(ctx: Ctx) {
  const actor = requireActor(ctx);
  await ctx.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
}

export async function getPreferences(ctx: Ctx) {
  const actor = requireActor(ctx);
  const prefs = await ctx.db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.id));
  const chosen = new Map(prefs.map((p) => [p.kind, p.channel as Channel]));
  return {
    items: [...kinds].map(([kind, def]) => ({
      kind,
      label: def.label[ctx.locale],
      channel: chosen.get(kind) ?? def.defaultChannel,
      defaultChannel: def.defaultChannel,
    })),
  };
}

export async function setPreferences(ctx: Ctx, body: z.infer<typeof SetPreferencesBody>) {
  const actor = requireActor(ctx);
  const unknown = body.items.findIndex((i) => !kinds.has(i.kind));
  if (unknown >= 0) throw badRequest([{ field: `items.${unknown}.kind`, key: "field.invalid" }]);
  await ctx.db.transaction(async (tx) => {
    for (const i of body.items) {
      await tx
        .insert(notificationPreferences)
        .values({ userId: actor.id, kind: i.kind, channel: i.channel })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { channel: i.channel },
        });
    }
  });
  return getPreferences(ctx);
}

/**
 * Sends one digest mail to every user who has notifications waiting for the digest, listing everything
 * since their last digest, at most once per Moscow calendar day and not before 08:00 Moscow time.
 * Safe to run from several servers: each user's digest is claimed by locking their digest_runs row.
 */
/**
 * Sends the digests that are due, 1,000 people at a time in the order of their ids, until none is left
 * or `budgetMs` has passed (the job runs every 10 minutes; a morning with 150,000 digests due — a broad
 * measure told to everyone — takes a few ticks instead of a day).
 */
export async function sendDueDigests(
  db: Db,
  publicUrl: string,
  now: Date = new Date(),
  { budgetMs = 8 * 60_000, pageSize = 1000 } = {},
): Promise<number> {
  const at = now.toISOString();
  const started = Date.now();
  // Kinds whose default channel is the digest count even without a stored preference.
  const byDefault = [...kinds].filter(([, d]) => d.defaultChannel === "digest").map(([k]) => k);
  let after = "00000000-0000-0000-0000-000000000000";
  let sent = 0;
  for (;;) {
    const due = await rows<{ userId: string }>(
      db,
      sql`
      select distinct n.user_id as "userId"
      from ${notifications} n
      left join ${notificationPreferences} p on p.user_id = n.user_id and p.kind = n.kind
      left join ${digestRuns} d on d.user_id = n.user_id
      where n.digested_at is null and n.read_at is null and n.user_id > ${after}::uuid
        and (p.channel = 'digest' or (p.channel is null and n.kind in ${byDefault.length ? byDefault : [""]}))
        and (${at}::timestamptz at time zone ${CLUSTER_TIME_ZONE})::time >= time '08:00'
        and (d.last_sent_at is null
             or (d.last_sent_at at time zone ${CLUSTER_TIME_ZONE})::date < (${at}::timestamptz at time zone ${CLUSTER_TIME_ZONE})::date)
      order by 1
      limit ${pageSize}`,
    );
    if (!due.length) return sent;
    after = due.at(-1)!.userId;
    sent += await sendDigestsTo(
      db,
      publicUrl,
      now,
      due.map((r) => r.userId),
    );
    if (Date.now() - started > budgetMs) return sent;
  }
}

async function sendDigestsTo(db: Db, publicUrl: string, now: Date, userIds: string[]): Promise<number> {
  let sent = 0;
  for (const userId of userIds) {
    const done = await db.transaction(async (tx) => {
      await tx
        .insert(digestRuns)
        .values({ userId, lastSentAt: new Date(0) })
        .onConflictDoNothing();
      const [run] = await tx
        .select()
        .from(digestRuns)
        .where(eq(digestRuns.userId, userId))
        .for("update", { skipLocked: true });
      if (!run) return false;
      const prefs = await tx
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId));
      const chosen = new Map(prefs.map((p) => [p.kind, p.channel as Channel]));
      const pending = await tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.digestedAt),
            isNull(notifications.readAt),
          ),
        )
        .orderBy(notifications.createdAt);
      const list = pending.filter(
        (n) => (chosen.get(n.kind) ?? kinds.get(n.kind)?.defaultChannel) === "digest",
      );
      if (!list.length) return false;
      const person = (await usersByIds(tx, [userId])).get(userId);
      if (!person?.active) return false;
      const named = await withNames(
        tx,
        list.map((n) => n.data as Data),
      );
      await enqueueMail(tx, {
        to: person.email,
        locale: person.locale,
        template: "digest",
        data: {
          count: String(list.length),
          lines: list
            .map((n) => `• ${render(n.kind, person.locale, named(n.data as Data, person.locale)).title}`)
            .join("\n"),
          url: `${publicUrl}/notifications`,
        },
      });
      await tx
        .update(notifications)
        .set({ digestedAt: now })
        .where(
          inArray(
            notifications.id,
            list.map((n) => n.id),
          ),
        );
      await tx.update(digestRuns).set({ lastSentAt: now }).where(eq(digestRuns.userId, userId));
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
