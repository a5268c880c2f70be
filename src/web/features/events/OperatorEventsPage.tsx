import { Anchor, Button, Skeleton, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { EventCards } from "./labels";
import { eventQueries } from "./queries";

/** The operator's events, drafts too, latest start first. */
export default function OperatorEventsPage() {
  const { t } = useTranslation();
  usePageTitle(t("events.operator.title"));
  const [page, setPage] = useState(1);
  const list = useQuery(eventQueries.operator(page));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("events.operator.title")}
        actions={
          <Button component={Link} to="/operator/events/new">
            {t("events.operator.new")}
          </Button>
        }
      />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={240} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("events.catalog.empty")} />
      ) : (
        <Stack gap="sm">
          <EventCards
            items={list.data.items}
            more={(e) => (
              <Anchor component={Link} to={`/events/${e.id}/registrations`} size="sm">
                {t("events.registrants.title")}
              </Anchor>
            )}
          />
          <Pager page={page} total={list.data.total} pageSize={20} onChange={setPage} />
        </Stack>
      )}
    </Stack>
  );
}
