// The participants' KPI reports' pages, one chunk loaded below the cabinet and the desk (their routes
// end in `/*`, so the entry carries no route of its own): /cabinet/reports[/:id] an organization's
// reports (signed in; each report checked by the server), /desk/reports[/:id] the operator's campaigns
// (the desk's route asks for `desk.read`, the operators' ability; the server checks `operator.kpi.manage`).
import { lazy } from "react";
import { Route, Routes } from "react-router";
import CampaignPage from "./CampaignPage";
import CampaignsPage from "./CampaignsPage";
import MyReportsPage from "./MyReportsPage";
import ReportPage from "./ReportPage";

const NotFoundPage = lazy(() => import("../legal/NotFoundPage"));

export function KpiReportRoutes({ side }: { side: "cabinet" | "desk" }) {
  const desk = side === "desk";
  return (
    <Routes>
      <Route path="reports" element={desk ? <CampaignsPage /> : <MyReportsPage />} />
      <Route path="reports/:id" element={desk ? <CampaignPage /> : <ReportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
