import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import { VersionBody } from "./grants.contract.js";
import { GrantReports, RefundBody, ReportBody, ReportDecisionBody } from "./grants.reports.contract.js";
import * as svc from "./grants.reports.service.js";

/** A paid grant's yearly reports, closing and the refund; record-level checks in the service (404). */
export const grantReportRoutes = routes(["grants"], async (r) => {
  r.get("/grant-applications/:id/reports", {
    action: "grants.access",
    summary: "The grant's yearly reports: each KPI year's plan, actual figures, due day and state",
    params: IdParams,
    response: GrantReports,
    handler: (ctx, { params }) => svc.listReports(ctx, params.id),
  });

  r.post("/grant-reports/:id/submit", {
    action: "grants.access",
    summary: "Submit a yearly report's actual revenue, jobs and output (the applicant's owner or admin)",
    params: IdParams,
    body: ReportBody,
    response: GrantReports,
    handler: (ctx, { params, body }) => svc.submitReport(ctx, params.id, body),
  });

  r.post("/grant-reports/:id/decision", {
    action: "operator.grants.decide",
    summary: "Accept a submitted yearly report or return it with what to fix",
    params: IdParams,
    body: ReportDecisionBody,
    response: GrantReports,
    handler: (ctx, { params, body }) => svc.decideReport(ctx, params.id, body),
  });

  r.post("/grant-applications/:id/close", {
    action: "operator.grants.decide",
    summary: "Close the grant once every yearly report is accepted",
    params: IdParams,
    body: VersionBody,
    response: GrantReports,
    handler: (ctx, { params, body }) => svc.closeGrant(ctx, params.id, body.version),
  });

  r.post("/grant-applications/:id/refund", {
    action: "operator.grants.decide",
    summary: "Record the refund required when the KPIs were missed (at most the amount paid)",
    params: IdParams,
    body: RefundBody,
    response: GrantReports,
    handler: (ctx, { params, body }) => svc.requireRefund(ctx, params.id, body),
  });
});
