// Routes of the member's cabinet and the operator's desk, mounted by App.tsx inside the layout.
import { lazy } from "react";
import { Route } from "react-router";
import { RequireAuth } from "../../components/RequireAuth";
import { addPageTexts } from "../../i18n";

// Their Russian texts come with the pages (not in the entry): each page waits for them.
const CabinetPage = lazy(() =>
  Promise.all([import("./CabinetPage"), addPageTexts("cabinet")]).then(([m]) => m),
);
const DeskPage = lazy(() => Promise.all([import("./DeskPage"), addPageTexts("desk")]).then(([m]) => m));

export const cabinetRoutes = (
  <>
    <Route
      path="cabinet"
      element={
        <RequireAuth>
          <CabinetPage />
        </RequireAuth>
      }
    />
    <Route
      path="desk"
      element={
        <RequireAuth ability="desk.read">
          <DeskPage />
        </RequireAuth>
      }
    />
  </>
);
