import { queryOptions, useQuery } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import { useMe } from "../../session";

export const notificationsKey = ["notifications"] as const;
export const unreadCountKey = [...notificationsKey, "unread-count"] as const;
export const preferencesKey = [...notificationsKey, "preferences"] as const;
export const notificationListKey = [...notificationsKey, "list"] as const;

export const notificationQueries = {
  list: (unreadOnly: boolean, page: number, pageSize: number) =>
    queryOptions({
      queryKey: [...notificationListKey, { unreadOnly, page }] as const,
      queryFn: ({ signal }) =>
        unwrap(
          client.GET("/api/notifications", {
            params: { query: { unread: unreadOnly ? "true" : undefined, page, pageSize } },
            signal,
          }),
        ),
    }),
  unreadCount: (userId: string | null) =>
    queryOptions({
      queryKey: [...unreadCountKey, userId] as const,
      queryFn: ({ signal }) => unwrap(client.GET("/api/notifications/unread-count", { signal })),
    }),
  preferences: () =>
    queryOptions({
      queryKey: preferencesKey,
      queryFn: ({ signal }) => unwrap(client.GET("/api/notifications/preferences", { signal })),
    }),
};

const POLL_MS = 30_000;

/**
 * How many notifications are unread: polled every 30 s while signed in (only while the tab is
 * visible) and refreshed when the window gets the focus back.
 */
export function useUnreadCount() {
  const { user, can } = useMe();
  const enabled = Boolean(user) && can("notifications.own");
  const query = useQuery({
    ...notificationQueries.unreadCount(user?.id ?? null),
    enabled,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
  return { enabled, unread: query.data?.unread ?? 0, query };
}
