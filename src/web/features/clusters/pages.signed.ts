// The clusters' signed-in pages, one chunk (see routes.tsx).
export { default as ApplicationsPage } from "./ApplicationsPage";
export { EditClusterPage, NewClusterPage } from "./ClusterFormPage";
export { ApplyPanel, MemberPanel } from "./Panels";
