import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";

export const teamKeys = {
  all: ["teams"] as const,
  mine: ["teams", "mine"] as const,
  invitation: (token: string) => ["teams", "invitation", token] as const,
  leaderboard: (id: string) => ["teams", "leaderboard", id] as const,
};

export const teamQueries = {
  mine: () =>
    queryOptions({
      queryKey: teamKeys.mine,
      queryFn: ({ signal }) => unwrap(client.GET("/api/teams", { signal })),
    }),
  invitation: (token: string) =>
    queryOptions({
      queryKey: teamKeys.invitation(token),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/team-invitations/{token}", { params: { path: { token } }, signal })),
    }),
  leaderboard: (id: string) =>
    queryOptions({
      queryKey: teamKeys.leaderboard(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/challenges/{id}/leaderboard", { params: { path: { id } }, signal })),
    }),
};
