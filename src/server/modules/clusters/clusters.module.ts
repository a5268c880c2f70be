import { defineModule } from "../../core/module.js";
import { clustersSeeder } from "../../seed/clusters.js";
import { CLUSTER_NOTIFICATION_DEFS } from "./clusters.notifications.js";
import { clustersPersonalData } from "./clusters.personal.js";
import { CLUSTER_RULES } from "./clusters.policy.js";
import { clusterRoutes } from "./clusters.routes.js";

/**
 * Inter-industry clusters (src/shared/clusters.ts): the operator creates a cluster and appoints its lead;
 * organizations apply to join, the lead accepts or declines; members leave or are removed; a member's
 * projects are attached to it. Public catalog and page with the named members, projects and totals of
 * confirmed money.
 */
export const clustersModule = defineModule({
  name: "clusters",
  routes: [clusterRoutes],
  rules: CLUSTER_RULES,
  abilities: ["operator.clusters.manage"],
  notificationKinds: CLUSTER_NOTIFICATION_DEFS,
  seed: clustersSeeder,
  personalData: clustersPersonalData,
});
