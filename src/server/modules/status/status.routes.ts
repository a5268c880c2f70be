import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../../core/context.js";
import { auditRefusals } from "../organizations/access.js";
import { OrgIdParams, SubIdParams } from "../organizations/organizations.contract.js";
import { ApplyBody, ResubmitBody, StatusApplication, StatusView } from "./status.contract.js";
import * as svc from "./status.service.js";

const tags = ["organizations"];
/**
 * Signed in at the route; the record-level rules (org.status.read for members and staff,
 * org.status.apply for the owner and admins) are checked by the service with the membership.
 */
const config = { policy: "org.access" as const };

export const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  auditRefusals(app);
  app.get(
    "/organizations/:id/status",
    {
      config,
      schema: {
        tags,
        summary: "The organization's status, open application, history and which statuses it may apply for",
        params: OrgIdParams,
        response: { 200: StatusView },
      },
    },
    async (req) => svc.getStatus(ctxOf(req), req.params.id),
  );

  app.post(
    "/organizations/:id/status-applications",
    {
      config,
      schema: {
        tags,
        summary: "Apply for participant or partner status (owner or admin)",
        params: OrgIdParams,
        body: ApplyBody,
        response: { 201: StatusApplication },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.apply(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    "/organizations/:id/status-applications/:subId/resubmit",
    {
      config,
      schema: {
        tags,
        summary: "Send an application returned for changes again (owner or admin)",
        params: SubIdParams,
        body: ResubmitBody,
        response: { 200: StatusApplication },
      },
    },
    async (req) => svc.resubmit(ctxOf(req), req.params.id, req.params.subId, req.body),
  );

  app.post(
    "/organizations/:id/status-applications/:subId/withdraw",
    {
      config,
      schema: {
        tags,
        summary: "Withdraw an application under review or returned for changes (owner or admin)",
        params: SubIdParams,
        response: { 200: StatusApplication },
      },
    },
    async (req) => svc.withdraw(ctxOf(req), req.params.id, req.params.subId),
  );
};
