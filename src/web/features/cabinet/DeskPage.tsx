import { Anchor, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { lazyPart } from "../../components/lazyPart";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { cabinetQueries } from "./queries";
import type { Desk, DeskDecision, DeskQueue } from "./types";

/** Each queue's own page (the operator works there). */
const QUEUE_PAGE: Record<DeskQueue["key"], string> = {
  status: "/operator/applications",
  verification: "/operator/verifications",
  names: "/operator/name-changes",
  erasures: "/operator/erasures",
  listings: "/operator/listings",
  challenges: "/challenges/moderation",
  pilots: "/operator/pilots",
  kpi: "/desk/reports",
};

/**
 * The page of one item, where the queue has one: a status application's and a pilot's own pages (the
 * operator acts there); a decided challenge's page (one waiting is decided on the moderation page).
 */
const itemPage = (queue: DeskQueue["key"], id: string | null, decided = false) => {
  if (!id) return QUEUE_PAGE[queue];
  if (queue === "status") return `/operator/applications/${id}`;
  if (queue === "pilots") return `/pilots/${id}`;
  if (queue === "kpi") return decided ? `/cabinet/reports/${id}` : `/desk/reports/${id}?state=submitted`;
  if (queue === "challenges" && decided) return `/challenges/${id}`;
  return QUEUE_PAGE[queue];
};

function QueueCard({ queue }: { queue: DeskQueue }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = `queue-${queue.key}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Title order={3} size="h4" id={titleId}>
          <Anchor component={Link} to={QUEUE_PAGE[queue.key]}>
            {t(`desk.queues.${queue.key}`)}
          </Anchor>
        </Title>
        <Text className="stat-value">
          {format.number(queue.count)}
          {queue.capped ? "+" : ""}
        </Text>
        <Text size="sm">{t("desk.waiting", { count: queue.count })}</Text>
        {queue.oldest ? (
          <Text size="sm">
            {t(queue.key === "erasures" ? "desk.dueFirst" : "desk.oldest", {
              title: queue.oldest.title,
              date: format.date(queue.key === "erasures" ? queue.oldest.dueAt : queue.oldest.since),
            })}{" "}
            <Anchor component={Link} to={itemPage(queue.key, queue.oldest.id)}>
              {t("desk.open")}
            </Anchor>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("desk.empty")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function DecisionLine({ d }: { d: DeskDecision }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <List.Item>
      <Text size="sm">
        {t("desk.today.line", {
          time: format.dateTime(d.at),
          who: d.actor?.fullName ?? t("desk.today.system"),
          outcome: t(`desk.outcomes.${d.outcome}`, { defaultValue: d.outcome }),
          queue: t(`desk.queues.${d.queue}`),
        })}{" "}
        <Anchor component={Link} to={itemPage(d.queue, d.entityId, true)}>
          {t("desk.open")}
        </Anchor>
      </Text>
    </List.Item>
  );
}

function Today({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = desk.today;
  return (
    <SectionCard id="today-title" title={t("desk.today.title", { date: format.date(today.day) })}>
      {today.total === 0 ? (
        <Text>{t("desk.today.none")}</Text>
      ) : (
        <Stack gap="sm">
          <Text>{t("desk.today.summary", { count: today.total, mine: today.mine })}</Text>
          <Group gap="lg" wrap="wrap">
            {today.byQueue.map((q) => (
              <Text key={q.queue} size="sm">
                {t("desk.today.byQueue", {
                  queue: t(`desk.queues.${q.queue}`),
                  count: q.total,
                  mine: q.mine,
                })}
              </Text>
            ))}
          </Group>
          <Title order={3} size="h4">
            {t("desk.today.latest")}
          </Title>
          <List spacing={4}>
            {today.latest.map((d) => (
              <DecisionLine key={d.id} d={d} />
            ))}
          </List>
        </Stack>
      )}
    </SectionCard>
  );
}

function OperatorDesk() {
  const { t } = useTranslation();
  const { can } = useMe();
  usePageTitle(t("desk.title"));
  const desk = useQuery({ ...cabinetQueries.desk(), refetchInterval: 60_000 });
  const data = desk.data;
  const waiting = data?.queues.reduce((n, q) => n + q.count, 0) ?? 0;
  return (
    <Stack gap="lg">
      <PageHeader title={t("desk.title")} subtitle={t("desk.lead")}>
        <Group gap="lg">
          <Anchor component={Link} to="/desk/reports">
            {t("desk.kpiReports")}
          </Anchor>
          {can("operator.analytics.read") && (
            <Anchor component={Link} to="/operator/analytics">
              {t("desk.analytics.title")}
            </Anchor>
          )}
        </Group>
      </PageHeader>
      {desk.isError && <ProblemAlert error={desk.error} />}
      {desk.isPending && <Skeleton height={200} />}
      {data && (
        <>
          <SectionCard id="queues-title" title={t("desk.queuesTitle")}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {waiting === 0 ? t("desk.allClear") : t("desk.queuesLead")}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
                {data.queues.map((q) => (
                  <QueueCard key={q.key} queue={q} />
                ))}
              </SimpleGrid>
            </Stack>
          </SectionCard>
          <Today desk={data} />
        </>
      )}
    </Stack>
  );
}

/** The participants' KPI reports below /desk (their own chunk). */
const KpiReports = lazyPart(() => import("../kpiReports/routes").then((m) => m.KpiReportRoutes));

export default function DeskPage() {
  return useParams()["*"] ? <KpiReports side="desk" /> : <OperatorDesk />;
}
