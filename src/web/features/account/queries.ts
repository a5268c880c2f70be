import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";

export const accountKeys = {
  sessions: ["sessions"] as const,
};

export const accountQueries = {
  sessions: () =>
    queryOptions({
      queryKey: accountKeys.sessions,
      queryFn: ({ signal }) => unwrap(client.GET("/api/me/sessions", { signal })),
    }),
};
