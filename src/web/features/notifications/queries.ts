import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";
import { useMe } from "../../session";
import type { UnreadCount } from "./types";

export const notificationsKey = ["notifications"] as const;
export const unreadCountKey = [...notificationsKey, "unread-count"] as const;
export const preferencesKey = [...notificationsKey, "preferences"] as const;

const POLL_MS = 30_000;

/**
 * How many notifications are unread: polled every 30 s while signed in (only while the tab is
 * visible) and refreshed when the window gets the focus back.
 */
export function useUnreadCount() {
  const { user, can } = useMe();
  const enabled = Boolean(user) && can("notifications.own");
  const query = useQuery({
    queryKey: [...unreadCountKey, user?.id ?? null],
    queryFn: ({ signal }) => api.get<UnreadCount>("/api/notifications/unread-count", signal),
    enabled,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
  return { enabled, unread: query.data?.unread ?? 0, query };
}
