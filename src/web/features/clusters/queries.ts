import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { ApplicationState, ClustersQuery } from "./types";

export const clusterKeys = {
  all: ["clusters"] as const,
  search: (query: ClustersQuery) => ["clusters", "search", query] as const,
  cluster: (id: string) => ["clusters", "cluster", id] as const,
  applications: (id: string, state: ApplicationState, page: number) =>
    ["clusters", "applications", id, state, page] as const,
  ofOrganization: (id: string) => ["clusters", "organization", id] as const,
};

export const clusterQueries = {
  search: (query: ClustersQuery) =>
    queryOptions({
      queryKey: clusterKeys.search(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/clusters", { params: { query }, signal })),
    }),
  cluster: (id: string) =>
    queryOptions({
      queryKey: clusterKeys.cluster(id),
      queryFn: ({ signal }) => unwrap(client.GET("/api/clusters/{id}", { params: { path: { id } }, signal })),
    }),
  applications: (id: string, state: ApplicationState, page: number) =>
    queryOptions({
      queryKey: clusterKeys.applications(id, state, page),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/clusters/{id}/applications", {
            params: { path: { id }, query: { state, page, pageSize: 20 } },
            signal,
          }),
        ),
    }),
  ofOrganization: (id: string) =>
    queryOptions({
      queryKey: clusterKeys.ofOrganization(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/organizations/{id}/clusters", { params: { path: { id } }, signal })),
    }),
};
