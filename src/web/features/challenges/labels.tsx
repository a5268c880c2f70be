import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChallengeState } from "../../../shared/challenges";
import { badgeColors } from "../../components/badgeColors";
import { useFormat } from "../../format";

const STATE_TONE: Record<ChallengeState, Parameters<typeof badgeColors>[0]> = {
  draft: "gray",
  moderation: "yellow",
  accepting: "green",
  evaluation: "indigo",
  results: "blue",
  closed: "gray",
};

export function StateBadge({ state }: { state: ChallengeState }) {
  const { t } = useTranslation();
  return <Badge {...badgeColors(STATE_TONE[state])}>{t(`challenges.states.${state}`)}</Badge>;
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

/** Who submitted: the organization's short name or the team's name. */
export const submitterName = (s: {
  organization: { shortName: string } | null;
  team?: { name: string } | null;
}) => s.organization?.shortName ?? s.team?.name ?? "";
