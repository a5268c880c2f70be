import type { Schemas } from "../../api/types";

export type AnalyticsDashboard = Schemas["AnalyticsDashboard"];
export type AnalyticsTable = Schemas["AnalyticsTable"];
export type AnalyticsColumn = Schemas["AnalyticsColumn"];
