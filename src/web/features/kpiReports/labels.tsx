import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { KpiFigure } from "../../../shared/kpiReports";
import type { KpiReport, KpiReportState } from "./types";

/**
 * Filled badges in dark shades, white text at WCAG AA contrast; returned in yellow with black text (the
 * shades of `components/badgeColors.ts`, not imported: a signed-in chunk importing it splits it out of
 * the public pages' chunks, a file more at their first paint).
 */
const STATE_COLOR: Record<KpiReportState, { color: string; c?: string }> = {
  not_started: { color: "gray.7" },
  draft: { color: "blue.9" },
  submitted: { color: "indigo.9" },
  returned: { color: "yellow", c: "black" },
  accepted: { color: "teal.9" },
};

export function KpiStateBadge({ state }: { state: KpiReportState }) {
  const { t } = useTranslation();
  return (
    <Badge {...STATE_COLOR[state]} variant="filled" style={{ flexShrink: 0 }}>
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
