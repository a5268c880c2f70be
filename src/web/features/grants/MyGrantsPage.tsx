import { Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { QueryPagedList } from "../../components/PagedList";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { StateBadge } from "./ApplicationPage";
import { useMoney } from "./money";
import { grantQueries } from "./queries";
import type { ApplicationCard } from "./types";

/** An application's card in a list: the program, the organization, the amounts and the due day. */
export function ApplicationRow({ a }: { a: ApplicationCard }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  return (
    <Card withBorder component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Anchor component={Link} to={`/grants/applications/${a.id}`} fw={600}>
            {a.titleRu}
          </Anchor>
          <StateBadge state={a.state} />
        </Group>
        <Text size="sm" c="dimmed">
          {a.organization.shortName} · {a.program.titleRu}
        </Text>
        <Group gap="lg" wrap="wrap">
          <Text size="sm">{t("grantsWork.app.requested", { amount: money(a.requested) })}</Text>
          {a.approved != null && (
            <Text size="sm">{t("grantsWork.app.approved", { amount: money(a.approved) })}</Text>
          )}
          {a.dueOn && a.state === "submitted" && (
            <Text size="sm" c={a.overdue ? "red.8" : undefined} fw={a.overdue ? 600 : undefined}>
              {t(a.overdue ? "grantsWork.app.overdue" : "grantsWork.app.dueOn", {
                date: format.date(a.dueOn),
              })}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The applications of the organizations the reader owns or administers. */
export default function MyGrantsPage() {
  const { t } = useTranslation();
  usePageTitle(t("grants.mine.title"));
  const [page, setPage] = useState(1);
  const list = useQuery(grantQueries.mine(page));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("grants.mine.title")}
        subtitle={t("grants.mine.lead")}
        actions={
          <Button component={Link} to="/grants" variant="default">
            {t("grants.programs.title")}
          </Button>
        }
      />
      <QueryPagedList
        query={list}
        skeleton={110}
        rows={3}
        label={t("grants.mine.title")}
        onPage={setPage}
        empty={
          <EmptyState
            text={t("grants.mine.empty")}
            hint={t("grants.mine.emptyHint")}
            action={
              <Button component={Link} to="/grants">
                {t("grants.programs.title")}
              </Button>
            }
          />
        }
      >
        {(a) => <ApplicationRow key={a.id} a={a} />}
      </QueryPagedList>
    </Stack>
  );
}
