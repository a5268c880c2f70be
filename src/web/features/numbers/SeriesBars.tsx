// The drawing of a monthly series: Mantine's bar chart (@mantine/charts on recharts), a lazy chunk of its
// own so the chart library is fetched after the page's figures and tables have painted and never enters
// another page's first load. It is hidden from assistive technology: SeriesChart's summary and table say
// everything it shows.
import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";

export default function SeriesBars({
  data,
  name,
  valueFormatter,
  tickFormatter,
}: {
  data: { month: string; value: number }[];
  name: string;
  valueFormatter: (v: number) => string;
  tickFormatter: (v: number) => string;
}) {
  return (
    <div aria-hidden="true" className="numbers-chart__drawing">
      <BarChart
        h={180}
        data={data}
        dataKey="month"
        series={[{ name: "value", label: name, color: "indigo.6" }]}
        valueFormatter={valueFormatter}
        yAxisProps={{ tickFormatter, width: 72, allowDecimals: false }}
        xAxisProps={{ interval: 5 }}
        gridAxis="y"
        tickLine="none"
        withTooltip
        // recharts makes the surface a tab stop for its keyboard tooltip; here the table is the way in
        barChartProps={{ accessibilityLayer: false }}
        tooltipAnimationDuration={0}
        barProps={{ radius: 2, isAnimationActive: false }}
      />
    </div>
  );
}
