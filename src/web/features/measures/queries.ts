import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { BodyOf, QueryOf } from "../../api/types";

export type MeasureSearchQuery = QueryOf<"/api/measures", "get">;
export type OperatorMeasuresQuery = QueryOf<"/api/operator/measures", "get">;
export type CheckBody = BodyOf<"/api/measures/check", "post">;

/** Everything about measures sits under ["measures"]: a change by the operator refreshes it all. */
export const measureKeys = {
  all: ["measures"] as const,
  search: (userId: string | null, query: MeasureSearchQuery) =>
    ["measures", "search", userId, query] as const,
  one: (id: string, userId: string | null) => ["measures", "one", id, userId] as const,
  check: (body: CheckBody) => ["measures", "check", body] as const,
  operatorList: (query: OperatorMeasuresQuery) => ["measures", "operator", query] as const,
  admin: (id: string) => ["measures", "admin", id] as const,
  versions: (id: string, version: number) => ["measures", "versions", id, version] as const,
  favourites: ["measures", "favourites"] as const,
  subscriptions: ["measures", "subscriptions"] as const,
};

export const measureQueries = {
  /** The navigator's search; the user is in the key since eligibility depends on their organization. */
  search: (userId: string | null, query: MeasureSearchQuery) =>
    queryOptions({
      queryKey: measureKeys.search(userId, query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/measures", { params: { query }, signal })),
    }),
  one: (id: string, userId: string | null) =>
    queryOptions({
      queryKey: measureKeys.one(id, userId),
      queryFn: ({ signal }) => unwrap(client.GET("/api/measures/{id}", { params: { path: { id } }, signal })),
    }),
  check: (body: CheckBody) =>
    queryOptions({
      queryKey: measureKeys.check(body),
      queryFn: ({ signal }) => unwrap(client.POST("/api/measures/check", { body, signal })),
    }),
  operatorList: (query: OperatorMeasuresQuery) =>
    queryOptions({
      queryKey: measureKeys.operatorList(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/operator/measures", { params: { query }, signal })),
    }),
  admin: (id: string) =>
    queryOptions({
      queryKey: measureKeys.admin(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/measures/{id}", { params: { path: { id } }, signal })),
    }),
  versions: (id: string, version: number) =>
    queryOptions({
      queryKey: measureKeys.versions(id, version),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/measures/{id}/versions", { params: { path: { id } }, signal })),
    }),
  favourites: () =>
    queryOptions({
      queryKey: measureKeys.favourites,
      queryFn: ({ signal }) => unwrap(client.GET("/api/measures/favourites", { signal })),
    }),
  subscriptions: () =>
    queryOptions({
      queryKey: measureKeys.subscriptions,
      queryFn: ({ signal }) => unwrap(client.GET("/api/measures/subscriptions", { signal })),
    }),
};
