import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { QueryOf } from "../../api/types";
import { orgKeys } from "../organizations/queries";

export type VerificationQueueParams = QueryOf<"/api/operator/verifications", "get">;

export const verificationKeys = {
  myClaims: ["me", "claims"] as const,
  organization: (id: string) => [...orgKeys.one(id), "verification"] as const,
  queue: ["operator", "verifications"] as const,
  queuePage: (params: VerificationQueueParams) => [...verificationKeys.queue, params] as const,
};

export const verificationQueries = {
  myClaims: () =>
    queryOptions({
      queryKey: verificationKeys.myClaims,
      queryFn: ({ signal }) => unwrap(client.GET("/api/me/claims", { signal })),
    }),
  organization: (id: string) =>
    queryOptions({
      queryKey: verificationKeys.organization(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/organizations/{id}/verification", { params: { path: { id } }, signal })),
    }),
  queue: (params: VerificationQueueParams) =>
    queryOptions({
      queryKey: verificationKeys.queuePage(params),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/verifications", { params: { query: params }, signal })),
    }),
};
