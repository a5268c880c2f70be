import { Badge, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ERASURE_DAYS } from "../../../shared/privacy";
import { PageHeader } from "../../components/PageHeader";
import { type Column, DataTable, TableEmpty } from "../../components/table/DataTable";
import { useUrlFilters } from "../../components/table/useUrlFilters";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { privacyQueries } from "./queries";
import type { PendingErasure } from "./types";

const PAGE_SIZE = 20;

/** The operator's list of accounts waiting for their erasure, soonest first. */
export default function ErasuresPage() {
  const { t } = useTranslation();
  usePageTitle(t("privacy.operator.title"));
  const format = useFormat();
  const filters = useUrlFilters([] as const);
  const list = useQuery({
    ...privacyQueries.erasures({ page: filters.page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const columns: Column<PendingErasure>[] = [
    {
      key: "user",
      header: t("privacy.operator.user"),
      cell: (e) => (
        <>
          <Text fw={600} size="sm">
            {e.fullName}
          </Text>
          <Text size="sm" style={{ wordBreak: "break-all" }}>
            {e.email}
          </Text>
        </>
      ),
    },
    {
      key: "reason",
      header: t("privacy.operator.reason"),
      cell: (e) => <Text size="sm">{t(`privacy.reasons.${e.reason}`)}</Text>,
    },
    {
      key: "requestedAt",
      header: t("privacy.operator.requestedAt"),
      cell: (e) => <Text size="sm">{format.date(e.requestedAt)}</Text>,
    },
    {
      key: "erasesAt",
      header: t("privacy.operator.erasesAt"),
      cell: (e) => <Text size="sm">{format.date(e.erasesAt)}</Text>,
    },
    {
      key: "daysLeft",
      header: t("privacy.operator.daysLeft"),
      cell: (e) => (
        <Badge color={e.daysLeft <= 3 ? "red" : "gray"} variant="light">
          {t("privacy.operator.days", { count: e.daysLeft })}
        </Badge>
      ),
    },
    {
      key: "failure",
      header: t("privacy.operator.failure"),
      cell: (e) =>
        e.attempts > 0 ? (
          <Stack gap={2}>
            <Badge color="red" variant="light">
              {t("privacy.operator.failed", { count: e.attempts })}
            </Badge>
            <Text size="xs" c="dimmed">
              {e.lastError}
            </Text>
          </Stack>
        ) : null,
    },
  ];
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("privacy.operator.title")}
        subtitle={t("privacy.operator.lead", { days: ERASURE_DAYS })}
      />
      <DataTable
        label={t("privacy.operator.tableLabel")}
        minWidth={760}
        columns={columns}
        query={list}
        rowKey={(e) => e.id}
        onPage={filters.setPage}
        empty={<TableEmpty text={<Text>{t("privacy.operator.empty")}</Text>} />}
      />
    </Stack>
  );
}
