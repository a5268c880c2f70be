import { lazy } from "react";
import { Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";

const NotificationsPage = lazy(() => import("./NotificationsPage"));

// Routes of this feature, mounted by App.tsx inside the layout: the signed-in user's notification centre.
export const notificationRoutes = (
  <Route
    path="notifications"
    element={
      <RequireAuth ability="notifications.own">
        <NotificationsPage />
      </RequireAuth>
    }
  />
);
