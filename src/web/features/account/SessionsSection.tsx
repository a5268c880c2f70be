import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage, type SessionInfo } from "../../api";
import { client } from "../../api/client";
import { QueryList } from "../../components/QueryList";
import { SectionCard } from "../../components/SectionCard";
import { ScrollTable, translatedHeaders } from "../../components/table/ScrollTable";
import { useFormat } from "../../format";
import { GUEST, meKey } from "../../session";
import { accountKeys, accountQueries } from "./queries";

/** "Chrome · Windows" from a User-Agent string; good enough to recognise one's own devices. */
export function describeUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /YaBrowser\//.test(ua)
        ? "Yandex Browser"
        : /Firefox\//.test(ua)
          ? "Firefox"
          : /Chrome\/|Chromium\//.test(ua)
            ? "Chrome"
            : /Safari\//.test(ua)
              ? "Safari"
              : null;
  const os = /Windows/.test(ua)
    ? "Windows"
    : /Android/.test(ua)
      ? "Android"
      : /iPhone|iPad|iPod/.test(ua)
        ? "iOS"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : null;
  const parts = [browser, os].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : ua.slice(0, 60);
}

export function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const sessions = useQuery(accountQueries.sessions());

  const end = useMutation({
    mutationFn: (session: SessionInfo) =>
      client.DELETE("/api/me/sessions/{id}", { params: { path: { id: session.id } } }),
    onSuccess: (_data, session) => {
      if (session.current) {
        queryClient.clear();
        queryClient.setQueryData(meKey, GUEST);
        navigate("/signin", { replace: true });
        return;
      }
      notifications.show({ color: "indigo", message: t("account.sessions.ended") });
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: t("common.errors.title"), message: errorMessage(error) }),
  });

  return (
    <SectionCard id="sessions-title" title={t("account.sessions.title")} titleGap="xs">
      <Text size="sm" mb="md">
        {t("account.sessions.lead")}
      </Text>
      <QueryList
        query={sessions}
        items={sessions.data?.items}
        skeleton={120}
        empty={<Text>{t("account.sessions.empty")}</Text>}
      >
        {(items) => (
          <ScrollTable
            minWidth={640}
            label={t("account.sessions.tableLabel")}
            striped
            verticalSpacing="sm"
            headers={{
              ...translatedHeaders(t, "account.sessions", ["device", "ip", "createdAt", "lastSeenAt"]),
              actions: <span className="sr-only">{t("account.sessions.actions")}</span>,
            }}
          >
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <span title={s.userAgent ?? undefined}>
                      {describeUserAgent(s.userAgent) ?? t("account.sessions.unknownDevice")}
                    </span>
                    {s.current && (
                      <Badge color="indigo" variant="light">
                        {t("account.sessions.current")}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{s.ip ?? "—"}</Table.Td>
                <Table.Td>{format.dateTime(s.createdAt)}</Table.Td>
                <Table.Td>{format.dateTime(s.lastSeenAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    loading={end.isPending && end.variables?.id === s.id}
                    onClick={() => end.mutate(s)}
                  >
                    {s.current ? t("account.sessions.endCurrent") : t("account.sessions.end")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </ScrollTable>
        )}
      </QueryList>
    </SectionCard>
  );
}
