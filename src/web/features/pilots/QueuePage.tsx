import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { QueryPagedList } from "../../components/PagedList";
import { PageHeader } from "../../components/PageHeader";
import { pageFrom } from "../../components/pageFrom";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { PilotStateBadge } from "./labels";
import { pilotKeys } from "./queries";
import type { PilotCard } from "./types";

/** The queue's page (here, not in queries.ts, so the public pages' chunk does not carry it). */
const queueQuery = (page: number) =>
  queryOptions({
    queryKey: pilotKeys.queue(page),
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/operator/pilots", { params: { query: { page, pageSize: 20 } }, signal })),
  });

/** What the operator does with an application now (src/shared/pilots.ts PILOT_MOVES). */
const nextStep = (p: PilotCard) =>
  p.state === "operator_review" ? "assignOrReject" : p.operatorAssisted ? "triage" : "assign";

function QueueCard({ p }: { p: PilotCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Anchor component={Link} to={`/pilots/${p.id}`} fw={600} style={{ overflowWrap: "anywhere" }}>
            {p.organization.shortName} → {p.site.name}
          </Anchor>
          <Group gap="xs">
            {p.operatorAssisted && (
              <Badge variant="light" color="indigo">
                {t("pilotsQueue.assisted")}
              </Badge>
            )}
            <PilotStateBadge state={p.state} />
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t("pilotsQueue.applied", {
            date: format.date(p.submittedAt),
            owner: p.site.organization.shortName,
          })}
        </Text>
        <Text size="sm" lineClamp={2}>
          {p.solution}
        </Text>
        <Text size="sm" fw={500}>
          {t(`pilotsQueue.next.${nextStep(p)}`)}
        </Text>
      </Stack>
    </Card>
  );
}

/** The operator's queue: applications waiting for him (to take an assisted one, to assign an expert), oldest first. */
export default function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t("pilotsQueue.title"));
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);
  const list = useQuery({ ...queueQuery(page), placeholderData: keepPreviousData });
  return (
    <Stack gap="lg">
      <PageHeader title={t("pilotsQueue.title")} subtitle={t("pilotsQueue.lead")} />
      <QueryPagedList
        query={list}
        skeleton={110}
        rows={3}
        empty={<EmptyState text={t("pilotsQueue.empty")} hint={t("pilotsQueue.emptyHint")} />}
        label={t("pilotsQueue.listLabel")}
        onPage={(p) => setParams(p > 1 ? { page: String(p) } : {})}
      >
        {(p) => <QueueCard key={p.id} p={p} />}
      </QueryPagedList>
    </Stack>
  );
}
