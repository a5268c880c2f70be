import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { EventsQuery } from "./types";

export const eventKeys = {
  all: ["events"] as const,
  search: (query: EventsQuery) => ["events", "search", query] as const,
  event: (id: string) => ["events", "event", id] as const,
  mine: (page: number) => ["events", "mine", page] as const,
  feed: ["events", "feed"] as const,
  operator: (page: number) => ["events", "operator", page] as const,
  operatorEvent: (id: string) => ["events", "operatorEvent", id] as const,
  registrants: (id: string, page: number) => ["events", "registrants", id, page] as const,
};

export const eventQueries = {
  search: (query: EventsQuery) =>
    queryOptions({
      queryKey: eventKeys.search(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/events", { params: { query }, signal })),
    }),
  event: (id: string) =>
    queryOptions({
      queryKey: eventKeys.event(id),
      queryFn: ({ signal }) => unwrap(client.GET("/api/events/{id}", { params: { path: { id } }, signal })),
    }),
  mine: (page: number) =>
    queryOptions({
      queryKey: eventKeys.mine(page),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/event-registrations/mine", { params: { query: { page, pageSize: 20 } }, signal }),
        ),
    }),
  feed: () =>
    queryOptions({
      queryKey: eventKeys.feed,
      queryFn: ({ signal }) => unwrap(client.GET("/api/calendar-feed", { signal })),
    }),
  operator: (page: number) =>
    queryOptions({
      queryKey: eventKeys.operator(page),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/events", { params: { query: { page, pageSize: 20 } }, signal })),
    }),
  operatorEvent: (id: string) =>
    queryOptions({
      queryKey: eventKeys.operatorEvent(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/events/{id}", { params: { path: { id } }, signal })),
    }),
  registrants: (id: string, page: number) =>
    queryOptions({
      queryKey: eventKeys.registrants(id, page),
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/events/{id}/registrations", {
            params: { path: { id }, query: { page, pageSize: 50 } },
            signal,
          }),
        ),
    }),
};
