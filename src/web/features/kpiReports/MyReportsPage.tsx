import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { QueryList } from "../../components/QueryList";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { KpiStateBadge } from "./labels";
import { kpiQueries } from "./queries";

/** The yearly reports of the reader's organizations: what is due, submitted, returned or accepted. */
export default function MyReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t("cabinet.kpi.mine.title"));
  const format = useFormat();
  const mine = useQuery(kpiQueries.mine());
  return (
    <Stack gap="lg">
      <PageHeader title={t("cabinet.kpi.mine.title")} subtitle={t("cabinet.kpi.mine.lead")} />
      <QueryList
        query={mine}
        items={mine.data?.items}
        skeleton={96}
        rows={3}
        empty={
          <EmptyState
            text={t("cabinet.kpi.mine.empty")}
            hint={t("cabinet.kpi.mine.emptyHint")}
            action={
              <Anchor component={Link} to="/organizations">
                {t("cabinet.kpi.mine.organizations")}
              </Anchor>
            }
          />
        }
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((r) => (
              <Card key={r.id} withBorder component="article">
                <Stack gap={6}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Anchor component={Link} to={`/cabinet/reports/${r.id}`} fw={600}>
                      {t("cabinet.kpi.report.title", { year: r.campaign.year })}
                    </Anchor>
                    <KpiStateBadge state={r.state} />
                  </Group>
                  <Text size="sm">{r.organization.shortName}</Text>
                  <Text size="sm" c="dimmed">
                    {r.submittedAt
                      ? t("cabinet.kpi.report.submittedAt", { at: format.dateTime(r.submittedAt) })
                      : t("cabinet.kpi.report.due", { due: format.dateTime(r.campaign.dueAt) })}
                  </Text>
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </QueryList>
    </Stack>
  );
}
