import type { DashboardQuery } from "./analytics.contract.js";

/** The exchanges dashboard: filled by another branch (this placeholder has no tables). */
export const exchangesDashboard: DashboardQuery = async () => [];
