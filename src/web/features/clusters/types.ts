/** Shapes of the clusters API, from the generated contract (src/web/api). */
import type { QueryOf, ResponseOf, Schemas } from "../../api/types";

export type Cluster = Schemas["Cluster"];
export type ClusterCard = Schemas["ClusterCard"];
export type ClusterApplication = Schemas["ClusterApplication"];
export type ClustersPage = ResponseOf<"/api/clusters", "get">;
export type ClustersQuery = QueryOf<"/api/clusters", "get">;
export type ApplicationState = ClusterApplication["state"];
