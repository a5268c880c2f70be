// A cell as the page shows it, by its column's kind (src/shared/analytics.ts): counts and rubles with
// thousands separators, days and percents with one decimal, months and days as words; null is "—".
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ColumnKind } from "../../../shared/analytics";

export type Cell = string | number | null;

/** Columns of these kinds hold numbers: right-aligned in the table, drawable as a chart's series. */
export const NUMERIC_KINDS: readonly ColumnKind[] = ["count", "money", "days", "percent"];

export function cellFormatter(language: string) {
  const locale = language === "en" ? "en-GB" : "ru-RU";
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "RUB",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  });
  const compactMoney = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "RUB",
    currencyDisplay: "narrowSymbol",
    notation: "compact",
    maximumFractionDigits: 1,
  });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const month = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const shortMonth = new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const asDate = (v: string, suffix: string) => {
    const d = new Date(`${v}${suffix}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : d;
  };

  /** A number of a kind (the chart's tooltip and the table). */
  const number = (kind: ColumnKind, v: number): string => {
    if (kind === "money") return money.format(v);
    if (kind === "days") return oneDecimal.format(v);
    if (kind === "percent") return percent.format(v / 100);
    return count.format(v);
  };

  return {
    number,
    /** A cell of the table. */
    cell(kind: ColumnKind, v: Cell): string {
      if (v === null || v === "") return "—";
      if (typeof v === "number") return number(kind, v);
      if (kind === "month") return format(month, asDate(v, "-01"), v);
      if (kind === "day") return format(day, asDate(v, ""), v);
      return v;
    },
    /** A chart axis' tick: short rubles ("1,3 млн ₽"), short months ("янв. 26"). */
    tick(kind: ColumnKind, v: Cell): string {
      if (typeof v === "number") return kind === "money" ? compactMoney.format(v) : number(kind, v);
      if (v && kind === "month") return format(shortMonth, asDate(v, "-01"), v);
      return this.cell(kind, v);
    },
  };
}

function format(f: Intl.DateTimeFormat, d: Date | null, raw: string): string {
  return d ? f.format(d) : raw;
}

export function useCellFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => cellFormatter(i18n.language), [i18n.language]);
}
