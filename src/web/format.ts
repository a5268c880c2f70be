import { useTranslation } from "react-i18next";
import { CLUSTER_TIME_ZONE } from "../shared/constants";

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The zone a value is shown in: a day ("2026-03-12") is that day wherever the reader is; a moment is
 * shown in the cluster's time, so the server's render and the browser's agree and a deadline reads as
 * the rules count it.
 */
export const zoneOf = (value: string) => (DAY_ONLY.test(value) ? "UTC" : CLUSTER_TIME_ZONE);

/** Locale-aware formatting helpers bound to the current interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "ru-RU";
  return {
    dateTime(value: string | null | undefined): string {
      if (!value) return "—";
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return value;
      return new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: zoneOf(value),
      }).format(date);
    },
    date(value: string | null | undefined): string {
      if (!value) return "—";
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return value;
      return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: zoneOf(value) }).format(date);
    },
    /** A date and time already in the cluster's time ("2026-12-10T11:00", Moscow wall time), shown as it is. */
    wallTime(value: string): string {
      const date = new Date(`${value}Z`);
      if (Number.isNaN(date.getTime())) return value;
      return new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "UTC",
      }).format(date);
    },
    number(value: number): string {
      return new Intl.NumberFormat(locale).format(value);
    },
    /** A file's size: "2,4 МБ" / "2.4 MB", "350 кБ" / "350 kB". */
    fileSize(bytes: number): string {
      const mb = bytes >= 1024 * 1024;
      return new Intl.NumberFormat(locale, {
        style: "unit",
        unit: mb ? "megabyte" : "kilobyte",
        maximumFractionDigits: 1,
      }).format(mb ? bytes / 1024 / 1024 : Math.max(1, Math.ceil(bytes / 1024)));
    },
  };
}
