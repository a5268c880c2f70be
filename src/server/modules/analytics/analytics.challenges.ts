import type { DashboardQuery } from "./analytics.contract.js";

/** The challenges dashboard: filled by another branch (this placeholder has no tables). */
export const challengesDashboard: DashboardQuery = async () => [];
