import { queryOptions } from "@tanstack/react-query";
import type { GrantState } from "../../../shared/grants";
import { client, unwrap } from "../../api/client";

export const grantKeys = {
  all: ["grants"] as const,
  programs: ["grants", "programs"] as const,
  program: (id: string) => ["grants", "program", id] as const,
  application: (id: string) => ["grants", "application", id] as const,
  mine: (page: number) => ["grants", "mine", page] as const,
  assigned: (page: number) => ["grants", "assigned", page] as const,
  queue: (state: GrantState, page: number) => ["grants", "queue", state, page] as const,
};

export const grantQueries = {
  programs: () =>
    queryOptions({
      queryKey: grantKeys.programs,
      queryFn: ({ signal }) => unwrap(client.GET("/api/grant-programs", { signal })),
    }),
  program: (id: string) =>
    queryOptions({
      queryKey: grantKeys.program(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/grant-programs/{id}", { params: { path: { id } }, signal })),
    }),
  application: (id: string) =>
    queryOptions({
      queryKey: grantKeys.application(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/grant-applications/{id}", { params: { path: { id } }, signal })),
    }),
  mine: (page: number) =>
    queryOptions({
      queryKey: grantKeys.mine(page),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/grant-applications/mine", { params: { query: { page, pageSize: 20 } }, signal }),
        ),
    }),
  assigned: (page: number) =>
    queryOptions({
      queryKey: grantKeys.assigned(page),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/grant-applications/assigned", {
            params: { query: { page, pageSize: 20 } },
            signal,
          }),
        ),
    }),
  queue: (state: GrantState, page: number) =>
    queryOptions({
      queryKey: grantKeys.queue(state, page),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/operator/grant-applications", {
            params: { query: { state, page, pageSize: 20 } },
            signal,
          }),
        ),
    }),
};
