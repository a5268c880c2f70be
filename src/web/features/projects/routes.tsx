// Routes of the projects, mounted by App.tsx inside the layout. The public pages (the catalog, a
// project's page) are one chunk; the signed-in ones (my projects, the form, the operator's queue, the
// managers' panels of a project's page) another, so a guest never loads them.
import { type LazyRoute, lazyRoutes, type Pages } from "../../components/lazyRoutes";

const publicPages = () => import("./pages.public");
const signedPages = () => import("./pages.signed") as Promise<unknown> as Promise<Pages>;

const ROUTES: LazyRoute[] = [
  ["projects", publicPages, "ProjectsPage"],
  ["projects/:id", publicPages, "ProjectPage"],
  ["projects/mine", signedPages, "MyProjectsPage", true],
  ["projects/new", signedPages, "NewProjectPage", true],
  ["projects/:id/edit", signedPages, "EditProjectPage", true],
  ["projects/queue", signedPages, "EntryQueuePage", { ability: "operator.projects.queue" }],
];

export const projectRoutes = lazyRoutes(ROUTES);
