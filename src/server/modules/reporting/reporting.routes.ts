import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import { auditRefusals } from "../organizations/access.js";
import {
  CampaignBody,
  CampaignDueBody,
  DecisionBody,
  ExportQuery,
  FiguresBody,
  KpiCampaign,
  KpiCampaignList,
  KpiReport,
  KpiReportList,
  KpiReportsPage,
  ReportsQuery,
} from "./reporting.contract.js";
import { exportTable } from "./reporting.export.js";
import * as svc from "./reporting.service.js";

/**
 * The participants' routes need a signed-in user and are checked per report by the service (404 to
 * anyone but the organization's members and operators); the operator's routes need the operator role.
 */
const action = "kpi.access";
const manage = "operator.kpi.manage";

export const reportingRoutes = routes(["kpi-reports"], (r) => {
  auditRefusals(r.app);

  r.get("/kpi-reports/mine", {
    action,
    summary: "The KPI reports of the reader's organizations, the latest year first",
    response: KpiReportList,
    handler: (ctx) => svc.myReports(ctx),
  });

  r.get("/kpi-reports/:id", {
    action,
    summary: "A KPI report (its organization's members and operators)",
    params: IdParams,
    response: KpiReport,
    handler: (ctx, { params }) => svc.getReport(ctx, params.id),
  });

  r.put("/kpi-reports/:id", {
    action,
    summary:
      "Save a report's figures as a draft (its organization's owner or admin, while not submitted; a stale version is 409 with the report now)",
    params: IdParams,
    body: FiguresBody,
    response: KpiReport,
    handler: (ctx, { params, body }) => svc.saveDraft(ctx, params.id, body),
  });

  r.post("/kpi-reports/:id/submit", {
    action,
    summary: "Submit a report with every figure: read-only until the operator returns it",
    params: IdParams,
    body: FiguresBody,
    response: KpiReport,
    handler: (ctx, { params, body }) => svc.submitReport(ctx, params.id, body),
  });

  r.get("/operator/kpi-campaigns", {
    action: manage,
    summary: "The reporting campaigns, the latest year first, with their reports counted per state",
    response: KpiCampaignList,
    handler: (ctx) => svc.listCampaigns(ctx),
  });

  r.post("/operator/kpi-campaigns", {
    action: manage,
    summary:
      "Open a reporting campaign for a year with its due moment (Moscow time): every participant organization must report",
    body: CampaignBody,
    response: KpiCampaign,
    status: 201,
    handler: (ctx, { body }) => svc.openCampaign(ctx, body),
  });

  r.get("/operator/kpi-campaigns/:id", {
    action: manage,
    summary: "A reporting campaign with its reports counted per state",
    params: IdParams,
    response: KpiCampaign,
    handler: (ctx, { params }) => svc.getCampaign(ctx, params.id),
  });

  r.patch("/operator/kpi-campaigns/:id", {
    action: manage,
    summary:
      "Move a campaign's due moment (naming the version seen; a stale one is 409 with the campaign now)",
    params: IdParams,
    body: CampaignDueBody,
    response: KpiCampaign,
    handler: (ctx, { params, body }) => svc.moveDue(ctx, params.id, body),
  });

  r.get("/operator/kpi-campaigns/:id/reports", {
    action: manage,
    summary: "A campaign's table: every obliged organization's report, filtered by state and name or INN",
    params: IdParams,
    query: ReportsQuery,
    response: KpiReportsPage,
    handler: (ctx, { params, query }) => svc.reportsTable(ctx, params.id, query),
  });

  r.get("/operator/kpi-campaigns/:id/export", {
    action: manage,
    summary:
      "A campaign's table as CSV (UTF-8 with BOM, ';'-separated, formulas defused) or XLSX, in the reader's language",
    params: IdParams,
    query: ExportQuery,
    handler: async (ctx, { params, query }, reply) => {
      const out = await exportTable(ctx, params.id, query.format, query.state);
      return reply
        .type(out.type)
        .header("content-disposition", `attachment; filename="${out.name}"`)
        .header("cache-control", "no-store")
        .send(out.body);
    },
  });

  r.post("/operator/kpi-reports/:id/decision", {
    action: manage,
    summary:
      "Accept a submitted report, or return it with what is incomplete (the organization fixes and resubmits)",
    params: IdParams,
    body: DecisionBody,
    response: KpiReport,
    handler: (ctx, { params, body }) => svc.decideReport(ctx, params.id, body),
  });
});
