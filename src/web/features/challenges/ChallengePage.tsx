import { Badge, Box, Card, Group, List, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { Topics } from "../../components/Topics";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { StateBadge, useRewardText } from "./labels";
import { challengeQueries } from "./queries";
import { WhoMaySubmit } from "./topics";
import type { Challenge } from "./types";

// What only signed-in readers do (the owner's, an expert's, a submitter's actions): its own chunk.
const ChallengeActions = lazy(() => import("./ChallengeActions"));
// The locked panel (sign in, the NDA), the files and the Q&A: chunks of their own, after the page.
const LockedPanel = lazy(() => import("./LockedPanel"));
const ChallengeFiles = lazy(() => import("./ChallengeFiles"));
const ChallengeQa = lazy(() => import("./ChallengeQa"));
// A hackathon's leaderboard (teams only, after the results): its own chunk, loaded on such pages only.
const Leaderboard = lazy(() => import("./Leaderboard"));
/** The winners with their awards, once the results are published. */
const Winners = lazy(() => import("./Winners"));

function Details({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reward = useRewardText();
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <List spacing={4} listStyleType="none">
          <List.Item>{t("challenges.page.owner", { name: c.organization.shortName })}</List.Item>
          <List.Item>
            {t("challenges.page.reward", { reward: reward(c.rewardType, c.rewardAmount) })}
          </List.Item>
          <List.Item>{t("challenges.page.deadline", { deadline: format.wallTime(c.deadline) })}</List.Item>
          <List.Item>{t("challenges.page.stages", { count: c.stages })}</List.Item>
          {(c.teamsAllowed || c.teamsOnly) && (
            <List.Item>{c.teamsOnly ? t("challenges.teams.only") : t("challenges.teams.allowed")}</List.Item>
          )}
          {c.minTrl !== null && <List.Item>{t("challenges.page.minTrl", { trl: c.minTrl })}</List.Item>}
          <List.Item>
            {t("challenges.page.submissions", { count: c.submissions })}
            {c.regions > 0 && ` ${t("challenges.page.regions", { count: c.regions })}`}
            {c.stage !== null && c.stage <= c.stages
              ? ` · ${t("challenges.page.stage", { stage: c.stage })}`
              : ""}
          </List.Item>
        </List>
        <Box mt="sm">
          <Topics industries={c.industries} tags={c.tags} label={t("challenges.topics.topicsLabel")} />
        </Box>
      </Card>
      {c.locked && (
        <Suspense fallback={null}>
          <LockedPanel c={c} />
        </Suspense>
      )}
      {c.problemRu && (
        <SectionCard id="ch-problem" title={t("challenges.page.problem")}>
          <Text style={{ whiteSpace: "pre-line" }}>{c.problemRu}</Text>
        </SectionCard>
      )}
      {c.expectedResultRu && (
        <SectionCard id="ch-expected" title={t("challenges.page.expected")}>
          <Text style={{ whiteSpace: "pre-line" }}>{c.expectedResultRu}</Text>
        </SectionCard>
      )}
      <SectionCard id="ch-requirements" title={t("challenges.page.requirements")}>
        <Stack gap="sm">
          <div>
            <Text fw={500}>{t("challenges.topics.who")}</Text>
            <WhoMaySubmit orgTypes={c.orgTypes} participantsOnly={c.participantsOnly} />
          </div>
          {c.requirementsRu && <Text style={{ whiteSpace: "pre-line" }}>{c.requirementsRu}</Text>}
        </Stack>
      </SectionCard>
      <SectionCard id="ch-criteria" title={t("challenges.page.criteria")}>
        {/* A list rather than Mantine's Table: its scroll container would bring ScrollArea and the
            floating-ui chunk into the public page's first load (issue 11's budget). */}
        <Stack
          gap="sm"
          component="ul"
          aria-label={t("challenges.page.criteria")}
          p={0}
          m={0}
          style={{ listStyle: "none" }}
        >
          {c.criteria.map((x) => (
            <Group
              key={x.name}
              component="li"
              justify="space-between"
              align="flex-start"
              wrap="nowrap"
              gap="md"
            >
              <div>
                <Text fw={500}>{x.name}</Text>
                {x.description && (
                  <Text size="sm" c="dimmed">
                    {x.description}
                  </Text>
                )}
              </div>
              <Text fw={500} aria-label={`${t("challenges.page.weight")}: ${x.weight}%`}>
                {x.weight}%
              </Text>
            </Group>
          ))}
        </Stack>
      </SectionCard>
      {!c.locked && (
        <Suspense fallback={null}>
          <ChallengeFiles c={c} />
          <ChallengeQa c={c} />
        </Suspense>
      )}
    </Stack>
  );
}

/** A challenge's public page with its live statistics; the signed-in reader's actions load after it. */
export default function ChallengePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { user } = useMe();
  const q = useQuery(challengeQueries.challenge(id));
  usePageTitle(q.data?.titleRu ?? t("challenges.catalog.title"));
  if (q.isPending) return <Skeleton height={320} />;
  if (q.error) return <ProblemAlert error={q.error} />;
  const c = q.data;
  return (
    <Stack gap="lg">
      <PageHeader back={{ to: "/challenges", label: t("challenges.catalog.title") }} title={c.titleRu}>
        <Group gap="xs">
          <StateBadge state={c.state} />
          {c.teamsOnly && <Badge variant="light">{t("challenges.teams.only")}</Badge>}
        </Group>
      </PageHeader>
      {user && (
        <Suspense fallback={null}>
          <ChallengeActions challenge={c} />
        </Suspense>
      )}
      {c.teamsOnly && (c.state === "results" || c.state === "closed") && (
        <Suspense fallback={null}>
          <Leaderboard id={c.id} />
        </Suspense>
      )}
      {c.winners.length > 0 && (
        <Suspense fallback={null}>
          <Winners winners={c.winners} />
        </Suspense>
      )}
      <Details c={c} />
    </Stack>
  );
}
