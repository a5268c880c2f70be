import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { QueryOf } from "../../api/types";

export type ErasuresQuery = QueryOf<"/api/operator/erasures", "get">;

export const privacyKeys = {
  exports: ["privacy", "exports"] as const,
  erasures: ["privacy", "erasures"] as const,
  erasuresPage: (query: ErasuresQuery) => ["privacy", "erasures", query] as const,
};

export const privacyQueries = {
  /** The user's exports; polled while one is being prepared. */
  exports: () =>
    queryOptions({
      queryKey: privacyKeys.exports,
      queryFn: ({ signal }) => unwrap(client.GET("/api/privacy/exports", { signal })),
      refetchInterval: (q) => (q.state.data?.items.some((e) => e.state === "queued") ? 3000 : false),
    }),
  erasures: (query: ErasuresQuery) =>
    queryOptions({
      queryKey: privacyKeys.erasuresPage(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/operator/erasures", { params: { query }, signal })),
    }),
};

/** Where the browser downloads an export (a plain link: the session cookie authorizes it). */
export const exportFileUrl = (id: string) => `/api/privacy/exports/${encodeURIComponent(id)}/file`;
