import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { QueryOf } from "../../api/types";

export type QueueQuery = QueryOf<"/api/operator/status-applications", "get">;
export type NameChangeState = NonNullable<QueryOf<"/api/operator/name-changes", "get">["state"]>;

export const operatorKeys = {
  all: ["operator"] as const,
  queue: (query: QueueQuery) => ["operator", "applications", query] as const,
  application: (id: string) => ["operator", "application", id] as const,
  nameChanges: ["operator", "name-changes"] as const,
  nameChangesIn: (state: NameChangeState) => ["operator", "name-changes", state] as const,
};

export const operatorQueries = {
  queue: (query: QueueQuery) =>
    queryOptions({
      queryKey: operatorKeys.queue(query),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/status-applications", { params: { query }, signal })),
    }),
  application: (id: string) =>
    queryOptions({
      queryKey: operatorKeys.application(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/status-applications/{id}", { params: { path: { id } }, signal })),
    }),
  nameChanges: (state: NameChangeState) =>
    queryOptions({
      queryKey: operatorKeys.nameChangesIn(state),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/name-changes", { params: { query: { state } }, signal })),
    }),
};
