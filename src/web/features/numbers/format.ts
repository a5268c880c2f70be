import { useTranslation } from "react-i18next";

/**
 * Rubles: `compact` for a big figure ("1,3 млрд ₽" / "RUB 1.3bn"), `full` for a table ("1 250 000 ₽").
 * (The home page shortens its one sum itself, so it shares no chunk with this page.)
 */
export function useRubles() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "ru-RU";
  const rub = { style: "currency", currency: "RUB" } as const;
  const compact = new Intl.NumberFormat(locale, { ...rub, notation: "compact", maximumFractionDigits: 1 });
  const full = new Intl.NumberFormat(locale, { ...rub, maximumFractionDigits: 0 });
  return { compact: (v: number) => compact.format(v), full: (v: number) => full.format(v) };
}
