import { z } from "zod";
import { routes } from "../../core/route.js";
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

const queue = "operator.status.queue";
const decide = "operator.status.decide";

export const statusOperatorRoutes = routes(["operator"], (r) => {
  auditRefusals(r.app);
  r.get("/operator/status-applications", {
    action: queue,
    summary: "Status applications, oldest first, with filters and waiting days",
    query: QueueQuery,
    response: QueuePage,
    handler: (ctx, { query }) => svc.queue(ctx, query),
  });

  r.get("/operator/status-applications/:id", {
    action: queue,
    summary: "One application with the organization's full profile and status history",
    params: OrgIdParams,
    response: QueueItemDetail,
    handler: (ctx, { params }) => svc.queueItem(ctx, params.id),
  });

  r.post("/operator/status-applications/:id/decision", {
    action: decide,
    summary:
      "Approve, reject (reason required) or return for changes (comment required); 409 application-changed when it is no longer the version seen",
    params: OrgIdParams,
    body: DecisionBody,
    response: QueueItem,
    handler: (ctx, { params, body }) => svc.decide(ctx, params.id, body),
  });

  r.post("/operator/organizations/:id/suspend", {
    action: decide,
    summary: "Suspend an active participant or partner status, with a reason",
    params: OrgIdParams,
    body: ReasonBody,
    response: StatusView,
    handler: (ctx, { params, body }) => svc.suspend(ctx, params.id, body),
  });

  r.post("/operator/organizations/:id/resume", {
    action: decide,
    summary: "Resume a suspended status",
    params: OrgIdParams,
    response: StatusView,
    handler: (ctx, { params }) => svc.resume(ctx, params.id),
  });

  r.post("/operator/organizations/:id/revoke", {
    action: decide,
    summary: "Revoke a participant or partner status (back to registered), with a reason",
    params: OrgIdParams,
    body: ReasonBody,
    response: StatusView,
    handler: (ctx, { params, body }) => svc.revoke(ctx, params.id, body),
  });

  // ---------- name changes of participants and partners ----------

  r.get("/operator/name-changes", {
    action: "operator.names.queue",
    summary: "Name changes of participants and partners waiting for a decision (or decided)",
    query: NameChangeQuery,
    response: z.object({ items: z.array(NameChangeQueueItem) }),
    noStore: true,
    handler: async (ctx, { query }) => ({ items: await names.nameChangeQueue(ctx, query.state) }),
  });

  r.post("/operator/name-changes/:id/decision", {
    action: "operator.names.decide",
    summary: "Approve (the organization takes the new name) or reject a name change",
    params: OrgIdParams,
    body: NameChangeDecisionBody,
    response: NameChange,
    handler: (ctx, { params, body }) => names.decideNameChange(ctx, params.id, body),
  });
});
