import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../../core/context.js";
import { IdParams } from "../../core/contract.js";
import { sendFile } from "../../core/files.js";
import { UserEnvelope } from "../accounts/accounts.contract.js";
import { clearSessionCookie, setSessionCookie } from "../accounts/session.js";
import {
  CancelErasureBody,
  DataExport,
  DataExportList,
  ErasureAnswer,
  ErasureBody,
  PendingErasureList,
  PendingErasuresQuery,
} from "./privacy.contract.js";
import * as svc from "./privacy.service.js";

const tags = ["privacy"];

export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/privacy/exports",
    {
      config: { policy: "privacy.own" as const },
      schema: { tags, summary: "My data exports, newest first", response: { 200: DataExportList } },
    },
    async (req) => svc.listExports(ctxOf(req)),
  );

  app.post(
    "/privacy/exports",
    {
      config: { policy: "privacy.own" as const, rateLimit: { max: 10, timeWindow: "1 hour" } },
      schema: {
        tags,
        summary: "Request an export of my data (a zip prepared by a job, announced by a notification)",
        response: { 202: DataExport },
      },
    },
    async (req, reply) => reply.code(202).send(await svc.requestExport(ctxOf(req))),
  );

  app.get(
    "/privacy/exports/:id/file",
    {
      config: { policy: "privacy.own" as const },
      schema: {
        tags,
        summary: "Download my export (only its user; 410 after 7 days)",
        params: IdParams,
      },
    },
    async (req, reply) => {
      const file = await svc.exportFile(ctxOf(req), req.params.id);
      return sendFile(req, reply, req.server.services.storage, file, { cacheControl: "private, no-store" });
    },
  );

  app.post(
    "/privacy/erasure",
    {
      config: { policy: "privacy.own" as const, rateLimit: { max: 10, timeWindow: "1 hour" } },
      schema: {
        tags,
        summary:
          "Ask to delete my account (or withdraw the consent to processing): blocked at once, anonymized after 30 days",
        body: ErasureBody,
        response: { 202: ErasureAnswer },
      },
    },
    async (req, reply) => {
      const answer = await svc.requestErasure(ctxOf(req), req.body);
      clearSessionCookie(reply);
      return reply.code(202).send(answer);
    },
  );

  app.post(
    "/privacy/erasure/cancel",
    {
      config: { policy: "public" as const, rateLimit: { max: 30, timeWindow: "10 minutes" } },
      schema: {
        tags,
        summary: "Cancel my pending deletion by signing in (e-mail and password); sets the session cookie",
        body: CancelErasureBody,
        response: { 200: UserEnvelope },
      },
    },
    async (req, reply) => {
      const { user, token } = await svc.cancelErasure(ctxOf(req), req.body);
      setSessionCookie(reply, token);
      return { user };
    },
  );

  app.get(
    "/operator/erasures",
    {
      config: { policy: "operator.erasures" as const },
      schema: {
        tags,
        summary: "Pending account erasures, soonest first, with the days left",
        querystring: PendingErasuresQuery,
        response: { 200: PendingErasureList },
      },
    },
    async (req) => svc.pendingErasures(ctxOf(req), req.query),
  );
};
