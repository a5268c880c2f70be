import { NativeSelect, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GrantState } from "../../../shared/grants";
import { EmptyState } from "../../components/EmptyState";
import { QueryPagedList } from "../../components/PagedList";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { ApplicationRow } from "./MyGrantsPage";
import { grantQueries } from "./queries";

/** The stages where the operator's (or an expert's) work waits. */
const STAGES: GrantState[] = [
  "submitted",
  "review",
  "commission",
  "approved",
  "agreement",
  "paid",
  "reporting",
];

/** The operator's queue: applications at a stage, oldest submission first, overdue checks flagged. */
export default function GrantQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t("grantsWork.queue.title"));
  const [state, setState] = useState<GrantState>("submitted");
  const [page, setPage] = useState(1);
  const list = useQuery(grantQueries.queue(state, page));
  return (
    <Stack gap="lg">
      <PageHeader title={t("grantsWork.queue.title")} subtitle={t("grantsWork.queue.lead")} />
      <NativeSelect
        label={t("grantsWork.queue.stage")}
        value={state}
        data={STAGES.map((s) => ({ value: s, label: t(`grantsWork.states.${s}`) }))}
        onChange={(e) => {
          setState(e.currentTarget.value as GrantState);
          setPage(1);
        }}
        maw={320}
      />
      <QueryPagedList
        query={list}
        skeleton={110}
        rows={3}
        label={t("grantsWork.queue.title")}
        onPage={setPage}
        empty={<EmptyState text={t("grantsWork.queue.empty")} hint={t("grantsWork.queue.emptyHint")} />}
      >
        {(a) => <ApplicationRow key={a.id} a={a} />}
      </QueryPagedList>
    </Stack>
  );
}
