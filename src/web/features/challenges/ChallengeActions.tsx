import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { toast } from "../../components/toast";
import { useMe } from "../../session";
import { submitterName } from "./labels";
import { challengeKeys, challengeQueries } from "./queries";
import type { Challenge } from "./types";

type Move = "submit" | "evaluation" | "close";

/** The owner's moves of a challenge: one request each, naming the version seen. */
function OwnerPanel({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = (next: Challenge) => {
    qc.setQueryData(challengeKeys.challenge(c.id), next);
    void qc.invalidateQueries({ queryKey: challengeKeys.all });
  };
  const move = useMutation({
    mutationFn: (m: Move) => {
      const args = { params: { path: { id: c.id } }, body: { version: c.version } };
      return unwrap(
        m === "submit"
          ? client.POST("/api/challenges/{id}/submit", args)
          : m === "evaluation"
            ? client.POST("/api/challenges/{id}/evaluation", args)
            : client.POST("/api/challenges/{id}/close", args),
      );
    },
    onSuccess: (next, m) => {
      toast(t(`challengesWork.owner.done.${m}`));
      refresh(next);
    },
  });
  const [emails, setEmails] = useState(c.experts.map((e) => e.email).join("\n"));
  const experts = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT("/api/challenges/{id}/experts", {
          params: { path: { id: c.id } },
          body: {
            emails: emails
              .split(/[\s,;]+/)
              .map((e) => e.trim())
              .filter(Boolean),
            version: c.version,
          },
        }),
      ),
    onSuccess: (next) => {
      toast(t("challengesWork.owner.expertsSaved"));
      refresh(next);
    },
  });
  const open = ["draft", "moderation", "accepting", "evaluation"].includes(c.state);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t("challengesWork.owner.title")}
        </Title>
        {c.state === "draft" && c.rejectReason && (
          <Alert color="yellow" title={t("challengesWork.owner.rejected")}>
            {c.rejectReason}
          </Alert>
        )}
        <Group gap="sm" wrap="wrap">
          {c.state === "draft" && (
            <>
              <Button component={Link} to={`/challenges/${c.id}/edit`} variant="light">
                {t("challengesWork.owner.edit")}
              </Button>
              <Button loading={move.isPending} onClick={() => move.mutate("submit")}>
                {t("challengesWork.owner.submit")}
              </Button>
            </>
          )}
          {c.state === "accepting" && (
            <Button loading={move.isPending} onClick={() => move.mutate("evaluation")}>
              {t("challengesWork.owner.evaluate")}
            </Button>
          )}
          {c.stage !== null && (
            <Button component={Link} to={`/challenges/${c.id}/evaluation`} variant="light">
              {t("challengesWork.owner.evaluation")}
            </Button>
          )}
          {c.state === "results" && (
            <Button variant="default" loading={move.isPending} onClick={() => move.mutate("close")}>
              {t("challengesWork.owner.close")}
            </Button>
          )}
        </Group>
        {move.error && <Text c="red">{move.error.message}</Text>}
        {open && (
          <MutationForm onSubmit={() => experts.mutate()} error={experts.error}>
            <Textarea
              label={t("challengesWork.owner.experts")}
              description={t("challengesWork.owner.expertsHint")}
              autosize
              minRows={2}
              value={emails}
              onChange={(e) => setEmails(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" variant="light" loading={experts.isPending}>
                {t("challengesWork.owner.saveExperts")}
              </Button>
            </Group>
            {c.experts.length > 0 && (
              <List size="sm">
                {c.experts.map((e) => (
                  <List.Item key={e.id}>
                    {e.fullName} —{" "}
                    {e.noConflict
                      ? t("challengesWork.owner.noConflict")
                      : t("challengesWork.owner.conflictPending")}
                  </List.Item>
                ))}
              </List>
            )}
          </MutationForm>
        )}
      </Stack>
    </Card>
  );
}

/** The operator extends an open challenge's deadline (Moscow time). */
function DeadlinePanel({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [deadline, setDeadline] = useState(c.deadline);
  const extend = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/operator/challenges/{id}/deadline", {
          params: { path: { id: c.id } },
          body: { deadline, version: c.version },
        }),
      ),
    onSuccess: (next) => {
      toast(t("challengesWork.operator.extended"));
      qc.setQueryData(challengeKeys.challenge(c.id), next);
    },
  });
  return (
    <Card withBorder padding="md">
      <MutationForm onSubmit={() => extend.mutate()} error={extend.error}>
        <TextInput
          type="datetime-local"
          label={t("challengesWork.operator.deadline")}
          description={t("challengesWork.form.moscowTime")}
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" variant="light" loading={extend.isPending}>
            {t("challengesWork.operator.extend")}
          </Button>
        </Group>
      </MutationForm>
    </Card>
  );
}

/** An assigned expert: the declaration of no conflict of interest, then the submissions to score. */
function ExpertPanel({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const subs = useQuery({ ...challengeQueries.submissions(c.id), enabled: c.stage !== null });
  const declare = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/challenges/{id}/no-conflict", {
          params: { path: { id: c.id } },
          body: { noConflict: true },
        }),
      ),
    onSuccess: (next) => qc.setQueryData(challengeKeys.challenge(c.id), next),
  });
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t("challengesWork.expert.title")}
        </Title>
        {!c.me.noConflict ? (
          <MutationForm onSubmit={() => declare.mutate()} error={declare.error}>
            <Text>{t("challengesWork.expert.declaration")}</Text>
            <Group>
              <Button type="submit" loading={declare.isPending}>
                {t("challengesWork.expert.declare")}
              </Button>
            </Group>
          </MutationForm>
        ) : (
          <Text size="sm">{t("challengesWork.expert.declared")}</Text>
        )}
        {c.stage === null ? (
          <Text size="sm" c="dimmed">
            {t("challengesWork.expert.notYet")}
          </Text>
        ) : (
          <List>
            {(subs.data?.items ?? []).map((s) => (
              <List.Item key={s.id}>
                <Anchor component={Link} to={`/challenges/submissions/${s.id}`}>
                  {submitterName(s)}
                </Anchor>{" "}
                — {s.myScore ? t("challengesWork.expert.scored") : t("challengesWork.expert.toScore")}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

/** What a signed-in reader may do on a challenge's page: by who they are to it. */
export default function ChallengeActions({ challenge: c }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const { can } = useMe();
  return (
    <Stack gap="md">
      {c.me.manage && <OwnerPanel c={c} />}
      {c.state === "accepting" && can("operator.challenges.queue") && <DeadlinePanel c={c} />}
      {c.me.expert && <ExpertPanel c={c} />}
      {c.me.submissions.length + c.me.teamSubmissions.length > 0 && (
        <Card withBorder padding="md">
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t("challengesWork.mine.title")}
            </Title>
            {[
              ...c.me.submissions.map((s) => ({ id: s.id, name: s.organization.shortName })),
              ...c.me.teamSubmissions.map((s) => ({ id: s.id, name: s.team.name })),
            ].map((s) => (
              <Anchor key={s.id} component={Link} to={`/challenges/submissions/${s.id}`}>
                {t("challengesWork.mine.open", { org: s.name })}
              </Anchor>
            ))}
          </Stack>
        </Card>
      )}
      {c.state === "accepting" && !c.me.manage && (
        <Group>
          <Button component={Link} to={`/challenges/${c.id}/submit`}>
            {t("challengesWork.mine.submit")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
