import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../components/SectionCard";
import { useFormat } from "../../format";
import type { Challenge } from "./types";

/** A challenge's winners once its results are published, each with its award once recorded. */
export default function Winners({ winners }: { winners: Challenge["winners"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SectionCard id="ch-winners" title={t("challengeAwards.winners.title")}>
      <List spacing="xs">
        {winners.map((w) => (
          <List.Item key={w.organization?.id ?? w.team?.id}>
            {w.organization ? (
              <Link to={`/directory/${w.organization.id}`}>{w.organization.shortName}</Link>
            ) : (
              `${w.team?.name ?? ""} (${t("challengeAwards.winners.team")})`
            )}
            {w.award && (
              <Text size="sm" c="dimmed">
                {t("challengeAwards.winners.awarded", {
                  kind: t(`challengeAwards.kinds.${w.award.kind}`),
                  amount: format.number(w.award.amount),
                  date: format.date(w.award.awardedOn),
                })}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </SectionCard>
  );
}
