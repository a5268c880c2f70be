// Money on the grants' pages: kopecks (integers) in the API, rubles with kopecks as people type and read
// them. Parsing never goes through a float: "4 800 000,50" is 480 000 050 kopecks.
import { useTranslation } from "react-i18next";

/** Kopecks from what was typed ("4 800 000", "4800000,5", "1 200.75"); null when empty, -1 when not money. */
export function kopecksOf(typed: string): number | null {
  const plain = typed.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!plain) return null;
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!m) return -1;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** Kopecks as typed back into a field: "4800000" or "4800000,50". */
export const typedOf = (kopecks: number) =>
  `${Math.floor(kopecks / 100)}${kopecks % 100 ? `,${String(kopecks % 100).padStart(2, "0")}` : ""}`;

/** Formats kopecks as rubles in the interface's language ("4 800 000,50 ₽"). */
export function useMoney() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "ru-RU";
  return (kopecks: number) =>
    new Intl.NumberFormat(locale, {
      style: "currency",
      currency: "RUB",
      minimumFractionDigits: kopecks % 100 ? 2 : 0,
      maximumFractionDigits: 2,
    }).format(kopecks / 100);
}

/** A share in hundredths of a percent as "50%". */
export const percentOf = (share: number) => `${share / 100}%`;
