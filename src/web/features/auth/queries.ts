import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";

export const authKeys = {
  confirmLookup: (token: string) => ["confirm-lookup", token] as const,
};

export const authQueries = {
  /** Whose address a confirmation link is for (a POST: the token stays out of URLs and logs). */
  confirmLookup: (token: string) =>
    queryOptions({
      queryKey: authKeys.confirmLookup(token),
      queryFn: () => unwrap(client.POST("/api/auth/confirm/lookup", { body: { token } })),
    }),
};
