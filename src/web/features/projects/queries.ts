import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { ProjectsQuery } from "./types";

export const projectKeys = {
  all: ["projects"] as const,
  search: (query: ProjectsQuery) => ["projects", "search", query] as const,
  project: (id: string) => ["projects", "project", id] as const,
  mine: (page: number) => ["projects", "mine", page] as const,
  queue: (page: number) => ["projects", "queue", page] as const,
};

export const projectQueries = {
  search: (query: ProjectsQuery) =>
    queryOptions({
      queryKey: projectKeys.search(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/projects", { params: { query }, signal })),
    }),
  project: (id: string) =>
    queryOptions({
      queryKey: projectKeys.project(id),
      queryFn: ({ signal }) => unwrap(client.GET("/api/projects/{id}", { params: { path: { id } }, signal })),
    }),
  mine: (page: number) =>
    queryOptions({
      queryKey: projectKeys.mine(page),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/projects/mine", { params: { query: { page, pageSize: 20 } }, signal })),
    }),
  queue: (page: number) =>
    queryOptions({
      queryKey: projectKeys.queue(page),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/operator/project-entries", { params: { query: { page, pageSize: 20 } }, signal }),
        ),
    }),
};
