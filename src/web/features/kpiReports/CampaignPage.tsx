import { Button, Group, NativeSelect, Skeleton, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { KPI_FIGURES, KPI_REPORT_STATES } from "../../../shared/kpiReports";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { ConflictAlert } from "../../components/ConflictAlert";
import { MutationForm } from "../../components/MutationForm";
import { AppModal, ConfirmModal, ModalFormActions } from "../../components/modal";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { type Column, DataTable, TableEmpty } from "../../components/table/DataTable";
import { useUrlFilters } from "../../components/table/useUrlFilters";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { fieldError } from "../challenges/fieldErrors";
import { useCounts } from "./CampaignsPage";
import { KpiStateBadge, useFigure } from "./labels";
import { kpiKeys, kpiQueries } from "./queries";
import type { KpiCampaign, KpiReport, KpiReportState, ReportsQuery } from "./types";

const PAGE_SIZE = 20;
const FILTER_KEYS = ["state", "q"] as const;
const isState = (v: string): v is KpiReportState => (KPI_REPORT_STATES as readonly string[]).includes(v);

/** Moves the due moment, naming the version seen (a stale one: the campaign as it is now, to reload). */
function DueForm({ campaign }: { campaign: KpiCampaign }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [dueAt, setDueAt] = useState(campaign.dueLocal);
  const move = useMutation({
    mutationFn: () =>
      unwrap(
        client.PATCH("/api/operator/kpi-campaigns/{id}", {
          params: { path: { id: campaign.id } },
          body: { dueAt, version: campaign.version },
        }),
      ),
    onSuccess: (c) => {
      qc.setQueryData(kpiKeys.campaign(c.id), c);
      void qc.invalidateQueries({ queryKey: kpiKeys.campaigns });
    },
  });
  const stale = move.error instanceof ApiError && move.error.is("kpi-campaign-changed");
  return (
    <MutationForm onSubmit={() => move.mutate()} error={stale ? null : move.error}>
      {stale && (
        <ConflictAlert
          title={t("cabinet.kpi.campaign.staleTitle")}
          text={t("cabinet.kpi.campaign.staleText")}
          reload={{
            label: t("cabinet.kpi.form.reload"),
            onClick: () => void qc.invalidateQueries({ queryKey: kpiKeys.campaign(campaign.id) }),
          }}
        />
      )}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="datetime-local"
          label={t("cabinet.kpi.campaigns.dueAt")}
          value={dueAt}
          onChange={(e) => setDueAt(e.currentTarget.value)}
          error={fieldError(move.error, "dueAt")}
          style={{ flex: "0 1 16rem" }}
        />
        <Button
          type="submit"
          variant="default"
          loading={move.isPending}
          disabled={dueAt === campaign.dueLocal}
        >
          {t("cabinet.kpi.campaign.moveDue")}
        </Button>
        {move.isSuccess && (
          <Text size="sm" role="status">
            {t("cabinet.kpi.campaign.moved")}
          </Text>
        )}
      </Group>
    </MutationForm>
  );
}

/** Accept (a confirmation) or return with what is incomplete (a reason): the operator's two decisions. */
function Decision({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState<"accept" | "return" | null>(null);
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "accept" | "return") =>
      unwrap(
        client.POST("/api/operator/kpi-reports/{id}/decision", {
          params: { path: { id: report.id } },
          body:
            decision === "return"
              ? { decision, reason, version: report.version }
              : { decision, version: report.version },
        }),
      ),
    onSuccess: () => setOpen(null),
    onSettled: () => void qc.invalidateQueries({ queryKey: kpiKeys.all }),
  });
  const name = report.organization.shortName;
  const close = () => {
    setOpen(null);
    decide.reset();
  };
  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" color="teal.9" onClick={() => setOpen("accept")}>
          {t("cabinet.kpi.decision.accept")}
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen("return")}>
          {t("cabinet.kpi.decision.return")}
        </Button>
      </Group>
      <ConfirmModal
        opened={open === "accept"}
        onClose={close}
        title={t("cabinet.kpi.decision.acceptTitle")}
        confirmLabel={t("cabinet.kpi.decision.accept")}
        color="teal.9"
        loading={decide.isPending}
        onConfirm={() => decide.mutate("accept")}
      >
        <Stack gap="sm">
          <Text size="sm">{t("cabinet.kpi.decision.acceptText", { name })}</Text>
          <ProblemAlert error={decide.error} />
        </Stack>
      </ConfirmModal>
      <AppModal opened={open === "return"} onClose={close} title={t("cabinet.kpi.decision.returnTitle")}>
        <MutationForm onSubmit={() => decide.mutate("return")} error={decide.error}>
          <Text size="sm">{t("cabinet.kpi.decision.returnText", { name })}</Text>
          <Textarea
            label={t("cabinet.kpi.decision.reason")}
            description={t("cabinet.kpi.decision.reasonHint")}
            autosize
            minRows={3}
            maxLength={2000}
            required
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(decide.error, "reason")}
          />
          <ModalFormActions
            onCancel={close}
            submitLabel={t("cabinet.kpi.decision.return")}
            loading={decide.isPending}
            disabled={!reason.trim()}
          />
        </MutationForm>
      </AppModal>
    </>
  );
}

/** A campaign: its due moment, the table of every obliged organization, filters, export and decisions. */
export default function CampaignPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const format = useFormat();
  const figure = useFigure();
  const counts = useCounts();
  const campaign = useQuery(kpiQueries.campaign(id));
  const c = campaign.data;
  usePageTitle(c?.titleRu ?? t("cabinet.kpi.campaigns.title"));
  const filters = useUrlFilters(FILTER_KEYS, { valid: { state: isState } });
  const state = isState(filters.values.state) ? filters.values.state : undefined;
  const [qInput, setQInput] = useState(filters.values.q);
  const [debouncedQ] = useDebouncedValue(qInput.trim(), 400);
  // biome-ignore lint/correctness/useExhaustiveDependencies: react only to the debounced text
  useEffect(() => {
    if (debouncedQ !== filters.values.q) filters.set({ q: debouncedQ });
  }, [debouncedQ]);
  const query: ReportsQuery = {
    state,
    q: filters.values.q || undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
  const table = useQuery({ ...kpiQueries.table(id, query), placeholderData: keepPreviousData });
  const exportHref = (format: "csv" | "xlsx") =>
    `/api/operator/kpi-campaigns/${id}/export?format=${format}${state ? `&state=${state}` : ""}`;
  const resetAll = () => {
    setQInput("");
    filters.reset();
  };

  const columns: Column<KpiReport>[] = [
    {
      key: "organization",
      header: t("cabinet.kpi.table.organization"),
      cell: (r) => (
        <>
          <Text fw={600} size="sm">
            {r.organization.shortName}
          </Text>
          {r.organization.inn && (
            <Text size="xs">{t("cabinet.kpi.table.inn", { inn: r.organization.inn })}</Text>
          )}
        </>
      ),
    },
    {
      key: "state",
      header: t("cabinet.kpi.table.state"),
      style: { whiteSpace: "nowrap" },
      cell: (r) => (
        <Stack gap={2} align="flex-start">
          <KpiStateBadge state={r.state} />
          {r.submittedAt && <Text size="xs">{format.dateTime(r.submittedAt)}</Text>}
          {r.warnings.map((w) => (
            <Text key={w} size="xs" c="orange.9">
              {t(`cabinet.kpi.warnings.${w}.title`)}
            </Text>
          ))}
        </Stack>
      ),
    },
    ...KPI_FIGURES.map(
      (f): Column<KpiReport> => ({
        key: f,
        header: t(`cabinet.kpi.figures.${f}.short`),
        style: { textAlign: "right", whiteSpace: "nowrap" },
        cell: (r) => figure(r, f),
      }),
    ),
    {
      key: "decision",
      header: t("cabinet.kpi.table.decision"),
      cell: (r) =>
        r.me.decide ? (
          <Decision report={r} />
        ) : r.state === "returned" && r.returnReason ? (
          <Text size="xs" lineClamp={3} title={r.returnReason}>
            {r.returnReason}
          </Text>
        ) : null,
    },
  ];

  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/desk/reports", label: t("cabinet.kpi.campaigns.title") }}
        title={c?.titleRu ?? t("cabinet.kpi.report.loading")}
        subtitle={c ? t("cabinet.kpi.report.due", { due: format.dateTime(c.dueAt) }) : undefined}
        actions={
          <Group gap="xs">
            <Button component="a" href={exportHref("xlsx")} download variant="default">
              {t("cabinet.kpi.campaign.exportXlsx")}
            </Button>
            <Button component="a" href={exportHref("csv")} download variant="default">
              {t("cabinet.kpi.campaign.exportCsv")}
            </Button>
          </Group>
        }
      >
        {c && (
          <Text size="sm" c="dimmed">
            {t("cabinet.kpi.campaigns.obliged", { count: c.total })} · {counts(c)}
          </Text>
        )}
      </PageHeader>
      {campaign.isError && <ProblemAlert error={campaign.error} />}
      {campaign.isPending && <Skeleton height={80} />}
      {c && <DueForm key={c.version} campaign={c} />}
      <DataTable
        label={t("cabinet.kpi.table.label")}
        minWidth={1100}
        cardsOnPhone
        columns={columns}
        query={table}
        rowKey={(r) => `${r.id}-${r.version}`}
        onPage={filters.setPage}
        filters={
          <form aria-label={t("cabinet.kpi.table.filters")} onSubmit={(e) => e.preventDefault()}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                label={t("cabinet.kpi.table.state")}
                value={state ?? ""}
                onChange={(e) => filters.set({ state: e.currentTarget.value })}
                data={[
                  { value: "", label: t("cabinet.kpi.table.anyState", { count: c?.total ?? 0 }) },
                  ...KPI_REPORT_STATES.map((s) => ({
                    value: s,
                    label: `${t(`cabinet.kpi.states.${s}`)}${c ? ` (${c.counts[s]})` : ""}`,
                  })),
                ]}
                style={{ flex: "0 1 16rem" }}
              />
              <TextInput
                type="search"
                label={t("cabinet.kpi.table.search")}
                value={qInput}
                onChange={(e) => setQInput(e.currentTarget.value)}
                style={{ flex: "1 1 16rem" }}
              />
              {filters.filtered && (
                <Button variant="default" onClick={resetAll}>
                  {t("common.resetFilters")}
                </Button>
              )}
            </Group>
          </form>
        }
        empty={
          <TableEmpty
            text={
              <Text>
                {filters.filtered ? t("cabinet.kpi.table.emptyFiltered") : t("cabinet.kpi.table.empty")}
              </Text>
            }
            action={
              filters.filtered && (
                <Button variant="default" onClick={resetAll}>
                  {t("common.resetFilters")}
                </Button>
              )
            }
          />
        }
      />
    </Stack>
  );
}
