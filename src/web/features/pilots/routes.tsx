// Routes of the pilot-testing sites and pilots, mounted by App.tsx inside the layout. The public pages
// (the sites' catalog, a site's page) are one chunk; the signed-in ones (applying, my pilots, a pilot,
// the operator's queue) another, so a guest never loads them.
import { type ComponentType, lazy } from "react";
import { Route } from "react-router";
import type { Ability } from "../../api";
import { RequireAuth } from "../../components/RequireAuth";

type Pages = Record<string, ComponentType>;
const publicPages = () => import("./pages.public");
const signedPages = () => import("./pages.signed");

type Page = [path: string, load: () => Promise<Pages>, name: string, signedIn?: true | Ability];
const ROUTES: Page[] = [
  ["pilot-sites", publicPages, "SitesPage"],
  ["pilot-sites/:id", publicPages, "SitePage"],
  ["pilot-sites/:id/apply", signedPages, "ApplyPage", true],
  ["pilots", signedPages, "MyPilotsPage", true],
  ["pilots/:id", signedPages, "PilotPage", true],
  ["operator/pilots", signedPages, "PilotQueuePage", "operator.pilots.queue"],
];

export const pilotRoutes = ROUTES.map(([path, load, name, signedIn]) => {
  const Page = lazy(() => load().then((m) => ({ default: m[name]! })));
  return (
    <Route
      key={path}
      path={path}
      element={
        signedIn ? (
          <RequireAuth ability={signedIn === true ? undefined : signedIn}>
            <Page />
          </RequireAuth>
        ) : (
          <Page />
        )
      }
    />
  );
});
