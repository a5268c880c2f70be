import type { QueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch } from "../../api";

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
  invitation: (token: string) => ["invitations", token] as const,
};

/** After a change of memberships: every organization's data and the user's lists (the header's too). */
export function refreshOrganizations(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: orgKeys.all });
  void queryClient.invalidateQueries({ queryKey: orgKeys.mine });
  void queryClient.invalidateQueries({ queryKey: orgKeys.myJoinRequests });
}

export const operatorKeys = {
  all: ["operator"] as const,
  queue: (params: Record<string, unknown>) => ["operator", "applications", params] as const,
  application: (id: string) => ["operator", "application", id] as const,
};

export const orgPath = (id: string, rest = "") => `/api/organizations/${encodeURIComponent(id)}${rest}`;

/** A JSON request (the failure's problem body stays on the ApiError). */
export function request<T>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  return apiFetch<T>(path, {
    method,
    body: body === undefined && (method === "GET" || method === "DELETE") ? undefined : (body ?? {}),
  });
}

/** PUT a logo as multipart/form-data (field "file"). */
export function uploadLogo<T>(organizationId: string, file: File): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  return apiFetch<T>(orgPath(organizationId, "/logo"), { method: "PUT", body: form });
}

/** The extra fields of a problem, if the error carries them. */
export function problemBody(error: unknown): Record<string, unknown> {
  return error instanceof ApiError ? error.body : {};
}
