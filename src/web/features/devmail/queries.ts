import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";

export const devMailKeys = {
  all: ["devmail"] as const,
  page: (page: number, pageSize: number) => ["devmail", { page, pageSize }] as const,
  message: (id: string) => ["devmail", "message", id] as const,
};

export const devMailQueries = {
  page: (page: number, pageSize: number) =>
    queryOptions({
      queryKey: devMailKeys.page(page, pageSize),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/dev/mail", { params: { query: { page, pageSize } }, signal })),
    }),
  message: (id: string) =>
    queryOptions({
      queryKey: devMailKeys.message(id),
      queryFn: ({ signal }) => unwrap(client.GET("/api/dev/mail/{id}", { params: { path: { id } }, signal })),
    }),
};
