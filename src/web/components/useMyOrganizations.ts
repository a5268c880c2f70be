import { useQuery } from "@tanstack/react-query";
import { client, unwrap } from "../api/client";
import { useMe } from "../session";

export const myOrganizationsKey = ["me", "organizations"] as const;

/** The signed-in user's organizations and the active one (nothing is fetched for a guest). */
export function useMyOrganizations() {
  const { user } = useMe();
  return useQuery({
    queryKey: [...myOrganizationsKey, user?.id ?? null],
    queryFn: ({ signal }) => unwrap(client.GET("/api/me/organizations", { signal })),
    enabled: Boolean(user),
    staleTime: 60_000,
  });
}
