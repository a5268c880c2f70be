import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../../core/context.js";
import { AuditList, AuditQuery } from "./audit.contract.js";
import { listAudit } from "./audit.service.js";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit",
    {
      config: { policy: "audit.read" as const },
      schema: {
        tags: ["audit"],
        summary: "The audit log, newest first, filtered",
        querystring: AuditQuery,
        response: { 200: AuditList },
      },
    },
    async (req) => listAudit(ctxOf(req), req.query),
  );
};
