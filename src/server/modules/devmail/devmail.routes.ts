import { z } from "zod";
import { IdParams, Page, PageSize } from "../../core/contract.js";
import { notFound } from "../../core/errors.js";
import { getOutboxMail, listOutbox } from "../../core/mail.js";
import { routes } from "../../core/route.js";

const MailSummary = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Development mailbox over the outbox, registered only when DEV_MAILBOX is on (the manifest's
 * `enabled`). Every route names `dev.mail.read`, whose rule sees the request's socket peer.
 */
export const devmailRoutes = routes(["development"], (r) => {
  r.get("/dev/mail", {
    action: "dev.mail.read",
    summary: "Mails the platform sent (development only)",
    query: z.object({ page: Page, pageSize: PageSize }).strict(),
    response: z.object({
      items: z.array(MailSummary),
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
    }),
    handler: async (ctx, { query: { page, pageSize } }) => {
      const { items, total } = await listOutbox(ctx.db, page, pageSize);
      return {
        items: items.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: iso(m.sentAt) })),
        total,
        page,
        pageSize,
      };
    },
  });
  r.get("/dev/mail/:id", {
    action: "dev.mail.read",
    summary: "One mail (development only)",
    params: IdParams,
    response: z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      html: z.string().nullable(),
      createdAt: z.string(),
    }),
    handler: async (ctx, { params }) => {
      const m = await getOutboxMail(ctx.db, params.id);
      if (!m) throw notFound();
      const { id, to, subject, text, html } = m;
      return { id, to, subject, text, html, createdAt: m.createdAt.toISOString() };
    },
  });
});
