// A challenge's public Q&A: the questions the reader may read, the ask form for a signed-in reader while
// submissions are accepted, the answer form and hiding for its managers; and the private clarification
// («Задать вопрос организатору лично»). Its own chunk, loaded after the page.
import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { QUESTION_MAX, QUESTION_MIN } from "../../../shared/challenges.qa";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast, toastError } from "../../components/toast";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { challengeKeys, challengeQueries } from "./queries";
import type { Challenge, Question } from "./types";

function AnswerForm({ c, q }: { c: Challenge; q: Question }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState(q.answer ?? "");
  const [open, setOpen] = useState(q.answer === null);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT("/api/challenges/{id}/questions/{questionId}/answer", {
          params: { path: { id: c.id, questionId: q.id } },
          body: { answer: text, version: q.version },
        }),
      ),
    onSuccess: async () => {
      toast(t("challengesQa.qa.answered"));
      setOpen(false);
      await qc.invalidateQueries({ queryKey: challengeKeys.questions(c.id) });
    },
  });
  const hide = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/challenges/{id}/questions/{questionId}/hide", {
          params: { path: { id: c.id, questionId: q.id } },
          body: { version: q.version },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: challengeKeys.questions(c.id) }),
    onError: toastError,
  });
  if (!open)
    return (
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => setOpen(true)}>
          {t("challengesQa.qa.editAnswer")}
        </Button>
        {!q.hidden && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => hide.mutate()}
            loading={hide.isPending}
          >
            {t("challengesQa.qa.hide")}
          </Button>
        )}
      </Group>
    );
  return (
    <Stack gap="xs">
      <Textarea
        label={t("challengesQa.qa.answer")}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={QUESTION_MAX}
      />
      {save.error && <ProblemAlert error={save.error} />}
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={text.trim().length < QUESTION_MIN}
        >
          {t("challengesQa.qa.saveAnswer")}
        </Button>
        {!q.hidden && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => hide.mutate()}
            loading={hide.isPending}
          >
            {t("challengesQa.qa.hide")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function AskForm({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useMyOrganizations().data?.items ?? [];
  const [text, setText] = useState("");
  const [org, setOrg] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/challenges/{id}/questions", {
          params: { path: { id: c.id } },
          body: { question: text, organizationId: org },
        }),
      ),
    onSuccess: async () => {
      toast(t("challengesQa.qa.asked"));
      setText("");
      await qc.invalidateQueries({ queryKey: challengeKeys.questions(c.id) });
    },
  });
  return (
    <Stack gap="xs">
      <Textarea
        label={t("challengesQa.qa.question")}
        description={t("challengesQa.qa.questionHint")}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={QUESTION_MAX}
      />
      {orgs.length > 0 && (
        <Select
          label={t("challengesQa.qa.askAs")}
          placeholder={t("challengesQa.qa.participant")}
          clearable
          data={orgs.map((o) => ({ value: o.organization.id, label: o.organization.shortName }))}
          value={org}
          onChange={setOrg}
        />
      )}
      {ask.error && <ProblemAlert error={ask.error} />}
      <Button
        onClick={() => ask.mutate()}
        loading={ask.isPending}
        disabled={text.trim().length < QUESTION_MIN}
        style={{ alignSelf: "flex-start" }}
      >
        {t("challengesQa.qa.ask")}
      </Button>
    </Stack>
  );
}

/** «Задать вопрос организатору лично»: the organization's private conversation with the owner. */
function Clarification({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyOrganizations().data;
  const orgs = (mine?.items ?? []).filter((o) => o.organization.id !== c.organization.id);
  const organizationId =
    orgs.find((o) => o.organization.id === mine?.activeOrganizationId)?.organization.id ??
    orgs[0]?.organization.id;
  const open = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/challenges/{id}/clarification", {
          params: { path: { id: c.id } },
          body: { organizationId: organizationId! },
        }),
      ),
    onSuccess: (r) => navigate(`/messages/${r.conversationId}`),
    onError: toastError,
  });
  if (!organizationId || c.me.manage) return null;
  return (
    <Button
      variant="default"
      onClick={() => open.mutate()}
      loading={open.isPending}
      style={{ alignSelf: "flex-start" }}
    >
      {t("challengesQa.qa.private")}
    </Button>
  );
}

export default function ChallengeQa({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useMe();
  const q = useQuery(challengeQueries.questions(c.id));
  const list = q.data;
  return (
    <Card withBorder padding="lg" id="qa">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("challengesQa.qa.title")}
        </Title>
        {q.error && <ProblemAlert error={q.error} />}
        {list && list.items.length === 0 && (
          <Text c="dimmed">{t(list.canAsk ? "challengesQa.qa.emptyAsk" : "challengesQa.qa.empty")}</Text>
        )}
        {list?.items.map((x) => (
          <Stack key={x.id} gap={4} component="article">
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {x.askedBy ?? t("challengesQa.qa.participant")}
              </Text>
              <Text size="sm" c="dimmed">
                {format.dateTime(x.createdAt)}
              </Text>
              {x.hidden && <Badge color="red">{t("challengesQa.qa.hidden")}</Badge>}
              {x.answer === null && <Badge color="gray">{t("challengesQa.qa.waiting")}</Badge>}
            </Group>
            <Text style={{ whiteSpace: "pre-line" }}>{x.question}</Text>
            {x.answer !== null && (
              <Text style={{ whiteSpace: "pre-line" }} pl="md" c="dark.4">
                <Text span fw={500}>
                  {t("challengesQa.qa.answerBy", { name: c.organization.shortName })}
                </Text>{" "}
                {x.answer}
              </Text>
            )}
            {list.canAnswer && <AnswerForm c={c} q={x} />}
          </Stack>
        ))}
        {list?.canAsk && <AskForm c={c} />}
        {user && c.state === "accepting" && c.locked === null && <Clarification c={c} />}
      </Stack>
    </Card>
  );
}
