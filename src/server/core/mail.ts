import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Locale } from "../../shared/constants.js";
import { columnsOf } from "./columns.js";
import type { Db, Executor } from "./db.js";
import { countRows, pageOf } from "./db.js";
import { fill, t } from "./i18n.js";
import { mailOutbox } from "./mail.schema.js";

const MAX_ATTEMPTS = 8;

export type Rendered = { subject: string; text: string; html: string };
export type TemplateData = Record<string, string>;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The one layout of every mail: a title, paragraphs, an optional button, the signature. */
export function layout(
  locale: Locale,
  title: string,
  paragraphs: string[],
  action?: { url: string; label: string },
) {
  const sign = t(locale, "mail.signature");
  const text = [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : []), "", "—", sign].join(
    "\n\n",
  );
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;color:#1a1b1e;max-width:560px">
<h1 style="font-size:20px">${esc(title)}</h1>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}
${action ? `<p><a href="${esc(action.url)}" style="background:#1c7ed6;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${esc(action.label)}</a></p><p style="font-size:12px;color:#555">${esc(action.url)}</p>` : ""}
<p style="color:#555">— ${esc(sign)}</p></body></html>`;
  return { subject: title, text, html };
}

/** A mail template: plain data in, the mail in one language out; every value is escaped in the HTML part. */
export type MailTemplate = (l: Locale, d: TemplateData) => Rendered;

/**
 * Mail templates whose texts are in the catalogue (src/locales/<locale>/server/<module>.json):
 * `mail.<name>.subject`, `mail.<name>.body` (one paragraph a line) and `mail.<name>.action` (the button's
 * label, shown when the data has a `url`). Placeholders are the data's fields; a missing one reads as
 * nothing and a paragraph left empty is dropped, so optional data needs no second template.
 */
export function catalogueMails<const N extends string>(...names: N[]): Record<N, MailTemplate> {
  const one =
    (name: string): MailTemplate =>
    (l, d) => {
      const paragraphs = fill(l, `mail.${name}.body`, d)
        .split("\n")
        .map((p) => p.trim())
        .filter(Boolean);
      const action = d.url ? { url: d.url, label: t(l, `mail.${name}.action`) } : undefined;
      return layout(l, fill(l, `mail.${name}.subject`, d), paragraphs, action);
    };
  return Object.fromEntries(names.map((n) => [n, one(n)])) as Record<N, MailTemplate>;
}

/** The templates modules declare in their manifests (core/module.ts installs them). */
const templates = new Map<string, MailTemplate>();

export function defineMailTemplates(defs: Readonly<Record<string, MailTemplate>>) {
  for (const [name, template] of Object.entries(defs)) {
    if (templates.has(name)) throw new Error(`mail template ${name} defined twice`);
    templates.set(name, template);
  }
}

/** The installed templates by name (tests render every one). */
export function mailTemplates(): ReadonlyMap<string, MailTemplate> {
  return templates;
}

/** Renders a mail with an installed template. */
export function renderMail(name: string, locale: Locale, data: TemplateData): Rendered {
  const template = templates.get(name);
  if (!template) throw new Error(`unknown mail template ${name}`);
  return template(locale, data);
}

export type MailRequest = {
  to: string;
  locale: Locale;
  template: string;
  data: TemplateData;
  /** A single-use token in the mail's link: its stored HMAC (`ref`) and expiry, to mask it later. */
  secret?: { token: string; ref: string; expiresAt: Date };
};

/** What a used or expired token becomes in a stored mail. */
export const MASKED_TOKEN = "[used-or-expired]";
/** Sent mail (and mail given up on) is deleted this long after it was written. */
export const MAIL_RETENTION_MS = 30 * 24 * 3600_000;

/** Writes the mail to the outbox in the caller's transaction: it leaves only if the change commits. */
export async function enqueueMail(ex: Executor, m: MailRequest): Promise<void> {
  await enqueueMails(ex, [m]);
}

/** Outbox rows per statement of `enqueueMails` (one JSON parameter of a few megabytes at most). */
const MAIL_INSERT_BATCH = 5000;

/**
 * Writes many mails to the outbox in the caller's transaction (fan-outs): the rows go as one JSON
 * parameter per few thousand (`jsonb_to_recordset`), not as a parameter per value, which would cost
 * more in building the statement than in running it.
 */
export async function enqueueMails(ex: Executor, list: readonly MailRequest[]): Promise<void> {
  for (let i = 0; i < list.length; i += MAIL_INSERT_BATCH) {
    const batch = list.slice(i, i + MAIL_INSERT_BATCH).map((m) => {
      const r = renderMail(m.template, m.locale, m.data);
      return {
        to: m.to,
        subject: r.subject,
        text: r.text,
        html: r.html ?? null,
        template: m.template,
        secret: m.secret?.token ?? null,
        secret_ref: m.secret?.ref ?? null,
        secret_expires_at: m.secret?.expiresAt.toISOString() ?? null,
      };
    });
    await ex.execute(
      sql`insert into mail_outbox ("to", subject, text, html, template, secret, secret_ref, secret_expires_at)
          select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
            as x("to" text, subject text, text text, html text, template text, secret text, secret_ref text,
                 secret_expires_at timestamptz)`,
    );
  }
}

/** Replaces the token in the stored text and HTML of the matching mails; they keep no live link. */
const maskWhere = (ex: Executor, where: ReturnType<typeof and>) =>
  ex
    .update(mailOutbox)
    .set({
      text: sql`replace(${mailOutbox.text}, ${mailOutbox.secret}, ${MASKED_TOKEN})`,
      html: sql`replace(${mailOutbox.html}, ${mailOutbox.secret}, ${MASKED_TOKEN})`,
      secret: null,
      secretRef: null,
      secretExpiresAt: null,
    })
    .where(and(isNotNull(mailOutbox.secret), where));

/** Called when tokens are used or voided (in that transaction): their mails drop them. */
export async function maskMailSecrets(ex: Executor, refs: string[]): Promise<void> {
  if (refs.length) await maskWhere(ex, inArray(mailOutbox.secretRef, refs));
}

/**
 * Mail housekeeping, run by main.ts every 10 minutes (a plain function, so a job queue can take it
 * over): masks the tokens of mails whose token expired, and deletes mail sent — or given up on — more
 * than 30 days before `now`.
 */
export async function cleanUpMail(db: Executor, now = new Date()) {
  await maskWhere(db, lte(mailOutbox.secretExpiresAt, now));
  const cutoff = new Date(now.getTime() - MAIL_RETENTION_MS);
  const gone = await db
    .delete(mailOutbox)
    .where(
      or(
        lt(mailOutbox.sentAt, cutoff),
        and(
          isNull(mailOutbox.sentAt),
          gt(mailOutbox.attempts, MAX_ATTEMPTS),
          lt(mailOutbox.createdAt, cutoff),
        ),
      ),
    )
    .returning({ id: mailOutbox.id });
  return gone.length;
}

export async function listOutbox(db: Db, page: number, pageSize: number) {
  return pageOf(
    db
      .select(columnsOf(mailOutbox, "id", "to", "subject", "createdAt", "sentAt"))
      .from(mailOutbox)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .$dynamic(),
    countRows(db, mailOutbox),
    { page, pageSize },
  );
}

export async function getOutboxMail(db: Db, id: string) {
  const [m] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return m;
}

/**
 * Delivers the outbox over SMTP. Several app servers may run it: rows are claimed with
 * FOR UPDATE SKIP LOCKED, so each mail is sent by one of them. Failures back off exponentially.
 */
export class MailDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly transport: nodemailer.Transporter;

  constructor(
    private readonly db: Db,
    smtpUrl: string,
    private readonly from: string,
    private readonly log: Pick<Logger, "warn" | "error" | "info">,
    private readonly intervalMs = 2000,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  start() {
    const tick = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(tick, this.intervalMs);
    };
    tick();
  }

  /** Sends what is due now (called after a commit that enqueued mail, and periodically). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drain() {
    for (;;) {
      const sent = await this.db
        .transaction(async (tx) => {
          const due = await tx
            .select()
            .from(mailOutbox)
            .where(
              and(
                isNull(mailOutbox.sentAt),
                lte(mailOutbox.nextAttemptAt, sql`now()`),
                lte(mailOutbox.attempts, MAX_ATTEMPTS),
              ),
            )
            .orderBy(asc(mailOutbox.createdAt))
            .limit(10)
            .for("update", { skipLocked: true });
          for (const m of due) {
            try {
              await this.transport.sendMail({
                from: this.from,
                to: m.to,
                subject: m.subject,
                text: m.text,
                html: m.html ?? undefined,
              });
              await tx
                .update(mailOutbox)
                .set({ sentAt: sql`now()`, attempts: m.attempts + 1, lastError: null })
                .where(eq(mailOutbox.id, m.id));
            } catch (err) {
              const delay = Math.min(3600, 15 * 2 ** m.attempts);
              this.log.warn({ err, mailId: m.id }, "mail delivery failed; will retry");
              await tx
                .update(mailOutbox)
                .set({
                  attempts: m.attempts + 1,
                  lastError: String((err as Error).message).slice(0, 500),
                  nextAttemptAt: sql`now() + make_interval(secs => ${delay})`,
                })
                .where(eq(mailOutbox.id, m.id));
            }
          }
          return due.length;
        })
        .catch((err) => {
          this.log.error({ err }, "mail dispatcher failed");
          return 0;
        });
      if (sent < 10 || this.stopped) return;
    }
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }
}
