// The operator's dashboards (/operator/analytics/:dashboard): a list of the seven dashboards, a filter bar
// (the period in months, region, organization type — kept in the URL, so a view can be shared and
// reloaded) and every table of the chosen dashboard drawn generically (TableSection) from the server's
// AnalyticsDashboard, whatever its columns.
import { Alert, Button, Group, NativeSelect, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation, useParams } from "react-router";
import { ANALYTICS_MAX_MONTHS, DASHBOARDS, type Dashboard } from "../../../shared/analytics";
import { ORG_TYPES } from "../../../shared/organizations";
import { REGIONS } from "../../../shared/regions";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useUrlFilters } from "../../components/table/useUrlFilters";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useLabels } from "../organizations/labels";
import {
  defaultPeriod,
  FILTER_KEYS,
  type FilterValues,
  isDashboard,
  offeredMonths,
  periodProblem,
  validFilters,
} from "./filters";
import { useCellFormat } from "./format";
import { analyticsQueries } from "./queries";
import { DownloadAll, TableSection } from "./TableSection";
import "./analytics.css";

function DashboardNav({ current }: { current: Dashboard | null }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  return (
    <nav aria-label={t("desk.analytics.dashboardsNav")} className="analytics-nav">
      {DASHBOARDS.map((d) => (
        <NavLink
          key={d}
          to={`/operator/analytics/${d}${search}`}
          className="analytics-nav__link"
          aria-current={d === current ? "page" : undefined}
        >
          {t(`desk.analytics.dashboards.${d}`)}
        </NavLink>
      ))}
    </nav>
  );
}

function FilterBar({
  values,
  set,
  reset,
  filtered,
  problem,
}: {
  values: FilterValues;
  set: (next: Partial<FilterValues>) => void;
  reset: () => void;
  filtered: boolean;
  problem: ReturnType<typeof periodProblem>;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useCellFormat();
  const months = useMemo(() => offeredMonths(), []);
  const monthOptions = (value: string) =>
    (months.includes(value) ? months : [value, ...months]).map((m) => ({
      value: m,
      label: format.cell("month", m),
    }));
  const periodError = problem
    ? t(`desk.analytics.filters.${problem}`, { count: ANALYTICS_MAX_MONTHS })
    : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t("desk.analytics.filters.title")}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t("desk.analytics.filters.from")}
          value={values.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
          data={monthOptions(values.from)}
          error={problem === "periodTooLong" ? periodError : undefined}
          style={{ flex: "1 1 10rem" }}
        />
        <NativeSelect
          label={t("desk.analytics.filters.to")}
          value={values.to}
          onChange={(e) => set({ to: e.currentTarget.value })}
          data={monthOptions(values.to)}
          error={problem === "periodOrder" ? periodError : undefined}
          style={{ flex: "1 1 10rem" }}
        />
        <NativeSelect
          label={t("desk.analytics.filters.region")}
          value={values.region}
          onChange={(e) => set({ region: e.currentTarget.value })}
          data={[
            { value: "", label: t("desk.analytics.filters.anyRegion") },
            ...REGIONS.map((r) => ({ value: r.code, label: `${r.code} — ${r[labels.locale]}` })),
          ]}
          style={{ flex: "2 1 14rem" }}
        />
        <NativeSelect
          label={t("desk.analytics.filters.orgType")}
          value={values.orgType}
          onChange={(e) => set({ orgType: e.currentTarget.value })}
          data={[
            { value: "", label: t("desk.analytics.filters.anyOrgType") },
            ...ORG_TYPES.map((ty) => ({ value: ty, label: labels.type(ty) })),
          ]}
          style={{ flex: "2 1 14rem" }}
        />
        {filtered && (
          <Button variant="subtle" onClick={reset}>
            {t("desk.analytics.filters.reset")}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function DashboardView({ dashboard, filters }: { dashboard: Dashboard; filters: FilterValues }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useQuery({
    ...analyticsQueries.dashboard(dashboard, filters, i18n.language),
    placeholderData: keepPreviousData,
  });
  if (query.isPending)
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={32} width="40%" />
        <Skeleton height={260} />
        <Skeleton height={160} />
      </Stack>
    );
  if (query.isError)
    return (
      <Stack gap="sm" align="flex-start">
        <ProblemAlert error={query.error} title={t("desk.analytics.error")} />
        <Button onClick={() => void query.refetch()} loading={query.isFetching}>
          {t("desk.analytics.retry")}
        </Button>
      </Stack>
    );
  const data = query.data;
  return (
    <Stack gap="lg" aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t("desk.analytics.computedAt", { date: format.dateTime(data.computedAt) })}
        </Text>
        {data.tables.length > 0 && <DownloadAll dashboard={dashboard} filters={filters} />}
      </Group>
      {data.tables.length === 0 ? (
        <Text>{t("desk.analytics.empty")}</Text>
      ) : (
        data.tables.map((table) => (
          <TableSection key={table.key} dashboard={dashboard} table={table} filters={filters} />
        ))
      )}
    </Stack>
  );
}

export default function AnalyticsPage() {
  const { t } = useTranslation();
  const param = useParams().dashboard;
  const dashboard: Dashboard | null = param === undefined ? DASHBOARDS[0] : isDashboard(param) ? param : null;
  usePageTitle(
    dashboard
      ? `${t(`desk.analytics.dashboards.${dashboard}`)} — ${t("desk.analytics.title")}`
      : t("desk.analytics.title"),
  );
  const period = useMemo(() => defaultPeriod(), []);
  const filters = useUrlFilters(FILTER_KEYS, { defaults: period, valid: validFilters });
  const values = filters.values;
  const problem = periodProblem(values.from, values.to);
  return (
    <Stack gap="lg">
      <PageHeader title={t("desk.analytics.title")} subtitle={t("desk.analytics.lead")} />
      <DashboardNav current={dashboard} />
      <FilterBar
        values={values}
        set={(next) => filters.set(next)}
        reset={filters.reset}
        filtered={filters.filtered}
        problem={problem}
      />
      {!dashboard ? (
        <Alert color="yellow">{t("desk.analytics.unknownDashboard")}</Alert>
      ) : problem ? null : (
        <DashboardView dashboard={dashboard} filters={values} />
      )}
    </Stack>
  );
}
