import { Anchor, Button, Card, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { KPI_REPORT_STATES } from "../../../shared/kpiReports";
import { client, unwrap } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { QueryList } from "../../components/QueryList";
import { SectionCard } from "../../components/SectionCard";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { fieldError } from "../challenges/fieldErrors";
import { kpiKeys, kpiQueries } from "./queries";
import type { KpiCampaign } from "./types";

/** A campaign's counts as one line: "Сдан: 12 · Черновик: 3 · …" (states with none left out). */
export function useCounts() {
  const { t } = useTranslation();
  return (c: KpiCampaign) =>
    KPI_REPORT_STATES.filter((s) => c.counts[s] > 0)
      .map((s) => `${t(`cabinet.kpi.states.${s}`)}: ${c.counts[s]}`)
      .join(" · ");
}

function OpenCampaign() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | "">(new Date().getFullYear() - 1);
  const [titleRu, setTitleRu] = useState("");
  const [dueAt, setDueAt] = useState("");
  const open = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/operator/kpi-campaigns", {
          body: { year: Number(year), titleRu: titleRu || null, dueAt },
        }),
      ),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: kpiKeys.all });
      navigate(`/desk/reports/${c.id}`);
    },
  });
  return (
    <SectionCard id="open-title" title={t("cabinet.kpi.campaigns.open")}>
      <MutationForm onSubmit={() => open.mutate()} error={open.error}>
        <Text size="sm">{t("cabinet.kpi.campaigns.openLead")}</Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NumberInput
            label={t("cabinet.kpi.campaigns.year")}
            value={year}
            onChange={(v) => setYear(typeof v === "number" ? v : "")}
            min={2000}
            max={2100}
            allowDecimal={false}
            allowNegative={false}
            required
            error={fieldError(open.error, "year")}
            style={{ flex: "0 1 9rem" }}
          />
          <TextInput
            type="datetime-local"
            label={t("cabinet.kpi.campaigns.dueAt")}
            description={t("cabinet.kpi.campaigns.dueHint")}
            value={dueAt}
            onChange={(e) => setDueAt(e.currentTarget.value)}
            required
            error={fieldError(open.error, "dueAt")}
            style={{ flex: "0 1 16rem" }}
          />
        </Group>
        <TextInput
          label={t("cabinet.kpi.campaigns.titleRu")}
          description={t("cabinet.kpi.campaigns.titleHint", { year: year || "…" })}
          value={titleRu}
          onChange={(e) => setTitleRu(e.currentTarget.value)}
          maxLength={200}
          error={fieldError(open.error, "titleRu")}
        />
        <Group>
          <Button type="submit" loading={open.isPending}>
            {t("cabinet.kpi.campaigns.openSubmit")}
          </Button>
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

/** The operator's reporting campaigns, the latest year first, and the form opening a new one. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t("cabinet.kpi.campaigns.title"));
  const format = useFormat();
  const counts = useCounts();
  const list = useQuery(kpiQueries.campaigns());
  return (
    <Stack gap="lg">
      <PageHeader title={t("cabinet.kpi.campaigns.title")} subtitle={t("cabinet.kpi.campaigns.lead")} />
      <QueryList
        query={list}
        items={list.data?.items}
        skeleton={96}
        rows={2}
        empty={
          <EmptyState text={t("cabinet.kpi.campaigns.empty")} hint={t("cabinet.kpi.campaigns.emptyHint")} />
        }
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((c) => (
              <Card key={c.id} withBorder component="article">
                <Stack gap={6}>
                  <Anchor component={Link} to={`/desk/reports/${c.id}`} fw={600}>
                    {c.titleRu}
                  </Anchor>
                  <Text size="sm">{t("cabinet.kpi.report.due", { due: format.dateTime(c.dueAt) })}</Text>
                  <Text size="sm" c="dimmed">
                    {t("cabinet.kpi.campaigns.obliged", { count: c.total })} · {counts(c)}
                  </Text>
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </QueryList>
      <OpenCampaign />
    </Stack>
  );
}
