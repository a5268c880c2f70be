import { Anchor, Button, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { PilotStateBadge } from "./labels";
import { pilotQueries } from "./queries";

/** The pilots the reader has a side of: their organizations' applications, their sites' pilots, the ones they score. */
export default function MyPilotsPage() {
  const { t } = useTranslation();
  usePageTitle(t("pilotsWork.mine.title"));
  const [page, setPage] = useState(1);
  const list = useQuery(pilotQueries.mine(page));
  return (
    <Stack gap="lg">
      <PageHeader title={t("pilotsWork.mine.title")} subtitle={t("pilotsWork.mine.lead")} />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={200} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          text={t("pilotsWork.mine.empty")}
          action={
            <Button component={Link} to="/pilot-sites">
              {t("pilotsWork.mine.toSites")}
            </Button>
          }
        />
      ) : (
        <Stack gap="sm">
          {list.data.items.map((p) => (
            <Card key={p.id} withBorder component="article">
              <Group justify="space-between" wrap="wrap">
                <Anchor component={Link} to={`/pilots/${p.id}`} fw={600}>
                  {p.site.name}
                </Anchor>
                <PilotStateBadge state={p.state} />
              </Group>
              <Text size="sm" c="dimmed">
                {p.organization.shortName} → {p.site.organization.shortName}
              </Text>
              <Text size="sm" lineClamp={2}>
                {p.solution}
              </Text>
            </Card>
          ))}
          <Pager page={page} pageSize={20} total={list.data.total} onChange={setPage} />
        </Stack>
      )}
    </Stack>
  );
}
