// The cabinet's block "responses waiting for you" (a chunk of its own, loaded by the cabinet): the
// responses whose next move is one of the member's organizations' — which side a state waits for is
// derived from the declared moves (`waitingSide`, src/shared/listingResponses.ts) by the server.
import { Anchor, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { movesFrom } from "../../../shared/listingResponses";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { useFormat } from "../../format";
import { listingQueries } from "./queries";
import { ResponseStateBadge, responseType } from "./responseLabels";
import type { ResponseSummary } from "./types";

function AwaitingItem({ r }: { r: ResponseSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const other = r.side === "owner" ? r.organization : r.listing.organization;
  const moves = movesFrom(responseType(r.type), r.state, r.side).filter((m) => !m.exit);
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/responses/${r.id}`} fw={600}>
            {t("responses.toListing", { title: r.listing.titleRu })}
          </Anchor>
          <ResponseStateBadge type={r.type} state={r.state} />
        </Group>
        <Text size="sm" c="dimmed">
          {t(`responses.${r.type}.title`)} ·{" "}
          {t(r.side === "owner" ? "responses.from" : "responses.to", {
            org: other.shortName,
          })}{" "}
          · {format.dateTime(r.updatedAt)}
        </Text>
        <Text size="sm">
          {t("responses.awaiting.yourMove", {
            moves: moves.map((m) => t(`responses.${r.type}.moves.${m.name}`)).join(", "),
          })}
        </Text>
      </Stack>
    </Card>
  );
}

/** The responses waiting for the member's organizations, newest first, with their count. */
export function AwaitingResponses() {
  const { t } = useTranslation();
  const query = useQuery(listingQueries.awaiting());
  const data = query.data;
  return (
    <SectionCard id="awaiting-title" title={t("responses.awaiting.title")}>
      {query.isPending ? (
        <Skeleton height={120} />
      ) : !data ? (
        <ProblemAlert error={query.error} />
      ) : data.total === 0 ? (
        <Stack gap="xs" align="flex-start">
          <Text>{t("responses.awaiting.empty")}</Text>
          <Group gap="md">
            <Anchor component={Link} to="/exchanges">
              {t("responses.browse")}
            </Anchor>
            <Anchor component={Link} to="/responses">
              {t("responses.mineTitle")}
            </Anchor>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("responses.awaiting.lead", { count: data.total })}
          </Text>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {data.items.map((r) => (
              <AwaitingItem key={r.id} r={r} />
            ))}
          </Stack>
          <Group gap="md">
            {data.total > data.items.length && (
              <Text size="sm">{t("responses.awaiting.more", { count: data.total - data.items.length })}</Text>
            )}
            <Anchor component={Link} to="/listings/mine" size="sm">
              {t("responses.awaiting.myListings")}
            </Anchor>
            <Anchor component={Link} to="/responses" size="sm">
              {t("responses.awaiting.mine")}
            </Anchor>
          </Group>
        </Stack>
      )}
    </SectionCard>
  );
}
