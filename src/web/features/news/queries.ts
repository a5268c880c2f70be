import { queryOptions } from "@tanstack/react-query";
import type { NewsState } from "../../../shared/news";
import { client, unwrap } from "../../api/client";

export const newsKeys = {
  all: ["news"] as const,
  list: (q: string, tag: string, page: number) => ["news", "list", q, tag, page] as const,
  article: (ref: string) => ["news", "article", ref] as const,
  manage: (state: NewsState | "", page: number) => ["news", "manage", state, page] as const,
};

export const newsQueries = {
  list: (q: string, tag: string, page: number) =>
    queryOptions({
      queryKey: newsKeys.list(q, tag, page),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/news", {
            params: { query: { ...(q && { q }), ...(tag && { tag }), page, pageSize: 12 } },
            signal,
          }),
        ),
    }),
  article: (ref: string) =>
    queryOptions({
      queryKey: newsKeys.article(ref),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/news/{id}", { params: { path: { id: ref } }, signal })),
    }),
  manage: (state: NewsState | "", page: number) =>
    queryOptions({
      queryKey: newsKeys.manage(state, page),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/operator/news", {
            params: { query: { ...(state && { state }), page, pageSize: 20 } },
            signal,
          }),
        ),
    }),
};
