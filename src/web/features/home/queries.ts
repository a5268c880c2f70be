import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";

export const homeKeys = {
  stats: ["public", "stats"] as const,
};

export const homeQueries = {
  stats: () =>
    queryOptions({
      queryKey: homeKeys.stats,
      queryFn: ({ signal }) => unwrap(client.GET("/api/public/stats", { signal })),
    }),
};
