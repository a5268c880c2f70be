// Routes of the operator's status-application queue; mounted through organizations/routes.tsx.
import { lazy } from "react";
import { Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";

const QueuePage = lazy(() => import("./QueuePage"));
const ApplicationPage = lazy(() => import("./ApplicationPage"));
const NameChangesPage = lazy(() => import("./NameChangesPage"));

const QUEUE_ABILITY = "operator.status.queue";

export const operatorRoutes = (
  <>
    <Route
      path="operator/applications"
      element={
        <RequireAuth ability={QUEUE_ABILITY}>
          <QueuePage />
        </RequireAuth>
      }
    />
    <Route
      path="operator/applications/:id"
      element={
        <RequireAuth ability={QUEUE_ABILITY}>
          <ApplicationPage />
        </RequireAuth>
      }
    />
    <Route
      path="operator/name-changes"
      element={
        <RequireAuth ability="operator.names.queue">
          <NameChangesPage />
        </RequireAuth>
      }
    />
  </>
);
