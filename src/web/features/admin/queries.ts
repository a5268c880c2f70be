import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { QueryOf } from "../../api/types";

export type UsersQuery = QueryOf<"/api/admin/users", "get">;

export const adminKeys = {
  users: ["admin", "users"] as const,
  usersPage: (query: UsersQuery) => ["admin", "users", query] as const,
  jobs: ["admin", "jobs"] as const,
};

export const adminQueries = {
  users: (query: UsersQuery) =>
    queryOptions({
      queryKey: adminKeys.usersPage(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/admin/users", { params: { query }, signal })),
    }),
  jobs: () =>
    queryOptions({
      queryKey: adminKeys.jobs,
      queryFn: ({ signal }) => unwrap(client.GET("/api/admin/jobs", { signal })),
      refetchInterval: 10_000,
    }),
};
