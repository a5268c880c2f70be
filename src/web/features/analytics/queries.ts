import { queryOptions } from "@tanstack/react-query";
import type { Dashboard } from "../../../shared/analytics";
import { client, unwrap } from "../../api/client";
import { type FilterValues, filterQuery } from "./filters";

export const analyticsQueries = {
  /** A dashboard's tables for the filters (the period always named, so the key says what is shown). */
  dashboard: (dashboard: Dashboard, filters: FilterValues, language: string) =>
    queryOptions({
      // the language too: titles and labels come from the server in the reader's language
      queryKey: ["analytics", dashboard, filterQuery(filters), language] as const,
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/analytics/{dashboard}", {
            params: { path: { dashboard }, query: filterQuery(filters) },
            signal,
          }),
        ),
      staleTime: 60_000,
    }),
};
