import type { DashboardQuery } from "./analytics.contract.js";

/** The navigator dashboard: filled by another branch (this placeholder has no tables). */
export const navigatorDashboard: DashboardQuery = async () => [];
