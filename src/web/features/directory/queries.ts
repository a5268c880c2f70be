import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { QueryOf } from "../../api/types";

export type DirectoryQuery = QueryOf<"/api/directory", "get">;

export const directoryKeys = {
  all: ["directory"] as const,
  search: (query: DirectoryQuery) => ["directory", "search", query] as const,
  organization: (id: string) => ["directory", "organization", id] as const,
};

export const directoryQueries = {
  search: (query: DirectoryQuery) =>
    queryOptions({
      queryKey: directoryKeys.search(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/directory", { params: { query }, signal })),
    }),
  organization: (id: string) =>
    queryOptions({
      queryKey: directoryKeys.organization(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/directory/{id}", { params: { path: { id } }, signal })),
    }),
};
