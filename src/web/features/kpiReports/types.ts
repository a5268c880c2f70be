/** Shapes of the KPI reports API, from the generated contract (src/web/api). */
import type { QueryOf, Schemas } from "../../api/types";

export type KpiReport = Schemas["KpiReport"];
export type KpiCampaign = Schemas["KpiCampaign"];
export type KpiReportState = Schemas["KpiReportState"];
export type ReportsQuery = QueryOf<"/api/operator/kpi-campaigns/{id}/reports", "get">;
