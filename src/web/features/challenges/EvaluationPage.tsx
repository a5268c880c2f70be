import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { badgeColors } from "../../components/badgeColors";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { submitterName } from "./labels";
import { challengeKeys, challengeQueries } from "./queries";
import type { Challenge, Evaluation } from "./types";
import WinnerPilots from "./WinnerPilots";

/** Closing the stage being scored with its shortlist: a threshold or the top N (ties included). */
function CloseStage({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [by, setBy] = useState<"top" | "threshold">("top");
  const [n, setN] = useState(3);
  const [threshold, setThreshold] = useState(6);
  const close = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/challenges/{id}/stage/close", {
          params: { path: { id: c.id } },
          body: { version: c.version, shortlist: by === "top" ? { by, n } : { by, threshold } },
        }),
      ),
    onSuccess: (next) => {
      toast(t("challengesWork.evaluation.closed"));
      qc.setQueryData(challengeKeys.challenge(c.id), next);
      void qc.invalidateQueries({ queryKey: challengeKeys.all });
    },
  });
  return (
    <Card withBorder padding="md">
      <MutationForm onSubmit={() => close.mutate()} error={close.error}>
        <Title order={2} size="h4">
          {t("challengesWork.evaluation.closeTitle", { stage: c.stage })}
        </Title>
        <SegmentedControl
          aria-label={t("challengesWork.evaluation.shortlistBy")}
          value={by}
          onChange={(v) => setBy(v === "threshold" ? "threshold" : "top")}
          data={[
            { value: "top", label: t("challengesWork.evaluation.top") },
            { value: "threshold", label: t("challengesWork.evaluation.threshold") },
          ]}
        />
        {by === "top" ? (
          <NumberInput
            label={t("challengesWork.evaluation.n")}
            min={1}
            allowDecimal={false}
            value={n}
            onChange={(v) => setN(Number(v) || 1)}
            w={200}
          />
        ) : (
          <NumberInput
            label={t("challengesWork.evaluation.thresholdValue")}
            min={0}
            max={10}
            step={0.5}
            decimalScale={2}
            value={threshold}
            onChange={(v) => setThreshold(Number(v) || 0)}
            w={200}
          />
        )}
        <Group>
          <Button type="submit" loading={close.isPending}>
            {t("challengesWork.evaluation.close")}
          </Button>
        </Group>
      </MutationForm>
    </Card>
  );
}

/** Publishing the results: winners and reserve from the last stage's shortlist; the rest not selected. */
function Publish({ c, e }: { c: Challenge; e: Evaluation }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const finalists = e.ranking.filter((r) => r.passed >= c.stages);
  const [choice, setChoice] = useState<Record<string, "winner" | "reserve" | "not_selected">>({});
  const publish = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/challenges/{id}/results", {
          params: { path: { id: c.id } },
          body: {
            version: c.version,
            winners: finalists
              .filter((f) => choice[f.submission.id] === "winner")
              .map((f) => f.submission.id),
            reserve: finalists
              .filter((f) => choice[f.submission.id] === "reserve")
              .map((f) => f.submission.id),
          },
        }),
      ),
    onSuccess: (next) => {
      toast(t("challengesWork.evaluation.published"));
      qc.setQueryData(challengeKeys.challenge(c.id), next);
      void qc.invalidateQueries({ queryKey: challengeKeys.all });
    },
  });
  return (
    <Card withBorder padding="md">
      <MutationForm onSubmit={() => publish.mutate()} error={publish.error}>
        <Title order={2} size="h4">
          {t("challengesWork.evaluation.publishTitle")}
        </Title>
        <Text size="sm">{t("challengesWork.evaluation.publishLead")}</Text>
        {finalists.map((f) => (
          <Group key={f.submission.id} gap="md" wrap="wrap">
            <Text fw={500} miw={200}>
              {submitterName(f.submission)}
            </Text>
            <SegmentedControl
              aria-label={t("challengesWork.evaluation.decisionFor", {
                org: submitterName(f.submission),
              })}
              value={choice[f.submission.id] ?? "not_selected"}
              onChange={(v) =>
                setChoice((x) => ({ ...x, [f.submission.id]: v as "winner" | "reserve" | "not_selected" }))
              }
              data={(["winner", "reserve", "not_selected"] as const).map((d) => ({
                value: d,
                label: t(`challengesWork.decisions.${d}`),
              }))}
            />
          </Group>
        ))}
        <Group>
          <Button type="submit" loading={publish.isPending}>
            {t("challengesWork.evaluation.publish")}
          </Button>
        </Group>
      </MutationForm>
    </Card>
  );
}

export default function EvaluationPage() {
  const { t } = useTranslation();
  usePageTitle(t("challengesWork.evaluation.title"));
  const { id = "" } = useParams();
  const [stage, setStage] = useState<number | undefined>(undefined);
  const c = useQuery(challengeQueries.challenge(id));
  const e = useQuery(challengeQueries.evaluation(id, stage));
  if (c.isPending || e.isPending) return <Skeleton height={300} />;
  if (c.error || e.error) return <ProblemAlert error={c.error ?? e.error} />;
  const ch = c.data;
  const ev = e.data;
  const scoring = ch.state === "evaluation" && ch.stage !== null && ch.stage <= ch.stages;
  const deciding = ch.state === "evaluation" && ch.stage !== null && ch.stage > ch.stages;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/challenges/${id}`, label: ch.titleRu }}
        title={t("challengesWork.evaluation.title")}
        subtitle={t("challengesWork.evaluation.progress", {
          done: ev.progress.done,
          of: ev.progress.of,
          stage: ev.stage,
        })}
      />
      {ch.stages === 2 && (
        <SegmentedControl
          aria-label={t("challengesWork.evaluation.stageChoice")}
          value={String(ev.stage)}
          onChange={(v) => setStage(Number(v))}
          data={[1, 2].map((s) => ({ value: String(s), label: t("challenges.page.stage", { stage: s }) }))}
        />
      )}
      <SectionCard id="ch-experts" title={t("challengesWork.evaluation.experts")}>
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("challengesWork.evaluation.expert")}</Table.Th>
                <Table.Th>{t("challengesWork.evaluation.scored")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ev.experts.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    {x.fullName}{" "}
                    {!x.noConflict && (
                      <Badge {...badgeColors("yellow")}>{t("challengesWork.owner.conflictPending")}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {x.scored} / {x.of}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SectionCard>
      <SectionCard id="ch-ranking" title={t("challengesWork.evaluation.ranking")}>
        {ev.ranking.length === 0 ? (
          <Text c="dimmed">{t("challengesWork.evaluation.empty")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("challengesWork.evaluation.place")}</Table.Th>
                  <Table.Th>{t("challengesWork.evaluation.submission")}</Table.Th>
                  <Table.Th>{t("challengesWork.evaluation.score")}</Table.Th>
                  <Table.Th>{t("challengesWork.evaluation.expertsCount")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ev.ranking.map((r) => (
                  <Table.Tr key={r.submission.id}>
                    <Table.Td>
                      {r.rank ?? "—"}{" "}
                      {r.tied && <Badge {...badgeColors("blue")}>{t("challengesWork.evaluation.tie")}</Badge>}
                    </Table.Td>
                    <Table.Td>
                      <Link to={`/challenges/submissions/${r.submission.id}`}>
                        {submitterName(r.submission)}
                      </Link>
                      {r.decision && <Text size="xs">{t(`challengesWork.decisions.${r.decision}`)}</Text>}
                    </Table.Td>
                    <Table.Td>{r.score ?? "—"}</Table.Td>
                    <Table.Td>{r.experts}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
      {scoring && ev.open && <CloseStage c={ch} />}
      {deciding && <Publish c={ch} e={ev} />}
      {(ch.state === "results" || ch.state === "closed") && <WinnerPilots c={ch} e={ev} />}
    </Stack>
  );
}
