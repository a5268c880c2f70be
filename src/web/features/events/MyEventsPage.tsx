import { Alert, Anchor, Badge, Button, Card, Code, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { EventWhen } from "./labels";
import { eventKeys, eventQueries } from "./queries";

/** The personal calendar feed: made (its URL shown once), replaced or revoked. */
function CalendarFeed() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const feed = useQuery(eventQueries.feed());
  const [url, setUrl] = useState<string | null>(null);
  const make = useMutation({
    mutationFn: () => unwrap(client.POST("/api/calendar-feed")),
    onSuccess: (d) => {
      setUrl(d.url);
      void qc.invalidateQueries({ queryKey: eventKeys.feed });
    },
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(client.DELETE("/api/calendar-feed")),
    onSuccess: () => {
      setUrl(null);
      void qc.invalidateQueries({ queryKey: eventKeys.feed });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="feed-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="feed-title">
          {t("events.feed.title")}
        </Title>
        <Text size="sm">{t("events.feed.lead")}</Text>
        {url && (
          <Alert color="teal" title={t("events.feed.made")}>
            <Code block>{url}</Code>
          </Alert>
        )}
        <ProblemAlert error={make.error ?? revoke.error} />
        <Group gap="xs">
          <Button onClick={() => make.mutate()} loading={make.isPending}>
            {feed.data?.active ? t("events.feed.replace") : t("events.feed.make")}
          </Button>
          {feed.data?.active && (
            <Button variant="default" color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
              {t("events.feed.revoke")}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The reader's registrations: coming events first, with the state of each. */
export default function MyEventsPage() {
  const { t } = useTranslation();
  usePageTitle(t("events.mine.title"));
  const [page, setPage] = useState(1);
  const list = useQuery(eventQueries.mine(page));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("events.mine.title")}
        actions={
          <Button component={Link} to="/events" variant="default">
            {t("events.catalog.title")}
          </Button>
        }
      />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={200} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("events.mine.empty")} />
      ) : (
        <Stack gap="sm">
          {list.data.items.map(({ event: e, registration: r }) => (
            <Card key={r.id} withBorder component="article">
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap">
                  <Anchor component={Link} to={`/events/${e.id}`} fw={600}>
                    {e.titleRu}
                  </Anchor>
                  <Badge color={r.state === "cancelled" || r.state === "declined" ? "gray.7" : "teal.9"}>
                    {r.state === "waitlisted"
                      ? t("events.page.waitlisted", { position: r.waitlistPosition ?? 1 })
                      : t(`events.registration.${r.state}`)}
                  </Badge>
                </Group>
                <EventWhen e={e} />
              </Stack>
            </Card>
          ))}
          <Pager page={page} total={list.data.total} pageSize={20} onChange={setPage} />
        </Stack>
      )}
      <CalendarFeed />
    </Stack>
  );
}
