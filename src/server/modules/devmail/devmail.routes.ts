import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, Page, PageSize } from "../../core/contract.js";
import { notFound } from "../../core/errors.js";
import { getOutboxMail, listOutbox } from "../../core/mail.js";

const tags = ["development"];
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
export const devmailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dev/mail",
    {
      config: { policy: "dev.mail.read" as const },
      schema: {
        tags,
        summary: "Mails the platform sent (development only)",
        querystring: z.object({ page: Page, pageSize: PageSize }).strict(),
        response: {
          200: z.object({
            items: z.array(MailSummary),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const { items, total } = await listOutbox(req.server.services.database.db, page, pageSize);
      return {
        items: items.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: iso(m.sentAt) })),
        total,
        page,
        pageSize,
      };
    },
  );
  app.get(
    "/dev/mail/:id",
    {
      config: { policy: "dev.mail.read" as const },
      schema: {
        tags,
        summary: "One mail (development only)",
        params: IdParams,
        response: {
          200: z.object({
            id: z.string(),
            to: z.string(),
            subject: z.string(),
            text: z.string(),
            html: z.string().nullable(),
            createdAt: z.string(),
          }),
        },
      },
    },
    async (req) => {
      const m = await getOutboxMail(req.server.services.database.db, req.params.id);
      if (!m) throw notFound();
      return {
        id: m.id,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        createdAt: m.createdAt.toISOString(),
      };
    },
  );
};
