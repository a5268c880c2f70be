// Routes of the pilot-testing sites and pilots, mounted by App.tsx inside the layout. The public pages
// (the sites' catalog, a site's page) are one chunk; the signed-in ones (applying, my pilots, a pilot,
// the operator's queue) another, so a guest never loads them.
import { type LazyRoute, lazyRoutes } from "../../components/lazyRoutes";

const publicPages = () => import("./pages.public");
const signedPages = () => import("./pages.signed");

const ROUTES: LazyRoute[] = [
  ["pilot-sites", publicPages, "SitesPage"],
  ["pilot-sites/:id", publicPages, "SitePage"],
  ["pilot-sites/:id/apply", signedPages, "ApplyPage", true],
  ["pilots", signedPages, "MyPilotsPage", true],
  ["pilots/:id", signedPages, "PilotPage", true],
  ["operator/pilots", signedPages, "PilotQueuePage", { ability: "operator.pilots.queue" }],
];

export const pilotRoutes = lazyRoutes(ROUTES);
