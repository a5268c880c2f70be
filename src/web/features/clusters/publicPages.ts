// The clusters' public pages, one chunk (see routes.tsx; not named pages.public on purpose).
export { default as ClusterPage } from "./ClusterPage";
export { default as ClustersPage } from "./ClustersPage";
