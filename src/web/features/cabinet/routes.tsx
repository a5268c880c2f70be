// Routes of the member's cabinet and the operator's desk, mounted by App.tsx inside the layout. Below
// them (`/*`) the participants' KPI reports: /cabinet/reports (an organization's) and /desk/reports (the
// operator's campaigns), a chunk of their own that the pages load (see kpiReports/routes.tsx).
import { lazy } from "react";
import { Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";

const CabinetPage = lazy(() => import("./CabinetPage"));
const DeskPage = lazy(() => import("./DeskPage"));

export const cabinetRoutes = (
  <>
    <Route
      path="cabinet/*"
      element={
        <RequireAuth>
          <CabinetPage />
        </RequireAuth>
      }
    />
    <Route
      path="desk/*"
      element={
        <RequireAuth ability="desk.read">
          <DeskPage />
        </RequireAuth>
      }
    />
  </>
);
