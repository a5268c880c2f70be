import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { pageFrom } from "../../components/pageFrom";
import { QueryList } from "../../components/QueryList";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { ImportExport } from "./importExport";
import { titleOf, useMeasureText } from "./labels";
import { measureQueries } from "./queries";
import { MEASURE_STATUSES, type MeasureStatus } from "./types";

const PAGE_SIZE = 20;
const STATUS_STYLE: Record<MeasureStatus, { background: string; color: string }> = {
  draft: { background: "#e9ecef", color: "#343a40" },
  published: { background: "#1e6b34", color: "#ffffff" },
  archived: { background: "#495057", color: "#ffffff" },
};

export function StatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" tt="none" style={STATUS_STYLE[status]}>
      {t(`measures.status.${status}`)}
    </Badge>
  );
}

export default function OperatorListPage() {
  const { t } = useTranslation();
  usePageTitle(t("measuresOperator.operator.title"));
  const format = useFormat();
  const text = useMeasureText();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const statusParam = params.get("status") ?? "";
  const status = (MEASURE_STATUSES as readonly string[]).includes(statusParam) ? statusParam : "";
  const page = pageFrom(params);
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);

  const update = (next: Record<string, string>) => {
    const sp = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) sp.set(k, v);
      else sp.delete(k);
    }
    if (!("page" in next)) sp.delete("page");
    setParams(sp, { replace: "q" in next });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: react only to the debounced text
  useEffect(() => {
    if (debounced.trim() !== q) update({ q: debounced.trim() });
  }, [debounced]);

  const result = useQuery({
    ...measureQueries.operatorList({
      q: q || undefined,
      status: status || undefined,
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const data = result.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("measuresOperator.operator.title")}
        subtitle={t("measuresOperator.operator.lead")}
        actions={
          <Button component={Link} to="/operator/measures/new">
            {t("measuresOperator.operator.create")}
          </Button>
        }
      />

      <ImportExport />

      <search aria-label={t("measuresOperator.operator.searchForm")}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t("measuresOperator.operator.search")}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: "1 1 16rem" }}
          />
          <NativeSelect
            label={t("measuresOperator.operator.statusFilter")}
            value={status}
            onChange={(e) => update({ status: e.currentTarget.value })}
            data={[
              { value: "", label: t("measuresOperator.operator.allStatuses") },
              ...MEASURE_STATUSES.map((s) => ({ value: s, label: t(`measures.status.${s}`) })),
            ]}
            style={{ flex: "0 1 12rem" }}
          />
        </Group>
      </search>

      <Text fw={600} role="status" aria-live="polite">
        {data ? t("measures.navigator.found", { total: format.number(data.total) }) : "\u00a0"}
      </Text>
      <QueryList
        query={result}
        items={data?.items}
        skeleton={240}
        empty={
          <EmptyState
            text={t("measuresOperator.operator.empty")}
            action={
              <Button component={Link} to="/operator/measures/new" variant="default">
                {t("measuresOperator.operator.create")}
              </Button>
            }
          />
        }
      >
        {() =>
          data && (
            <>
              <Table.ScrollContainer minWidth={720}>
                <Table striped verticalSpacing="sm" aria-busy={result.isFetching}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("measuresOperator.operator.col.title")}</Table.Th>
                      <Table.Th>{t("measuresOperator.operator.col.status")}</Table.Th>
                      <Table.Th>{t("measuresOperator.operator.col.form")}</Table.Th>
                      <Table.Th>{t("measuresOperator.operator.col.window")}</Table.Th>
                      <Table.Th>{t("measuresOperator.operator.col.stats")}</Table.Th>
                      <Table.Th>{t("measuresOperator.operator.col.updated")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/operator/measures/${m.id}`}>
                            {titleOf(m, text.locale)}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {m.provider}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={m.status} />
                        </Table.Td>
                        <Table.Td>{t(`measures.form.${m.form}`)}</Table.Td>
                        <Table.Td>{text.window(m)}</Table.Td>
                        <Table.Td>
                          {t("measuresOperator.operator.stats", {
                            views: format.number(m.views),
                            clicks: format.number(m.applyClicks),
                          })}
                        </Table.Td>
                        <Table.Td>{format.dateTime(m.updatedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onChange={(p) => update({ page: String(p) })}
              />
            </>
          )
        }
      </QueryList>
    </Stack>
  );
}
