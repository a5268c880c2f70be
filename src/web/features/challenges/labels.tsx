import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChallengeState } from "../../../shared/challenges";
import { useFormat } from "../../format";

const STATE_COLORS: Record<ChallengeState, string> = {
  draft: "gray",
  moderation: "yellow",
  accepting: "green",
  evaluation: "indigo",
  results: "teal",
  closed: "gray",
};

export function StateBadge({ state }: { state: ChallengeState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {t(`challenges.states.${state}`)}
    </Badge>
  );
}

/** The reward as a line: "Оплачиваемый пилот · 3 000 000 ₽". */
export function useRewardText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (type: string, amount: number | null) =>
    amount === null
      ? t(`challenges.rewards.${type}`)
      : `${t(`challenges.rewards.${type}`)} · ${format.number(amount)} ₽`;
}
