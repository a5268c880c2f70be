import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { badgeColors } from "../../components/badgeColors";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { AwardPanel } from "./AwardPanel";
import { SubmissionFiles } from "./ChallengeFiles";
import { fieldError } from "./fieldErrors";
import { submitterName } from "./labels";
import { challengeKeys, challengeQueries } from "./queries";
import { SubmissionFields, type SubmissionValues } from "./SubmissionFields";
import type { Challenge, Submission } from "./types";

/** What every submitter reads once the results are published: averages per criterion, comments, the decision. */
export function FeedbackView({ s }: { s: Submission }) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = s.feedback!;
  return (
    <SectionCard id="ch-feedback" title={t("challengesWork.feedback.title")}>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge
            {...badgeColors(f.decision === "winner" ? "green" : f.decision === "reserve" ? "yellow" : "gray")}
            size="lg"
          >
            {t(`challengesWork.decisions.${f.decision}`)}
          </Badge>
          {f.score !== null && (
            <Text>{t("challengesWork.feedback.score", { score: format.number(f.score) })}</Text>
          )}
        </Group>
        <Table.ScrollContainer minWidth={300}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("challenges.page.criterion")}</Table.Th>
                <Table.Th>{t("challenges.page.weight")}</Table.Th>
                <Table.Th>{t("challengesWork.feedback.average")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.averages.map((a) => (
                <Table.Tr key={a.name}>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{a.weight}%</Table.Td>
                  <Table.Td>{a.average === null ? "—" : format.number(a.average)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Title order={3} size="h4">
          {t("challengesWork.feedback.comments")}
        </Title>
        {f.comments.length ? (
          <List>
            {f.comments.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: comments are anonymous texts, possibly equal
              <List.Item key={i}>{c}</List.Item>
            ))}
          </List>
        ) : (
          <Text c="dimmed">{t("challengesWork.feedback.noComments")}</Text>
        )}
      </Stack>
    </SectionCard>
  );
}

/** An assigned expert's score of the submission: every criterion 0–10 with a comment, and a summary. */
function ScoreForm({ s, c }: { s: Submission; c: Challenge }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [scores, setScores] = useState<{ score: number; comment: string }[]>(
    c.criteria.map((_, i) => ({
      score: s.myScore?.criteria[i]?.score ?? 5,
      comment: s.myScore?.criteria[i]?.comment ?? "",
    })),
  );
  const [comment, setComment] = useState(s.myScore?.comment ?? "");
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT("/api/challenge-submissions/{id}/score", {
          params: { path: { id: s.id } },
          body: {
            criteria: scores.map((x) => ({ score: x.score, comment: x.comment || null })),
            comment,
            ...(s.myScore ? { version: s.myScore.version } : {}),
          },
        }),
      ),
    onSuccess: () => {
      toast(t("challengesWork.score.saved"));
      void qc.invalidateQueries({ queryKey: challengeKeys.all });
    },
  });
  return (
    <SectionCard id="ch-score" title={t("challengesWork.score.title")}>
      <MutationForm onSubmit={() => save.mutate()} error={save.error}>
        {c.criteria.map((x, i) => (
          <Card key={x.name} withBorder padding="sm">
            <Group align="flex-start" wrap="wrap">
              <NumberInput
                label={t("challengesWork.score.criterion", { name: x.name, weight: x.weight })}
                min={0}
                max={10}
                allowDecimal={false}
                value={scores[i]!.score}
                onChange={(v) =>
                  setScores((list) =>
                    list.map((y, k) => (k === i ? { ...y, score: typeof v === "number" ? v : 0 } : y)),
                  )
                }
                w={260}
              />
              <Textarea
                label={t("challengesWork.score.criterionComment", { name: x.name })}
                autosize
                minRows={1}
                style={{ flex: "1 1 240px" }}
                value={scores[i]!.comment}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setScores((list) => list.map((y, k) => (k === i ? { ...y, comment: text } : y)));
                }}
              />
            </Group>
          </Card>
        ))}
        <Textarea
          label={t("challengesWork.score.comment")}
          description={t("challengesWork.score.commentHint")}
          required
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={fieldError(save.error, "comment")}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("challengesWork.score.save")}
          </Button>
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

/** Its organization edits or withdraws the submission until the deadline. */
function EditForm({ s }: { s: Submission }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState<SubmissionValues>({
    solution: s.solution,
    trl: s.trl,
    ipStatus: s.ipStatus,
    price: s.price,
    pilotPlan: s.pilotPlan,
  });
  const done = (next: Submission) => {
    qc.setQueryData(challengeKeys.submission(s.id), next);
    void qc.invalidateQueries({ queryKey: challengeKeys.all });
  };
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PATCH("/api/challenge-submissions/{id}", {
          params: { path: { id: s.id } },
          body: { ...v, version: s.version },
        }),
      ),
    onSuccess: (next) => {
      toast(t("challengesWork.submission.saved"));
      done(next);
    },
  });
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/challenge-submissions/{id}/withdraw", {
          params: { path: { id: s.id } },
          body: { version: s.version },
        }),
      ),
    onSuccess: done,
  });
  return (
    <SectionCard id="ch-editTitle" title={t("challengesWork.submission.editTitle")}>
      <MutationForm onSubmit={() => save.mutate()} error={save.error ?? withdraw.error}>
        <SubmissionFields v={v} set={(p) => setV((x) => ({ ...x, ...p }))} error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("challengesWork.submission.save")}
          </Button>
          <Button variant="subtle" color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
            {t("challengesWork.submission.withdraw")}
          </Button>
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

export default function SubmissionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = "" } = useParams();
  const q = useQuery(challengeQueries.submission(id));
  const challengeId = q.data?.challenge.id ?? "";
  const c = useQuery({ ...challengeQueries.challenge(challengeId), enabled: Boolean(challengeId) });
  usePageTitle(t("challengesWork.submission.title"));
  if (q.isPending) return <Skeleton height={300} />;
  if (q.error) return <ProblemAlert error={q.error} />;
  const s = q.data;
  const scoring = c.data?.me.expert && c.data.state === "evaluation" && !s.mine;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/challenges/${s.challenge.id}`, label: s.challenge.titleRu }}
        title={t("challengesWork.submission.titleOf", { org: submitterName(s) })}
      >
        <Group gap="xs">
          <Badge {...badgeColors(s.state === "withdrawn" ? "gray" : "indigo")}>
            {t(`challengesWork.submissionStates.${s.state}`)}
          </Badge>
        </Group>
      </PageHeader>
      {s.feedback && <FeedbackView s={s} />}
      <AwardPanel s={s} manage={Boolean(c.data?.me.manage)} />
      {s.mine && !s.feedback && s.state === "submitted" && (
        <Alert color="blue">
          {s.challenge.state === "accepting"
            ? t("challengesWork.submission.editable", { deadline: format.wallTime(s.challenge.deadline) })
            : t("challengesWork.submission.waiting")}
        </Alert>
      )}
      {scoring && c.data && !c.data.me.noConflict && (
        <Alert color="yellow">{t("challengesWork.score.declareFirst")}</Alert>
      )}
      {scoring && c.data && <ScoreForm s={s} c={c.data} />}
      {s.mine && s.state === "submitted" && s.challenge.state === "accepting" ? (
        <EditForm s={s} />
      ) : (
        <SectionCard id="ch-content" title={t("challengesWork.submission.content")}>
          <Stack gap="xs">
            <Text style={{ whiteSpace: "pre-line" }}>{s.solution}</Text>
            <Text size="sm">
              {t("challengesWork.submission.trl")}: {s.trl} · {t(`challengesWork.ipStatus.${s.ipStatus}`)}
              {s.price !== null ? ` · ${format.number(s.price)} ₽` : ""}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-line" }}>
              {t("challengesWork.submission.pilotPlan")}: {s.pilotPlan}
            </Text>
          </Stack>
        </SectionCard>
      )}
      <SubmissionFiles
        id={s.id}
        editable={s.mine && s.state === "submitted" && s.challenge.state === "accepting"}
      />
    </Stack>
  );
}
