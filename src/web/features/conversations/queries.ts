import { type QueryClient, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { client, unwrap } from "../../api/client";
import { useMe } from "../../session";

/** Everything about conversations lives under one key; a live event refreshes its conversation's part. */
export const conversationsKey = ["conversations"] as const;
export const conversationKeys = {
  list: (page: number) => [...conversationsKey, "list", page] as const,
  unread: (userId: string | null) => [...conversationsKey, "unread", userId] as const,
  one: (id: string) => [...conversationsKey, "one", id] as const,
  subject: (kind: string, subjectId: string) => [...conversationsKey, "subject", kind, subjectId] as const,
};

export const conversationQueries = {
  list: (page: number, pageSize: number) =>
    queryOptions({
      queryKey: conversationKeys.list(page),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/conversations", { params: { query: { page, pageSize } }, signal })),
    }),
  unread: (userId: string | null) =>
    queryOptions({
      queryKey: conversationKeys.unread(userId),
      queryFn: ({ signal }) => unwrap(client.GET("/api/conversations/unread", { signal })),
    }),
  one: (id: string) =>
    queryOptions({
      queryKey: conversationKeys.one(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/conversations/{id}", { params: { path: { id }, query: {} }, signal })),
    }),
  subject: (kind: string, subjectId: string) =>
    queryOptions({
      queryKey: conversationKeys.subject(kind, subjectId),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/conversations/subject", { params: { query: { kind, subjectId } }, signal })),
      retry: false,
    }),
};

/**
 * Refetches what one conversation's change touches: that conversation (its page, its subject card) and,
 * unless only someone's read mark moved, the lists and the unread badge. Other conversations stay.
 */
export function invalidateConversation(queryClient: QueryClient, id: string, what: "read" | "content") {
  void queryClient.invalidateQueries({ queryKey: conversationKeys.one(id) });
  void queryClient.invalidateQueries({
    queryKey: [...conversationsKey, "subject"],
    predicate: (q) => (q.state.data as { id?: string } | undefined)?.id === id,
  });
  if (what === "read") return;
  void queryClient.invalidateQueries({ queryKey: [...conversationsKey, "list"] });
  void queryClient.invalidateQueries({ queryKey: [...conversationsKey, "unread"] });
}

/** Whether the signed-in user has conversations at all (any signed-in user may be a party). */
export function useConversationsEnabled() {
  const { user, can } = useMe();
  return { user, enabled: Boolean(user) && can("conversations.access") };
}

/** Unread messages in all the user's conversations (the header's badge); kept fresh by live events. */
export function useConversationUnread() {
  const { user, enabled } = useConversationsEnabled();
  const query = useQuery({ ...conversationQueries.unread(user?.id ?? null), enabled, staleTime: 30_000 });
  return { enabled, unread: query.data?.unread ?? 0 };
}

/**
 * One live connection per signed-in tab (Server-Sent Events): every event about a conversation of the
 * user refreshes that conversation's queries (and the lists and badge for a message), so an open page
 * shows a new message without reloading.
 * The browser's EventSource reconnects by itself; each (re)connection's `ready` refetches whatever
 * may have been missed while it was away.
 */
export function useConversationEvents() {
  const { user, enabled } = useConversationsEnabled();
  const queryClient = useQueryClient();
  const userId = user?.id;
  useEffect(() => {
    if (!enabled || !userId || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/conversations/events");
    let connected = false;
    // After a reconnection or a lost LISTEN anything may have changed: everything is refetched.
    const refresh = () => void queryClient.invalidateQueries({ queryKey: conversationsKey });
    source.addEventListener("ready", () => {
      if (connected) refresh();
      connected = true;
    });
    source.addEventListener("resync", refresh);
    source.addEventListener("conversation", (e) => {
      let event: { conversationId?: unknown; kind?: unknown };
      try {
        event = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        return;
      }
      if (typeof event.conversationId !== "string") return;
      invalidateConversation(queryClient, event.conversationId, event.kind === "read" ? "read" : "content");
    });
    return () => source.close();
  }, [enabled, userId, queryClient]);
}
