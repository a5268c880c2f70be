// One table of a dashboard, drawn generically from its AnalyticsTable: title and description, a note when
// a filter the user set does not apply to it, its downloads (CSV, XLSX), the chart (a named figure, the
// drawing a lazy chunk) and the table itself — the accessible data: a caption, column and row headers,
// numbers right-aligned and formatted by their column's kind, long tables collapsed to 20 rows.
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Dashboard } from "../../../shared/analytics";
import { exportUrl, type FilterValues, unappliedFilters } from "./filters";
import { NUMERIC_KINDS, useCellFormat } from "./format";
import type { AnalyticsTable } from "./types";

const TableChart = lazy(() => import("./TableChart"));

/** Rows shown before "show all". */
export const COLLAPSED_ROWS = 20;

function Downloads({
  dashboard,
  table,
  filters,
}: {
  dashboard: Dashboard;
  table: AnalyticsTable;
  filters: FilterValues;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={t("desk.analytics.export.label", { title: table.title })}>
      <Button
        component="a"
        href={exportUrl(dashboard, "csv", filters, table.key)}
        download
        variant="default"
        size="xs"
        title={t("desk.analytics.export.csvTitle", { title: table.title })}
      >
        {t("desk.analytics.export.csv")}
      </Button>
      <Button
        component="a"
        href={exportUrl(dashboard, "xlsx", filters, table.key)}
        download
        variant="default"
        size="xs"
        title={t("desk.analytics.export.xlsxTitle", { title: table.title })}
      >
        {t("desk.analytics.export.xlsx")}
      </Button>
    </Group>
  );
}

function DataTable({ table }: { table: AnalyticsTable }) {
  const { t } = useTranslation();
  const format = useCellFormat();
  const [all, setAll] = useState(false);
  const long = table.rows.length > COLLAPSED_ROWS;
  const rows = long && !all ? table.rows.slice(0, COLLAPSED_ROWS) : table.rows;
  const align = (kind: string) => (NUMERIC_KINDS.includes(kind as never) ? "right" : "left");
  return (
    <Stack gap="xs">
      <Table.ScrollContainer
        minWidth={Math.max(320, table.columns.length * 120)}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t("desk.analytics.tableOf", { title: table.title })}
      >
        <Table striped withTableBorder captionSide="top" className="analytics-table">
          <Table.Caption>{table.title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((c) => (
                <Table.Th key={c.key} scope="col" style={{ textAlign: align(c.kind) }}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <Table.Tr key={i}>
                {table.columns.map((c, j) => {
                  const style = { textAlign: align(c.kind), whiteSpace: "nowrap" } as const;
                  const content = format.cell(c.kind, row[c.key] ?? null);
                  return j === 0 ? (
                    <Table.Th key={c.key} scope="row" style={{ ...style, fontWeight: 500 }}>
                      {content}
                    </Table.Th>
                  ) : (
                    <Table.Td key={c.key} style={style}>
                      {content}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {long && (
        <Button variant="subtle" size="xs" onClick={() => setAll(!all)} aria-expanded={all} w="fit-content">
          {all
            ? t("desk.analytics.showFewer", { count: COLLAPSED_ROWS })
            : t("desk.analytics.showAll", { count: table.rows.length })}
        </Button>
      )}
    </Stack>
  );
}

export function TableSection({
  dashboard,
  table,
  filters,
}: {
  dashboard: Dashboard;
  table: AnalyticsTable;
  filters: FilterValues;
}) {
  const { t } = useTranslation();
  const id = useId();
  const unapplied = unappliedFilters(filters, table.filters);
  const empty = table.rows.length === 0;
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: "1 1 20rem", minWidth: 0 }}>
            <Title order={2} size="h3" id={`${id}-title`}>
              {table.title}
            </Title>
            <Text size="sm" c="dimmed">
              {table.description}
            </Text>
          </Stack>
          <Downloads dashboard={dashboard} table={table} filters={filters} />
        </Group>
        {unapplied.length > 0 && (
          <Alert color="yellow" variant="light" p="xs">
            {t("desk.analytics.notApplied", {
              filters: unapplied.map((f) => t(`desk.analytics.filters.${f}`)).join(", "),
            })}
          </Alert>
        )}
        {empty ? (
          <Text c="dimmed">{t("desk.analytics.empty")}</Text>
        ) : (
          <>
            {table.chart && (
              <figure
                className="analytics-chart"
                aria-label={t("desk.analytics.chart", { title: table.title })}
              >
                <Suspense fallback={<div className="analytics-chart__drawing" aria-hidden="true" />}>
                  <TableChart table={table} />
                </Suspense>
                <figcaption className="sr-only">{t("desk.analytics.chartNote")}</figcaption>
              </figure>
            )}
            <DataTable table={table} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The link to every table of the dashboard in one workbook. */
export function DownloadAll({ dashboard, filters }: { dashboard: Dashboard; filters: FilterValues }) {
  const { t } = useTranslation();
  return (
    <Anchor href={exportUrl(dashboard, "xlsx", filters)} download fw={500}>
      {t("desk.analytics.export.all")}
    </Anchor>
  );
}
