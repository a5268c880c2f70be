import { routes } from "../../core/route.js";
import { auditRefusals } from "../organizations/access.js";
import { OrgIdParams, SubIdParams } from "../organizations/organizations.contract.js";
import { ApplyBody, ResubmitBody, StatusApplication, StatusView } from "./status.contract.js";
import * as svc from "./status.service.js";

/**
 * Signed in at the route; the record-level rules (org.status.read for members and staff,
 * org.status.apply for the owner and admins) are checked by the service with the membership.
 */
const action = "org.access";

export const statusRoutes = routes(["organizations"], (r) => {
  auditRefusals(r.app);
  r.get("/organizations/:id/status", {
    action,
    summary: "The organization's status, open application, history and which statuses it may apply for",
    params: OrgIdParams,
    response: StatusView,
    handler: (ctx, { params }) => svc.getStatus(ctx, params.id),
  });

  r.post("/organizations/:id/status-applications", {
    action,
    summary: "Apply for participant or partner status (owner or admin)",
    params: OrgIdParams,
    body: ApplyBody,
    response: StatusApplication,
    status: 201,
    handler: (ctx, { params, body }) => svc.apply(ctx, params.id, body),
  });

  r.post("/organizations/:id/status-applications/:subId/resubmit", {
    action,
    summary: "Send an application returned for changes again (owner or admin)",
    params: SubIdParams,
    body: ResubmitBody,
    response: StatusApplication,
    handler: (ctx, { params, body }) => svc.resubmit(ctx, params.id, params.subId, body),
  });

  r.post("/organizations/:id/status-applications/:subId/withdraw", {
    action,
    summary: "Withdraw an application under review or returned for changes (owner or admin)",
    params: SubIdParams,
    response: StatusApplication,
    handler: (ctx, { params }) => svc.withdraw(ctx, params.id, params.subId),
  });
});
