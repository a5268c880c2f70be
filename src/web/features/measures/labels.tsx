import { Badge, ThemeIcon } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/constants";
import { okvedSectionName } from "../../../shared/okved";
import { tagLabel } from "../../../shared/tags";
import { currentLocale } from "../../i18n";
import type { CriterionOutcome, FacetName, Measure, MeasureCard, Verdict } from "./types";

/** The current interface language (re-renders follow `useTranslation`). */
export function useLocale(): Locale {
  useTranslation();
  return currentLocale();
}

export function titleOf(m: Pick<MeasureCard, "titleRu" | "titleEn">, locale: Locale): string {
  return (locale === "en" && m.titleEn?.trim()) || m.titleRu;
}

export function descriptionOf(m: Pick<Measure, "descriptionRu" | "descriptionEn">, locale: Locale): string {
  return (locale === "en" && m.descriptionEn?.trim()) || m.descriptionRu;
}

export function okvedLabel(letter: string, locale: Locale): string {
  const name = okvedSectionName(letter, locale);
  return name ? `${letter}. ${name}` : letter;
}

/** "dd.mm.yyyy" from "yyyy-mm-dd" (ru) or the locale's short date. */
export function shortDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  if (locale === "ru") return `${m[3]}.${m[2]}.${m[1]}`;
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`),
  );
}

/** Days left until the last day of applications (0: closes today), counted in whole calendar days. */
export function daysLeft(closesOn: string, today: string): number {
  return Math.round(
    (Date.parse(`${closesOn.slice(0, 10)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

/** A deadline this close is flagged on cards and the measure's page. */
export const SOON_DAYS = 7;

/** "Closes in 3 days" when an open measure closes within a week (today counts as 0), else nothing. */
export function DeadlineFlag({
  measure,
}: {
  measure: Pick<MeasureCard, "permanent" | "openNow" | "closesOn">;
}) {
  const { t } = useTranslation();
  if (measure.permanent || !measure.openNow || !measure.closesOn) return null;
  const days = daysLeft(measure.closesOn, new Date().toISOString().slice(0, 10));
  if (days < 0 || days > SOON_DAYS) return null;
  return (
    <Badge
      variant="outline"
      tt="none"
      // dark orange on white: above 4.5:1
      style={{ flexShrink: 0, color: "#8a3c00", borderColor: "#c2590a", background: "#fff4e6" }}
    >
      {days === 0 ? t("measures.window.closesToday") : t("measures.window.closesIn", { count: days })}
    </Badge>
  );
}

/** Failing conditions first, then the ones to check, then those met (stable within each). */
export const OUTCOME_ORDER: Record<CriterionOutcome["result"], number> = { not_met: 0, unknown: 1, met: 2 };
export function byOutcome(criteria: CriterionOutcome[]): CriterionOutcome[] {
  return [...criteria].sort((a, b) => OUTCOME_ORDER[a.result] - OUTCOME_ORDER[b.result]);
}

/** Texts for amounts, windows and facet values. */
export function useMeasureText() {
  const { t } = useTranslation();
  const locale = useLocale();
  const nf = new Intl.NumberFormat(locale === "en" ? "en-GB" : "ru-RU", { maximumFractionDigits: 1 });

  const money = (rub: number): string => {
    if (rub >= 1_000_000_000) return t("measures.money.bln", { n: nf.format(rub / 1_000_000_000) });
    if (rub >= 1_000_000) return t("measures.money.mln", { n: nf.format(rub / 1_000_000) });
    if (rub >= 1_000) return t("measures.money.thousand", { n: nf.format(rub / 1_000) });
    return t("measures.money.rub", { n: nf.format(rub) });
  };

  const amount = (m: Pick<MeasureCard, "amountMin" | "amountMax">): string | null => {
    if (m.amountMin != null && m.amountMax != null) {
      if (m.amountMin === m.amountMax) return money(m.amountMax);
      return t("measures.money.range", { from: money(m.amountMin), to: money(m.amountMax) });
    }
    if (m.amountMax != null) return t("measures.money.upTo", { to: money(m.amountMax) });
    if (m.amountMin != null) return t("measures.money.from", { from: money(m.amountMin) });
    return null;
  };

  /** "Приём до 15.12.2026" / "Бессрочно" / "Приём закрыт" / "Приём с …". */
  const window = (m: Pick<MeasureCard, "permanent" | "openNow" | "opensOn" | "closesOn">): string => {
    if (m.permanent) return t("measures.window.permanent");
    if (m.openNow)
      return m.closesOn
        ? t("measures.window.until", { date: shortDate(m.closesOn, locale) })
        : t("measures.window.open");
    const today = new Date().toISOString().slice(0, 10);
    if (m.opensOn && m.opensOn > today)
      return t("measures.window.from", { date: shortDate(m.opensOn, locale) });
    return t("measures.window.closed");
  };

  const facetLabel = (facet: FacetName, value: string): string => {
    switch (facet) {
      case "level":
        return t(`measures.level.${value}`, { defaultValue: value });
      case "form":
        return t(`measures.form.${value}`, { defaultValue: value });
      case "openNow":
        return value === "true" ? t("measures.facets.openNowYes") : t("measures.facets.openNowNo");
      case "industry":
        return okvedLabel(value, locale);
      case "tag":
        return tagLabel(value, locale);
      case "amount":
        return t(`measures.amountBucket.${value}`, { defaultValue: value });
      case "eligibility":
        return t(`measures.verdict.${value}`, { defaultValue: value });
      default:
        return value;
    }
  };

  return { money, amount, window, facetLabel, locale };
}

/** Colours with at least 4.5:1 contrast for the badge text. */
const VERDICT_STYLE: Record<Verdict, { background: string; color: string; border: string }> = {
  eligible: { background: "#1e6b34", color: "#ffffff", border: "#1e6b34" },
  check: { background: "#fff3bf", color: "#5c3d00", border: "#c98a00" },
  not_eligible: { background: "#b02525", color: "#ffffff", border: "#b02525" },
};

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const st = VERDICT_STYLE[verdict];
  return (
    <Badge
      variant="filled"
      tt="none"
      size="lg"
      style={{ flexShrink: 0, background: st.background, color: st.color, border: `1px solid ${st.border}` }}
    >
      {t(`measures.verdict.${verdict}`)}
    </Badge>
  );
}

/** The criterion that explains the verdict best: a failed one, else an unknown one, else the first. */
export function topReason(criteria: CriterionOutcome[]): CriterionOutcome | undefined {
  return (
    criteria.find((c) => c.result === "not_met") ??
    criteria.find((c) => c.result === "unknown") ??
    criteria[0]
  );
}

export function ResultIcon({ result }: { result: CriterionOutcome["result"] }) {
  const { t } = useTranslation();
  const conf =
    result === "met"
      ? { color: "green.9", glyph: "✓" }
      : result === "not_met"
        ? { color: "red.9", glyph: "✕" }
        : { color: "yellow.9", glyph: "?" };
  return (
    <ThemeIcon
      color={conf.color}
      radius="xl"
      size="sm"
      role="img"
      aria-label={t(`measures.result.${result}`)}
    >
      <span aria-hidden="true" style={{ fontWeight: 700, fontSize: 12 }}>
        {conf.glyph}
      </span>
    </ThemeIcon>
  );
}
