// A monthly series as bars (inline SVG: no chart library in the bundle) with its text alternative — a
// one-line summary under the title and the whole series as a table in a disclosure («Таблица»). The
// drawing is hidden from assistive technology; the summary and the table say everything it shows.
import { Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LEVEL_SERIES } from "../../../shared/numbers";
import { useFormat } from "../../format";
import { useRubles } from "./format";
import type { NumberSeries } from "./types";

const W = 640;
const H = 180;
const LEFT = 80;
const BOTTOM = 22;
const TOP = 8;

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
  const top = max || 1;
  const at = values.indexOf(max);
  const summary = LEVEL_SERIES.includes(series.key)
    ? t("numbers.chart.level", { last: exact(values.at(-1) ?? 0), first: exact(values[0] ?? 0) })
    : t("numbers.chart.flow", {
        total: exact(values.reduce((a, b) => a + b, 0)),
        last: exact(values.at(-1) ?? 0),
        max: exact(max),
        maxMonth: names.long(months[at] ?? months.at(-1) ?? ""),
      });
  const step = (W - LEFT) / Math.max(values.length, 1);
  const bar = step * 0.7;
  const plot = H - TOP - BOTTOM;

  return (
    <figure className="numbers-chart" aria-labelledby={`${id}-title`}>
      <Title order={3} size="h4" id={`${id}-title`}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {summary}
      </Text>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        aria-hidden="true"
        focusable="false"
        className="numbers-chart__svg"
      >
        <line x1={LEFT} x2={W} y1={TOP} y2={TOP} className="numbers-chart__grid" />
        <line x1={LEFT} x2={W} y1={TOP + plot / 2} y2={TOP + plot / 2} className="numbers-chart__grid" />
        <line x1={LEFT} x2={W} y1={TOP + plot} y2={TOP + plot} className="numbers-chart__axis" />
        <text x={LEFT - 6} y={TOP + 4} textAnchor="end" className="numbers-chart__label">
          {short(max)}
        </text>
        <text x={LEFT - 6} y={TOP + plot + 4} textAnchor="end" className="numbers-chart__label">
          0
        </text>
        {values.map((v, i) => {
          const h = (v / top) * plot;
          const x = LEFT + i * step + (step - bar) / 2;
          return (
            <rect
              key={months[i]}
              x={x}
              y={TOP + plot - h}
              width={bar}
              height={h}
              rx={2}
              className={
                i === values.length - 1 ? "numbers-chart__bar numbers-chart__bar--now" : "numbers-chart__bar"
              }
            />
          );
        })}
        {months.map((m, i) =>
          i % 6 === 0 || i === months.length - 1 ? (
            <text
              key={m}
              x={i === months.length - 1 ? W : LEFT + i * step + step / 2}
              y={H - 6}
              textAnchor={i === months.length - 1 ? "end" : "middle"}
              className="numbers-chart__label"
            >
              {names.short(m)}
            </text>
          ) : null,
        )}
      </svg>
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
