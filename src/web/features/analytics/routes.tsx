// Routes of the operator's analytics, mounted by MoreRoutes.tsx (not in the entry): one lazy page (its
// chunk holds the charts' library, which no public page loads), behind the operators' ability.
import { lazy } from "react";
import { Route } from "react-router";

const AnalyticsPage = lazy(() => import("./page"));

export const analyticsRoutes = [
  <Route key="operator/analytics" path="operator/analytics/:dashboard?" element={<AnalyticsPage />} />,
];
