import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { QueryOf } from "../../api/types";

export type AuditQuery = QueryOf<"/api/audit", "get">;

export const auditKeys = {
  all: ["audit"] as const,
  page: (query: AuditQuery) => ["audit", query] as const,
};

export const auditQueries = {
  page: (query: AuditQuery) =>
    queryOptions({
      queryKey: auditKeys.page(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/audit", { params: { query }, signal })),
    }),
};
