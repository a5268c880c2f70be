import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";

const path = (id: string) => ({ params: { path: { id } } });

/** Query keys: everything about one organization sits under ["organizations", id]. */
export const orgKeys = {
  all: ["organizations"] as const,
  /** Same prefix as the header's organization switcher (["me", "organizations", userId]). */
  mine: ["me", "organizations"] as const,
  myJoinRequests: ["me", "join-requests"] as const,
  one: (id: string) => ["organizations", id] as const,
  view: (id: string) => ["organizations", id, "view"] as const,
  members: (id: string) => ["organizations", id, "members"] as const,
  invitations: (id: string) => ["organizations", id, "invitations"] as const,
  joinRequests: (id: string) => ["organizations", id, "join-requests"] as const,
  status: (id: string) => ["organizations", id, "status"] as const,
  nameChange: (id: string) => ["organizations", id, "name-change"] as const,
  consents: (id: string) => ["organizations", id, "consents"] as const,
  invitation: (token: string) => ["invitations", token] as const,
  /** Whether the state-register lookup is on (it does not change while the server runs). */
  registry: ["organizations", "registry"] as const,
};

export const orgQueries = {
  view: (id: string) =>
    queryOptions({
      queryKey: orgKeys.view(id),
      queryFn: ({ signal }) => unwrap(client.GET("/api/organizations/{id}", { ...path(id), signal })),
    }),
  members: (id: string) =>
    queryOptions({
      queryKey: orgKeys.members(id),
      queryFn: ({ signal }) => unwrap(client.GET("/api/organizations/{id}/members", { ...path(id), signal })),
    }),
  invitations: (id: string) =>
    queryOptions({
      queryKey: orgKeys.invitations(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/organizations/{id}/invitations", { ...path(id), signal })),
    }),
  joinRequests: (id: string) =>
    queryOptions({
      queryKey: orgKeys.joinRequests(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/organizations/{id}/join-requests", { ...path(id), signal })),
    }),
  status: (id: string) =>
    queryOptions({
      queryKey: orgKeys.status(id),
      queryFn: ({ signal }) => unwrap(client.GET("/api/organizations/{id}/status", { ...path(id), signal })),
    }),
  nameChange: (id: string) =>
    queryOptions({
      queryKey: orgKeys.nameChange(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/organizations/{id}/name-change", { ...path(id), signal })),
    }),
  consents: (id: string) =>
    queryOptions({
      queryKey: orgKeys.consents(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/organizations/{id}/consents/mine", { ...path(id), signal })),
    }),
  invitation: (token: string) =>
    queryOptions({
      queryKey: orgKeys.invitation(token),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/invitations/{token}", { params: { path: { token } }, signal })),
    }),
  registry: () =>
    queryOptions({
      queryKey: orgKeys.registry,
      queryFn: ({ signal }) => unwrap(client.GET("/api/organizations/registry", { signal })),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  mine: () =>
    queryOptions({
      queryKey: orgKeys.mine,
      queryFn: ({ signal }) => unwrap(client.GET("/api/me/organizations", { signal })),
    }),
  myJoinRequests: (userId?: string | null) =>
    queryOptions({
      queryKey: userId === undefined ? orgKeys.myJoinRequests : [...orgKeys.myJoinRequests, userId],
      queryFn: ({ signal }) => unwrap(client.GET("/api/me/join-requests", { signal })),
    }),
};

/** After a change of memberships: every organization's data and the user's lists (the header's too). */
export function refreshOrganizations(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: orgKeys.all });
  void queryClient.invalidateQueries({ queryKey: orgKeys.mine });
  void queryClient.invalidateQueries({ queryKey: orgKeys.myJoinRequests });
}

/** The extra fields of a problem, if the error carries them. */
export function problemBody(error: unknown): Record<string, unknown> {
  return error instanceof ApiError ? error.body : {};
}
