import { Anchor, Badge, Button, Card, Group, Stack, Switch, Text, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { isSameSitePath } from "../../../shared/next";
import { client } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { QueryPagedList } from "../../components/PagedList";
import { pageFrom } from "../../components/pageFrom";
import { toast, toastError } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { notificationListKey, notificationQueries, notificationsKey } from "./queries";
import type { NotificationItem, NotificationPage } from "./types";

const PAGE_SIZE = 20;

/** Only paths inside the app are followed (a notification never sends anyone elsewhere). */
function internalLink(link: string | null): string | null {
  return link && isSameSitePath(link) ? link : null;
}

/** "5 минут назад", "вчера", then the date. */
function useRelativeTime() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rtf = new Intl.RelativeTimeFormat(i18n.language === "en" ? "en" : "ru", { numeric: "auto" });
  return (iso: string): string => {
    const at = new Date(iso).getTime();
    if (Number.isNaN(at)) return iso;
    const seconds = Math.round((at - Date.now()) / 1000);
    const abs = Math.abs(seconds);
    if (abs < 60) return t("notifications.justNow");
    if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
    if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
    if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), "day");
    return format.date(iso);
  };
}

function NotificationCard({
  item,
  onRead,
  marking,
}: {
  item: NotificationItem;
  onRead: (item: NotificationItem) => void;
  marking: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const relative = useRelativeTime();
  const link = internalLink(item.link);
  return (
    <Card
      withBorder
      padding="md"
      component="li"
      style={{
        borderLeft: item.read ? undefined : "4px solid var(--mantine-color-indigo-9)",
        background: item.read ? undefined : "var(--mantine-color-indigo-0)",
      }}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Group gap="xs" align="center" wrap="wrap" style={{ minWidth: 0 }}>
            {!item.read && (
              <Badge color="indigo" variant="filled" size="sm">
                {t("notifications.new")}
              </Badge>
            )}
            <Text fw={item.read ? 500 : 700} style={{ overflowWrap: "anywhere" }}>
              {link ? (
                <Anchor component={Link} to={link} onClick={() => !item.read && onRead(item)} c="indigo.9">
                  {item.title}
                </Anchor>
              ) : (
                item.title
              )}
            </Text>
          </Group>
          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
            <time dateTime={item.createdAt} title={format.dateTime(item.createdAt)}>
              {relative(item.createdAt)}
            </time>
          </Text>
        </Group>
        {item.body && (
          <Text size="sm" style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
            {item.body}
          </Text>
        )}
        {!item.read && !link && (
          <Button
            variant="subtle"
            size="compact-sm"
            px={4}
            style={{ alignSelf: "flex-start" }}
            loading={marking}
            onClick={() => onRead(item)}
            aria-label={t("notifications.markReadOf", { title: item.title })}
          >
            {t("notifications.markRead")}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t("notifications.title"));
  const format = useFormat();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get("unread") === "true";
  const page = pageFrom(params);

  // shown at once; the router applies the new address as a transition
  const [unreadSwitch, setUnreadSwitch] = useState(unreadOnly);
  useEffect(() => setUnreadSwitch(unreadOnly), [unreadOnly]);

  function update(next: { unread?: boolean; page?: number }) {
    if (next.unread !== undefined) setUnreadSwitch(next.unread);
    const sp = new URLSearchParams();
    if (next.unread ?? unreadOnly) sp.set("unread", "true");
    const p = next.page ?? page;
    if (p > 1) sp.set("page", String(p));
    setParams(sp);
  }

  const list = useQuery({
    ...notificationQueries.list(unreadOnly, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsKey });

  const markRead = useMutation({
    mutationFn: (id: string) => client.POST("/api/notifications/{id}/read", { params: { path: { id } } }),
    onMutate: (id) => {
      // show it read at once; the server's answer follows
      queryClient.setQueriesData<NotificationPage>({ queryKey: notificationListKey }, (old) =>
        old
          ? {
              ...old,
              unread: Math.max(0, old.unread - (old.items.some((i) => i.id === id && !i.read) ? 1 : 0)),
              items: old.items.map((i) => (i.id === id ? { ...i, read: true } : i)),
            }
          : old,
      );
    },
    onError: (error) => toastError(error),
    onSettled: () => void refresh(),
  });

  const markAll = useMutation({
    mutationFn: () => client.POST("/api/notifications/read-all"),
    onSuccess: () => toast(t("notifications.allMarked")),
    onError: (error) => toastError(error),
    onSettled: () => void refresh(),
  });

  const data = list.data;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>{t("notifications.title")}</Title>
          {data && (
            <Text role="status" aria-live="polite">
              {t("notifications.unreadSummary", { n: format.number(data.unread) })}
            </Text>
          )}
        </Stack>
        <Button
          variant="default"
          onClick={() => markAll.mutate()}
          loading={markAll.isPending}
          disabled={!data || data.unread === 0}
        >
          {t("notifications.markAll")}
        </Button>
      </Group>

      <Group justify="space-between" gap="sm">
        <Switch
          label={t("notifications.unreadOnly")}
          checked={unreadSwitch}
          onChange={(e) => update({ unread: e.currentTarget.checked, page: 1 })}
        />
        <Anchor component={Link} to="/account#notifications-title" size="sm">
          {t("notifications.settings")}
        </Anchor>
      </Group>

      <QueryPagedList
        query={list}
        skeleton={72}
        rows={3}
        empty={
          <EmptyState
            text={unreadOnly ? t("notifications.emptyUnread") : t("notifications.empty")}
            action={
              unreadOnly ? (
                <Button variant="default" onClick={() => update({ unread: false, page: 1 })}>
                  {t("notifications.showAll")}
                </Button>
              ) : (
                <Button component={Link} to="/directory" variant="default">
                  {t("notifications.toDirectory")}
                </Button>
              )
            }
          />
        }
        label={t("notifications.listLabel")}
        onPage={(p) => update({ page: p })}
      >
        {(item) => (
          <NotificationCard
            key={item.id}
            item={item}
            onRead={(i) => markRead.mutate(i.id)}
            marking={markRead.isPending && markRead.variables === item.id}
          />
        )}
      </QueryPagedList>
    </Stack>
  );
}
