// A monthly series as bars (Mantine's bar chart, a lazy chunk: SeriesBars) with its text alternative — a
// one-line summary under the title and the whole series as a table in a disclosure («Таблица»). The
// drawing is hidden from assistive technology; the summary and the table say everything it shows.
import { Text, Title } from "@mantine/core";
import { lazy, Suspense, useId } from "react";
import { useTranslation } from "react-i18next";
import { LEVEL_SERIES } from "../../../shared/numbers";
import { useFormat } from "../../format";
import { useRubles } from "./format";
import type { NumberSeries } from "./types";

const SeriesBars = lazy(() => import("./SeriesBars"));

/** A month (YYYY-MM) as words: "янв. 26" on the axis, "январь 2026 г." in the table. */
function useMonths() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "ru-RU";
  const short = new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const day = (m: string) => new Date(`${m}-01T00:00:00Z`);
  return { short: (m: string) => short.format(day(m)), long: (m: string) => long.format(day(m)) };
}

export function SeriesChart({ series, months }: { series: NumberSeries; months: string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useFormat();
  const rubles = useRubles();
  const names = useMonths();
  const rub = series.unit === "rub";
  const short = (v: number) => (rub ? rubles.compact(v) : format.number(v));
  const exact = (v: number) => (rub ? rubles.full(v) : format.number(v));
  const values = series.values;
  const title = t(`numbers.series.${series.key}`);
  const max = Math.max(0, ...values);
  const at = values.indexOf(max);
  const summary = LEVEL_SERIES.includes(series.key)
    ? t("numbers.chart.level", { last: exact(values.at(-1) ?? 0), first: exact(values[0] ?? 0) })
    : t("numbers.chart.flow", {
        total: exact(values.reduce((a, b) => a + b, 0)),
        last: exact(values.at(-1) ?? 0),
        max: exact(max),
        maxMonth: names.long(months[at] ?? months.at(-1) ?? ""),
      });

  return (
    <figure className="numbers-chart" aria-labelledby={`${id}-title`}>
      <Title order={3} size="h4" id={`${id}-title`}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {summary}
      </Text>
      <Suspense fallback={<div className="numbers-chart__drawing" aria-hidden="true" />}>
        <SeriesBars
          data={months.map((m, i) => ({ month: names.short(m), value: values[i] ?? 0 }))}
          name={title}
          valueFormatter={exact}
          tickFormatter={short}
        />
      </Suspense>
      <details className="numbers-chart__table">
        <summary>{t("numbers.chart.table")}</summary>
        <table className="numbers-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("numbers.chart.month")}</th>
              <th scope="col">{t("numbers.chart.value")}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m, i) => (
              <tr key={m}>
                <th scope="row">{names.long(m)}</th>
                <td>{exact(values[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
