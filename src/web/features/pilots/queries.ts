import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { SitesQuery } from "./types";

export const pilotKeys = {
  all: ["pilots"] as const,
  sites: (query: SitesQuery) => ["pilots", "sites", query] as const,
  site: (id: string) => ["pilots", "site", id] as const,
  mine: (page: number) => ["pilots", "mine", page] as const,
  queue: (page: number) => ["pilots", "queue", page] as const,
  pilot: (id: string) => ["pilots", "pilot", id] as const,
};

export const pilotQueries = {
  sites: (query: SitesQuery) =>
    queryOptions({
      queryKey: pilotKeys.sites(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/pilot-sites", { params: { query }, signal })),
    }),
  site: (id: string) =>
    queryOptions({
      queryKey: pilotKeys.site(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/pilot-sites/{id}", { params: { path: { id } }, signal })),
    }),
  mine: (page: number) =>
    queryOptions({
      queryKey: pilotKeys.mine(page),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/pilots", { params: { query: { page, pageSize: 20 } }, signal })),
    }),
  pilot: (id: string) =>
    queryOptions({
      queryKey: pilotKeys.pilot(id),
      queryFn: ({ signal }) => unwrap(client.GET("/api/pilots/{id}", { params: { path: { id } }, signal })),
    }),
};
