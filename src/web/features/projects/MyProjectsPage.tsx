import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { StageBadges, Totals, tone } from "./labels";
import { projectQueries } from "./queries";

/** The projects of the reader's organizations: led, partnered, and invitations waiting for an answer. */
export default function MyProjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t("projects.mine.title"));
  const [page, setPage] = useState(1);
  const list = useQuery(projectQueries.mine(page));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("projects.mine.title")}
        subtitle={t("projects.mine.lead")}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/projects" variant="default">
              {t("projects.mine.catalog")}
            </Button>
            <Button component={Link} to="/projects/new">
              {t("projects.catalog.new")}
            </Button>
          </Group>
        }
      />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={200} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("projects.mine.empty")} />
      ) : (
        <Stack gap="sm">
          {list.data.items.map((p) => (
            <Card key={`${p.id}-${p.state}`} withBorder component="article">
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap">
                  <Anchor component={Link} to={`/projects/${p.id}`} fw={600}>
                    {p.titleRu}
                  </Anchor>
                  <Badge {...tone(p.state === "invited" ? null : "blue.9")}>
                    {t(`projects.memberStates.${p.state}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {p.lead.shortName}
                </Text>
                <StageBadges stage={p.stage} trl={p.trl} />
                <Totals totals={p.totals} />
              </Stack>
            </Card>
          ))}
          <Pager page={page} pageSize={20} total={list.data.total} onChange={setPage} />
        </Stack>
      )}
    </Stack>
  );
}
