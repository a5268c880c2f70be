// Routes of the projects, mounted by App.tsx inside the layout. The public pages (the catalog, a
// project's page) are one chunk; the signed-in ones (my projects, the form, the operator's queue, the
// managers' panels of a project's page) another, so a guest never loads them.
import { type ComponentType, lazy } from "react";
import { Route } from "react-router";
import type { Ability } from "../../api";
import { RequireAuth } from "../../components/RequireAuth";

type Pages = Record<string, ComponentType>;
const publicPages = () => import("./pages.public");
const signedPages = () => import("./pages.signed") as Promise<unknown> as Promise<Pages>;

type Page = [path: string, load: () => Promise<Pages>, name: string, signedIn?: true | Ability];
const ROUTES: Page[] = [
  ["projects", publicPages, "ProjectsPage"],
  ["projects/:id", publicPages, "ProjectPage"],
  ["projects/mine", signedPages, "MyProjectsPage", true],
  ["projects/new", signedPages, "NewProjectPage", true],
  ["projects/:id/edit", signedPages, "EditProjectPage", true],
  ["projects/queue", signedPages, "EntryQueuePage", "operator.projects.queue"],
];

export const projectRoutes = ROUTES.map(([path, load, name, signedIn]) => {
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
