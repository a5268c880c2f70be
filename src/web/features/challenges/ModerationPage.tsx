import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { challengeKeys, challengeQueries } from "./queries";
import type { ChallengeQueueItem } from "./types";

function QueueItem({ item }: { item: ChallengeQueueItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const challenge = useQuery(challengeQueries.challenge(item.id));
  const decide = useMutation({
    mutationFn: (decision: "approve" | "reject") =>
      unwrap(
        client.POST("/api/operator/challenges/{id}/decision", {
          params: { path: { id: item.id } },
          body: { decision, reason: reason || null, version: challenge.data?.version ?? 1 },
        }),
      ),
    onSuccess: (_, decision) => {
      toast(t(`challengesWork.moderation.${decision === "approve" ? "approved" : "rejected"}`));
      void qc.invalidateQueries({ queryKey: challengeKeys.all });
    },
  });
  return (
    <Card withBorder padding="md" component="article">
      <MutationForm onSubmit={() => decide.mutate("reject")} error={decide.error}>
        <Anchor component={Link} to={`/challenges/${item.id}`} fw={600}>
          {item.titleRu}
        </Anchor>
        <Text size="sm" c="dimmed">
          {item.organization.shortName} ·{" "}
          {t("challenges.card.deadline", { deadline: format.wallTime(item.deadline) })}
        </Text>
        <Textarea
          label={t("challengesWork.moderation.reason")}
          autosize
          minRows={1}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group>
          <Button
            type="button"
            disabled={!challenge.data}
            loading={decide.isPending}
            onClick={() => decide.mutate("approve")}
          >
            {t("challengesWork.moderation.approve")}
          </Button>
          <Button type="submit" variant="light" color="red" disabled={!challenge.data || !reason.trim()}>
            {t("challengesWork.moderation.reject")}
          </Button>
        </Group>
      </MutationForm>
    </Card>
  );
}

/** The operators' queue of challenges on moderation, oldest first. */
export default function ModerationPage() {
  const { t } = useTranslation();
  usePageTitle(t("challengesWork.moderation.title"));
  const q = useQuery(challengeQueries.queue(1));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("challengesWork.moderation.title")}
        subtitle={t("challengesWork.moderation.lead")}
      />
      {q.isPending ? (
        <Skeleton height={200} />
      ) : q.error ? (
        <ProblemAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <EmptyState
          text={t("challengesWork.moderation.empty")}
          hint={t("challengesWork.moderation.emptyHint")}
        />
      ) : (
        q.data.items.map((item) => <QueueItem key={item.id} item={item} />)
      )}
    </Stack>
  );
}
