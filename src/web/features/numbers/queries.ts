import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";

/** The query's key: the home page's block asks for the same (its own options, so no shared chunk). */
export const NUMBERS_KEY = ["public", "numbers"] as const;

/** The cluster in numbers (GET /api/public/numbers). */
export const numbersQuery = () =>
  queryOptions({
    queryKey: NUMBERS_KEY,
    queryFn: ({ signal }) => unwrap(client.GET("/api/public/numbers", { signal })),
    staleTime: 60_000,
  });
