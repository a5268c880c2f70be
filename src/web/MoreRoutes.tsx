// The routes of sections the entry does not name, and the 404 page for paths nothing matches: a chunk
// loaded on the first visit to such a path (App.tsx mounts it at "*"). The entry, which every page
// loads, is at its bundle budget: a new section's routes go here, costing the entry nothing.
import { lazy } from "react";
import { Route, Routes } from "react-router";
import { analyticsRoutes } from "./features/analytics/routes";
import { eventRoutes } from "./features/events/routes";
import { grantRoutes } from "./features/grants/routes";
import { ipregistryRoutes } from "./features/ipregistry/routes";
import NotFoundPage from "./features/legal/NotFoundPage";
import { newsRoutes } from "./features/news/routes";

const OpenDataPage = lazy(() => import("./features/opendata/OpenDataPage"));

export default function MoreRoutes() {
  return (
    <Routes>
      {grantRoutes}
      {newsRoutes}
      {eventRoutes}
      {ipregistryRoutes}
      <Route path="open-data" element={<OpenDataPage />} />
      {analyticsRoutes}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
