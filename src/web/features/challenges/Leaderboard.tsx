import { Skeleton, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { useFormat } from "../../format";
import { teamQueries } from "../teams/queries";

/** A hackathon's leaderboard of its published results: places with ties shown as ties. */
export default function Leaderboard({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const q = useQuery(teamQueries.leaderboard(id));
  return (
    <SectionCard id="ch-leaderboard" title={t("teams.leaderboard")}>
      {q.isPending ? (
        <Skeleton height={120} />
      ) : q.error ? (
        <ProblemAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed">{t("teams.leaderboardEmpty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("teams.rank")}</Table.Th>
                <Table.Th>{t("teams.team")}</Table.Th>
                <Table.Th>{t("teams.score")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((r) => (
                <Table.Tr key={r.team.id}>
                  <Table.Td>
                    {r.rank ?? "—"}
                    {r.tied ? ` (${t("teams.tied")})` : ""}
                  </Table.Td>
                  <Table.Td>
                    {r.team.name}
                    {r.decision && (
                      <Text size="xs" c="dimmed">
                        {t(`challengesWork.decisions.${r.decision}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.score === null ? t("teams.noScore") : format.number(r.score)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
