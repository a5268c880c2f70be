import type { DashboardQuery } from "./analytics.contract.js";

/** The grants dashboard: filled by another branch (this placeholder has no tables). */
export const grantsDashboard: DashboardQuery = async () => [];
