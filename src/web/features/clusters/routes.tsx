// Routes of the clusters, mounted by App.tsx inside the layout. The public pages (the catalog, a
// cluster's page) are one chunk; the signed-in ones (the operator's form, the lead's applications, the
// apply and membership panels of a cluster's page) another, so a guest never loads them. The public
// chunk is not named pages.public: the entry keeps the preload lists of the budget's public pages only
// (vite.config.ts › signedInPagesPreload), and the clusters' pages are not among them.
import { type LazyRoute, lazyRoutes, type Pages } from "../../components/lazyRoutes";

const publicPages = () => import("./publicPages");
const signedPages = () => import("./pages.signed") as Promise<unknown> as Promise<Pages>;

const ROUTES: LazyRoute[] = [
  ["clusters", publicPages, "ClustersPage"],
  ["clusters/:id", publicPages, "ClusterPage"],
  ["clusters/new", signedPages, "NewClusterPage", { ability: "operator.clusters.manage" }],
  ["clusters/:id/edit", signedPages, "EditClusterPage", { ability: "operator.clusters.manage" }],
  ["clusters/:id/applications", signedPages, "ApplicationsPage", true],
];

export const clusterRoutes = lazyRoutes(ROUTES);
