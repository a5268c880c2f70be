import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { QueryPagedList } from "../../components/PagedList";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { ApplicationRow } from "./MyGrantsPage";
import { grantQueries } from "./queries";

/** The expert's applications: those an operator assigned, the ones awaiting the review first. */
export default function AssignedGrantsPage() {
  const { t } = useTranslation();
  usePageTitle(t("grantsWork.assigned.title"));
  const [page, setPage] = useState(1);
  const list = useQuery(grantQueries.assigned(page));
  return (
    <Stack gap="lg">
      <PageHeader title={t("grantsWork.assigned.title")} subtitle={t("grantsWork.assigned.lead")} />
      <QueryPagedList
        query={list}
        skeleton={110}
        rows={3}
        label={t("grantsWork.assigned.title")}
        onPage={setPage}
        empty={<EmptyState text={t("grantsWork.assigned.empty")} hint={t("grantsWork.assigned.emptyHint")} />}
      >
        {(a) => <ApplicationRow key={a.id} a={a} />}
      </QueryPagedList>
    </Stack>
  );
}
