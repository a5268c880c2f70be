/** Shapes of the cluster-in-numbers API, from the generated contract (src/web/api). */
import type { Schemas } from "../../api/types";

export type ClusterNumbers = Schemas["ClusterNumbers"];
export type NumberSeries = Schemas["NumberSeries"];
