import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../core/context.js";
import { auditRefusals } from "../organizations/access.js";
import {
  NameChange,
  NameChangeDecisionBody,
  NameChangeQuery,
  NameChangeQueueItem,
  OrgIdParams,
} from "../organizations/organizations.contract.js";
import * as names from "../organizations/organizations.names.js";
import {
  DecisionBody,
  QueueItem,
  QueueItemDetail,
  QueuePage,
  QueueQuery,
  ReasonBody,
  StatusView,
} from "./status.contract.js";
import * as svc from "./status.service.js";

const tags = ["operator"];
const queue = { policy: "operator.status.queue" as const };
const decide = { policy: "operator.status.decide" as const };

export const statusOperatorRoutes: FastifyPluginAsyncZod = async (app) => {
  auditRefusals(app);
  app.get(
    "/operator/status-applications",
    {
      config: queue,
      schema: {
        tags,
        summary: "Status applications, oldest first, with filters and waiting days",
        querystring: QueueQuery,
        response: { 200: QueuePage },
      },
    },
    async (req) => svc.queue(ctxOf(req), req.query),
  );

  app.get(
    "/operator/status-applications/:id",
    {
      config: queue,
      schema: {
        tags,
        summary: "One application with the organization's full profile and status history",
        params: OrgIdParams,
        response: { 200: QueueItemDetail },
      },
    },
    async (req) => svc.queueItem(ctxOf(req), req.params.id),
  );

  app.post(
    "/operator/status-applications/:id/decision",
    {
      config: decide,
      schema: {
        tags,
        summary:
          "Approve, reject (reason required) or return for changes (comment required); 409 application-changed when it is no longer the version seen",
        params: OrgIdParams,
        body: DecisionBody,
        response: { 200: QueueItem },
      },
    },
    async (req) => svc.decide(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/operator/organizations/:id/suspend",
    {
      config: decide,
      schema: {
        tags,
        summary: "Suspend an active participant or partner status, with a reason",
        params: OrgIdParams,
        body: ReasonBody,
        response: { 200: StatusView },
      },
    },
    async (req) => svc.suspend(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/operator/organizations/:id/resume",
    {
      config: decide,
      schema: {
        tags,
        summary: "Resume a suspended status",
        params: OrgIdParams,
        response: { 200: StatusView },
      },
    },
    async (req) => svc.resume(ctxOf(req), req.params.id),
  );

  app.post(
    "/operator/organizations/:id/revoke",
    {
      config: decide,
      schema: {
        tags,
        summary: "Revoke a participant or partner status (back to registered), with a reason",
        params: OrgIdParams,
        body: ReasonBody,
        response: { 200: StatusView },
      },
    },
    async (req) => svc.revoke(ctxOf(req), req.params.id, req.body),
  );

  // ---------- name changes of participants and partners ----------

  app.get(
    "/operator/name-changes",
    {
      config: { policy: "operator.names.queue" as const },
      schema: {
        tags,
        summary: "Name changes of participants and partners waiting for a decision (or decided)",
        querystring: NameChangeQuery,
        response: { 200: z.object({ items: z.array(NameChangeQueueItem) }) },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return { items: await names.nameChangeQueue(ctxOf(req), req.query.state) };
    },
  );

  app.post(
    "/operator/name-changes/:id/decision",
    {
      config: { policy: "operator.names.decide" as const },
      schema: {
        tags,
        summary: "Approve (the organization takes the new name) or reject a name change",
        params: OrgIdParams,
        body: NameChangeDecisionBody,
        response: { 200: NameChange },
      },
    },
    async (req) => names.decideNameChange(ctxOf(req), req.params.id, req.body),
  );
};
