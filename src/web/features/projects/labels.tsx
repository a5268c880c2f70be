import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatShare } from "../../../shared/projects";
import { useFormat } from "../../format";

/** A project's stage and TRL as badges. */
export function StageBadges({ stage, trl }: { stage: string; trl: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge variant="light" tt="none">
        {t(`projects.stages.${stage}`)}
      </Badge>
      <Badge variant="outline" color="gray" tt="none">
        {t("projects.card.trl", { trl })}
      </Badge>
    </Group>
  );
}

/** Rubles, whole: "48 500 000 ₽". */
export function useRubles() {
  const { t } = useTranslation();
  const format = useFormat();
  return (amount: number) => t("projects.card.rubles", { amount: format.number(amount) });
}

/** A share (hundredths of a percent) as "25 %" / "25%". */
export function useShare() {
  const { t, i18n } = useTranslation();
  return (share: number) => t("projects.consortium.percent", { value: formatShare(share, i18n.language) });
}

/** The confirmed totals line of a card or a page. */
export function Totals({ totals }: { totals: { investment: number; support: number } }) {
  const { t } = useTranslation();
  const rubles = useRubles();
  if (!totals.investment && !totals.support) return null;
  return (
    <Text size="sm">
      {t("projects.card.investment", { amount: rubles(totals.investment) })} ·{" "}
      {t("projects.card.support", { amount: rubles(totals.support) })}
    </Text>
  );
}

/** What a money entry is, in a line: the investment's type and investor, or the support measure. */
export function useEntryWhat() {
  const { t } = useTranslation();
  return (e: {
    kind: string;
    investorRu: string | null;
    investmentType: string | null;
    measure: { titleRu: string } | null;
    supportRu: string | null;
  }) =>
    e.kind === "investment"
      ? t("projects.entries.investmentLine", {
          investor: e.investorRu ?? "",
          type: e.investmentType ? t(`projects.investmentTypes.${e.investmentType}`) : "",
        })
      : t("projects.entries.supportLine", { support: e.measure?.titleRu ?? e.supportRu ?? "" });
}

/**
 * A state's badge in colours that keep AA contrast, as components/badgeColors.ts (not imported here: it
 * would make one more chunk on the other catalogs' first screen): dark filled, or yellow with black.
 */
export const tone = (color: string | null) =>
  color
    ? ({ color, variant: "filled" } as const)
    : ({ color: "yellow", c: "black", variant: "filled" } as const);
