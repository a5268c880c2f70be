import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { KpiFigure } from "../../../shared/kpiReports";
import type { KpiReport, KpiReportState } from "./types";

/** Filled badges in dark shades: white text on them meets AA contrast. */
const STATE_COLOR: Record<KpiReportState, string> = {
  not_started: "gray.7",
  draft: "blue.8",
  submitted: "violet.8",
  returned: "orange.9",
  accepted: "teal.9",
};

export function KpiStateBadge({ state }: { state: KpiReportState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="filled" style={{ flexShrink: 0 }}>
      {t(`cabinet.kpi.states.${state}`)}
    </Badge>
  );
}

/** A figure as people read it: money in rubles with the currency, counts as numbers, empty as a dash. */
export function useFigure() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "ru-RU";
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "RUB",
    maximumFractionDigits: 0,
  });
  const count = new Intl.NumberFormat(locale);
  return (report: Pick<KpiReport, KpiFigure>, figure: KpiFigure) => {
    const v = report[figure];
    if (v === null) return "—";
    return figure === "headcount" || figure === "patentsFiled" ? count.format(v) : money.format(v);
  };
}
