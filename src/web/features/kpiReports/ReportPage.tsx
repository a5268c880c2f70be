import { Alert, Button, Group, NumberInput, SimpleGrid, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  figureIssues,
  figureWarnings,
  KPI_FIGURES,
  KPI_MONEY_FIGURES,
  type KpiFigure,
  type KpiFigures,
  missingFigures,
} from "../../../shared/kpiReports";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { okAlert, warnAlert } from "../../components/alerts";
import { ConflictAlert } from "../../components/ConflictAlert";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { fieldError } from "../challenges/fieldErrors";
import { KpiStateBadge, useFigure } from "./labels";
import { kpiKeys, kpiQueries } from "./queries";
import type { KpiReport } from "./types";

type Values = Record<KpiFigure, number | "">;

const valuesOf = (r: KpiReport): Values =>
  Object.fromEntries(KPI_FIGURES.map((k) => [k, r[k] ?? ""])) as Values;
const figuresOf = (v: Values): KpiFigures =>
  Object.fromEntries(KPI_FIGURES.map((k) => [k, v[k] === "" ? null : v[k]])) as KpiFigures;
const isMoney = (f: KpiFigure) => (KPI_MONEY_FIGURES as readonly string[]).includes(f);

/** The figures as a read-only table (a submitted or accepted report, or a reader who may not fill it). */
export function FiguresTable({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const figure = useFigure();
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {KPI_FIGURES.map((f) => (
          <Table.Tr key={f}>
            <Table.Th w="55%">{t(`cabinet.kpi.figures.${f}.label`)}</Table.Th>
            <Table.Td>{figure(report, f)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ReportForm({ report, onReload }: { report: KpiReport; onReload: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(report));
  const [shown, setShown] = useState(false);
  const figures = figuresOf(values);
  const issues = figureIssues(figures);
  const warnings = figureWarnings(figures);
  const save = useMutation({
    mutationFn: (submit: boolean) => {
      const body = { ...figures, version: report.version };
      const path = { params: { path: { id: report.id } }, body };
      return unwrap(
        submit
          ? client.POST("/api/kpi-reports/{id}/submit", path)
          : client.PUT("/api/kpi-reports/{id}", path),
      );
    },
    onSuccess: (r) => {
      qc.setQueryData(kpiKeys.report(r.id), r);
      void qc.invalidateQueries({ queryKey: kpiKeys.mine });
      void qc.invalidateQueries({ queryKey: ["cabinet"] });
    },
  });
  const stale = save.error instanceof ApiError && save.error.is("kpi-report-changed");
  const missing = new Set(shown ? missingFigures(figures) : []);
  const errorOf = (f: KpiFigure) => {
    const local = issues.find((i) => i.field === f);
    if (local) return t(`cabinet.kpi.issues.${local.code}`);
    if (missing.has(f)) return t("cabinet.kpi.issues.required");
    return fieldError(save.error, f);
  };
  const submit = () => {
    setShown(true);
    if (issues.length || missingFigures(figures).length) return;
    save.mutate(true);
  };
  return (
    <MutationForm
      onSubmit={submit}
      error={stale ? null : save.error}
      lead={<Text size="sm">{t("cabinet.kpi.form.lead")}</Text>}
    >
      {stale && (
        <ConflictAlert
          title={t("cabinet.kpi.form.staleTitle")}
          text={t("cabinet.kpi.form.staleText")}
          reload={{ label: t("cabinet.kpi.form.reload"), onClick: onReload }}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {KPI_FIGURES.map((f) => (
          <NumberInput
            key={f}
            label={t(`cabinet.kpi.figures.${f}.label`)}
            description={t(`cabinet.kpi.figures.${f}.hint`)}
            value={values[f]}
            onChange={(v) => setValues((o) => ({ ...o, [f]: typeof v === "number" ? v : "" }))}
            min={0}
            allowNegative={false}
            allowDecimal={false}
            thousandSeparator=" "
            suffix={isMoney(f) ? " ₽" : undefined}
            inputMode="numeric"
            error={errorOf(f)}
          />
        ))}
      </SimpleGrid>
      {warnings.map((w) => (
        <Alert key={w} {...warnAlert} title={t(`cabinet.kpi.warnings.${w}.title`)}>
          {t(`cabinet.kpi.warnings.${w}.text`)}
        </Alert>
      ))}
      <Text size="sm" c="dimmed">
        {t("cabinet.kpi.form.submitNote")}
      </Text>
      <Group gap="sm">
        <Button type="submit" loading={save.isPending && save.variables === true}>
          {t("cabinet.kpi.form.submit")}
        </Button>
        <Button
          type="button"
          variant="default"
          disabled={issues.length > 0}
          loading={save.isPending && save.variables === false}
          onClick={() => save.mutate(false)}
        >
          {t("cabinet.kpi.form.save")}
        </Button>
        {save.isSuccess && save.data.state !== "submitted" && (
          <Text size="sm" role="status">
            {t("cabinet.kpi.form.saved")}
          </Text>
        )}
      </Group>
    </MutationForm>
  );
}

/** A report: the form for its organization's owner or admin while it may be edited, the figures otherwise. */
export default function ReportPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const format = useFormat();
  const report = useQuery(kpiQueries.report(id));
  const r = report.data;
  usePageTitle(
    r ? t("cabinet.kpi.report.title", { year: r.campaign.year }) : t("cabinet.kpi.report.loading"),
  );
  // A reload after a conflict: the form starts again from the report as it is now.
  const [formKey, setFormKey] = useState(0);
  const reload = () => void report.refetch().then(() => setFormKey((k) => k + 1));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/cabinet/reports", label: t("cabinet.kpi.mine.title") }}
        title={r ? t("cabinet.kpi.report.title", { year: r.campaign.year }) : t("cabinet.kpi.report.loading")}
        subtitle={r ? r.organization.shortName : undefined}
      />
      {report.isError && <ProblemAlert error={report.error} />}
      {report.isPending && <Skeleton height={320} />}
      {r && (
        <>
          <Group gap="sm" wrap="wrap">
            <KpiStateBadge state={r.state} />
            <Text size="sm">{t("cabinet.kpi.report.due", { due: format.dateTime(r.campaign.dueAt) })}</Text>
            {r.submittedAt && (
              <Text size="sm" c="dimmed">
                {t("cabinet.kpi.report.submittedAt", { at: format.dateTime(r.submittedAt) })}
              </Text>
            )}
          </Group>
          {r.state === "returned" && r.returnReason && (
            <Alert {...warnAlert} title={t("cabinet.kpi.report.returned")}>
              <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                {r.returnReason}
              </Text>
            </Alert>
          )}
          {r.state === "accepted" && (
            <Alert {...okAlert} title={t("cabinet.kpi.report.accepted")}>
              {t("cabinet.kpi.report.acceptedText")}
            </Alert>
          )}
          <SectionCard id="figures-title" title={t("cabinet.kpi.report.figures")}>
            {r.me.fill ? (
              <ReportForm key={formKey} report={r} onReload={reload} />
            ) : (
              <Stack gap="sm">
                <FiguresTable report={r} />
                {r.warnings.map((w) => (
                  <Text key={w} size="sm" c="orange.9">
                    {t(`cabinet.kpi.warnings.${w}.title`)}
                  </Text>
                ))}
                {(r.state === "not_started" || r.state === "draft" || r.state === "returned") && (
                  <Text size="sm">{t("cabinet.kpi.report.managersOnly")}</Text>
                )}
              </Stack>
            )}
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
