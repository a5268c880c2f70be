import { useTranslation } from "react-i18next";

/** Locale-aware formatting helpers bound to the current interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "ru-RU";
  return {
    dateTime(value: string | null | undefined): string {
      if (!value) return "—";
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return value;
      return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
    },
    date(value: string | null | undefined): string {
      if (!value) return "—";
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return value;
      return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(date);
    },
    number(value: number): string {
      return new Intl.NumberFormat(locale).format(value);
    },
  };
}
