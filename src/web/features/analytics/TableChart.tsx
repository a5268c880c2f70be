// The drawing of one table: Mantine's line, area or bar chart (@mantine/charts on recharts) as the table's
// `chart` says — x a column, one series per named column, labelled by the columns' labels. A lazy chunk of
// the operator's analytics page alone, so the chart library never enters another page's first load. It is
// hidden from assistive technology: the figure is named, and the table under it holds the same data.
import "@mantine/charts/styles.css";
import { AreaChart, BarChart, LineChart } from "@mantine/charts";
import type { ColumnKind } from "../../../shared/analytics";
import { type Cell, useCellFormat } from "./format";
import type { AnalyticsTable } from "./types";

const COLORS = ["indigo.6", "teal.6", "orange.6", "grape.6", "cyan.7", "red.6", "lime.8", "pink.6"];
export const CHART_HEIGHT = 260;

export default function TableChart({ table }: { table: AnalyticsTable }) {
  const format = useCellFormat();
  const chart = table.chart;
  if (!chart) return null;
  const kindOf = (key: string): ColumnKind => table.columns.find((c) => c.key === key)?.kind ?? "text";
  const xKind = kindOf(chart.x);
  // one kind for the values' axis and tooltip: the first series' (a table charts like with like)
  const valueKind = kindOf(chart.series[0] ?? "");
  const data = table.rows.map((row) => {
    const point: Record<string, string | number | null> = {
      [chart.x]: format.tick(xKind, row[chart.x] ?? null),
    };
    for (const key of chart.series) point[key] = (row[key] as Cell) ?? null;
    return point;
  });
  const series = chart.series.map((key, i) => ({
    name: key,
    label: table.columns.find((c) => c.key === key)?.label ?? key,
    color: COLORS[i % COLORS.length]!,
  }));
  const common = {
    h: CHART_HEIGHT,
    data,
    dataKey: chart.x,
    series,
    valueFormatter: (v: number) => format.number(valueKind, v),
    yAxisProps: {
      tickFormatter: (v: number) => format.tick(valueKind, v),
      width: valueKind === "money" ? 84 : 56,
    },
    gridAxis: "y" as const,
    tickLine: "none" as const,
    withLegend: series.length > 1,
    legendProps: { verticalAlign: "bottom" as const },
    tooltipAnimationDuration: 0,
  };
  return (
    <div aria-hidden="true" className="analytics-chart__drawing">
      {chart.kind === "bar" ? (
        <BarChart
          {...common}
          type={chart.stacked ? "stacked" : "default"}
          // recharts makes the surface a tab stop for its keyboard tooltip; here the table is the way in
          barChartProps={{ accessibilityLayer: false }}
          barProps={{ isAnimationActive: false }}
        />
      ) : chart.kind === "area" ? (
        <AreaChart
          {...common}
          type={chart.stacked ? "stacked" : "default"}
          connectNulls={false}
          areaChartProps={{ accessibilityLayer: false }}
          areaProps={{ isAnimationActive: false }}
        />
      ) : (
        <LineChart
          {...common}
          connectNulls={false}
          lineChartProps={{ accessibilityLayer: false }}
          lineProps={{ isAnimationActive: false }}
        />
      )}
    </div>
  );
}
