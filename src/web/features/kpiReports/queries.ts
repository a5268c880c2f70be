import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { ReportsQuery } from "./types";

export const kpiKeys = {
  all: ["kpi"] as const,
  mine: ["kpi", "mine"] as const,
  report: (id: string) => ["kpi", "report", id] as const,
  campaigns: ["kpi", "campaigns"] as const,
  campaign: (id: string) => ["kpi", "campaign", id] as const,
  table: (id: string, query: ReportsQuery) => ["kpi", "table", id, query] as const,
};

export const kpiQueries = {
  mine: () =>
    queryOptions({
      queryKey: kpiKeys.mine,
      queryFn: ({ signal }) => unwrap(client.GET("/api/kpi-reports/mine", { signal })),
    }),
  report: (id: string) =>
    queryOptions({
      queryKey: kpiKeys.report(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/kpi-reports/{id}", { params: { path: { id } }, signal })),
    }),
  campaigns: () =>
    queryOptions({
      queryKey: kpiKeys.campaigns,
      queryFn: ({ signal }) => unwrap(client.GET("/api/operator/kpi-campaigns", { signal })),
    }),
  campaign: (id: string) =>
    queryOptions({
      queryKey: kpiKeys.campaign(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/kpi-campaigns/{id}", { params: { path: { id } }, signal })),
    }),
  table: (id: string, query: ReportsQuery) =>
    queryOptions({
      queryKey: kpiKeys.table(id, query),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/operator/kpi-campaigns/{id}/reports", { params: { path: { id }, query }, signal }),
        ),
    }),
};
