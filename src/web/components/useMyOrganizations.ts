import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import type { MyOrganizations } from "../features/directory/types";
import { useMe } from "../session";

export const myOrganizationsKey = ["me", "organizations"] as const;

/** The signed-in user's organizations and the active one (nothing is fetched for a guest). */
export function useMyOrganizations() {
  const { user } = useMe();
  return useQuery({
    queryKey: [...myOrganizationsKey, user?.id ?? null],
    queryFn: ({ signal }) => api.get<MyOrganizations>("/api/me/organizations", signal),
    enabled: Boolean(user),
    staleTime: 60_000,
  });
}
