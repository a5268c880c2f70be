// Routes of the grants, mounted by MoreRoutes.tsx (not in the entry). The public pages (the programs, a
// program) are one chunk; the signed-in ones (the application form and page, my applications, the
// expert's assigned applications, the operator's queue and the program form, each behind its check: pages.signed.tsx) another, so a guest
// never loads them.
import { type ComponentType, lazy } from "react";
import { Route } from "react-router";

type Pages = Record<string, ComponentType>;
const publicPages = () => import("./publicPages");
const signedPages = () => import("./pages.signed") as Promise<unknown> as Promise<Pages>;

const ROUTES: [path: string, load: () => Promise<Pages>, name: string][] = [
  ["grants", publicPages, "GrantProgramsPage"],
  ["grants/programs/:id", publicPages, "GrantProgramPage"],
  ["grants/programs/new", signedPages, "NewProgramPage"],
  ["grants/programs/:id/edit", signedPages, "EditProgramPage"],
  ["grants/programs/:id/apply", signedPages, "NewApplicationPage"],
  ["grants/applications/:id", signedPages, "ApplicationPage"],
  ["grants/mine", signedPages, "MyGrantsPage"],
  ["grants/queue", signedPages, "GrantQueuePage"],
  ["grants/assigned", signedPages, "AssignedGrantsPage"],
];

export const grantRoutes = ROUTES.map(([path, load, name]) => {
  const Page = lazy(() => load().then((m) => ({ default: m[name]! })));
  return <Route key={path} path={path} element={<Page />} />;
});
