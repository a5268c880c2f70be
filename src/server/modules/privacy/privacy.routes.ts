import { IdParams } from "../../core/contract.js";
import { sendFile } from "../../core/files.js";
import { routes } from "../../core/route.js";
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

const own = "privacy.own";
const tenPerHour = { max: 10, timeWindow: "1 hour" };

export const privacyRoutes = routes(["privacy"], (r) => {
  r.get("/privacy/exports", {
    action: own,
    summary: "My data exports, newest first",
    response: DataExportList,
    handler: (ctx) => svc.listExports(ctx),
  });

  r.post("/privacy/exports", {
    action: own,
    rateLimit: tenPerHour,
    summary: "Request an export of my data (a zip prepared by a job, announced by a notification)",
    response: DataExport,
    status: 202,
    handler: (ctx) => svc.requestExport(ctx),
  });

  r.get("/privacy/exports/:id/file", {
    action: own,
    summary: "Download my export (only its user; 410 after 7 days)",
    params: IdParams,
    handler: async (ctx, req, reply) => {
      const file = await svc.exportFile(ctx, req.params.id);
      return sendFile(req, reply, ctx.storage, file, { cacheControl: "private, no-store" });
    },
  });

  r.post("/privacy/erasure", {
    action: own,
    rateLimit: tenPerHour,
    summary:
      "Ask to delete my account (or withdraw the consent to processing): blocked at once, anonymized after 30 days",
    body: ErasureBody,
    response: ErasureAnswer,
    status: 202,
    handler: async (ctx, { body }, reply) => {
      const answer = await svc.requestErasure(ctx, body);
      clearSessionCookie(reply);
      return answer;
    },
  });

  r.post("/privacy/erasure/cancel", {
    action: "public",
    rateLimit: { max: 30, timeWindow: "10 minutes" },
    summary: "Cancel my pending deletion by signing in (e-mail and password); sets the session cookie",
    body: CancelErasureBody,
    response: UserEnvelope,
    handler: async (ctx, { body }, reply) => {
      const { user, token } = await svc.cancelErasure(ctx, body);
      setSessionCookie(reply, token);
      return { user };
    },
  });

  r.get("/operator/erasures", {
    action: "operator.erasures",
    summary: "Pending account erasures, soonest first, with the days left",
    query: PendingErasuresQuery,
    response: PendingErasureList,
    handler: (ctx, { query }) => svc.pendingErasures(ctx, query),
  });
});
