import type { DashboardQuery } from "./analytics.contract.js";

/** The events dashboard: filled by another branch (this placeholder has no tables). */
export const eventsDashboard: DashboardQuery = async () => [];
