import { lazy } from "react";
import { Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";

const NavigatorPage = lazy(() => import("./NavigatorPage"));
const CheckPage = lazy(() => import("./CheckPage"));
const MeasurePage = lazy(() => import("./MeasurePage"));
const SavedPage = lazy(() => import("./SavedPage"));
const OperatorListPage = lazy(() => import("./OperatorListPage"));
const EditorPage = lazy(() => import("./EditorPage"));

// The support-measure navigator (public) and the operator's editor; mounted by App.tsx inside the layout.
export const measureRoutes = (
  <>
    <Route path="measures" element={<NavigatorPage />} />
    <Route path="measures/check" element={<CheckPage />} />
    <Route
      path="measures/saved"
      element={
        <RequireAuth>
          <SavedPage />
        </RequireAuth>
      }
    />
    <Route path="measures/:id" element={<MeasurePage />} />
    <Route
      path="operator/measures"
      element={
        <RequireAuth ability="measures.manage">
          <OperatorListPage />
        </RequireAuth>
      }
    />
    <Route
      path="operator/measures/new"
      element={
        <RequireAuth ability="measures.manage">
          <EditorPage key="new" />
        </RequireAuth>
      }
    />
    <Route
      path="operator/measures/:id"
      element={
        <RequireAuth ability="measures.manage">
          <EditorPage />
        </RequireAuth>
      }
    />
  </>
);
