import {
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { INNOVATION_CRITERIA } from "../../../shared/pilots";
import { client, multipart, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { ProblemAlert } from "../../components/ProblemAlert";
import { fieldError } from "../challenges/fieldErrors";
import { pilotKeys } from "./queries";
import type { Pilot } from "./types";

type Path = "triage" | "start" | "withdraw" | "assign" | "score" | "agree" | "reject" | "complete";

/** A mutation of the pilot that refreshes it (and the lists) with the answer. */
function usePilotPost(p: Pilot) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ path, body }: { path: Path; body?: Record<string, unknown> }) =>
      unwrap(
        client.POST(`/api/pilots/{id}/${path}` as "/api/pilots/{id}/start", {
          params: { path: { id: p.id } },
          body: { version: p.version, ...body } as { version: number },
        }),
      ),
    onSuccess: (next) => {
      qc.setQueryData(pilotKeys.pilot(p.id), next);
      void qc.invalidateQueries({ queryKey: ["pilots", "mine"] });
    },
  });
}

/** The moves the reader's side may make now: plain buttons, the expert's score, the owner's agreement, rejecting, the result. */
export function PilotActions({ p }: { p: Pilot }) {
  const { t } = useTranslation();
  const post = usePilotPost(p);
  const moves = new Set(p.me.moves);
  const [form, setForm] = useState<Record<string, string>>({});
  const [scores, setScores] = useState<Record<string, number>>({
    novelty: 5,
    readiness: 5,
    effect: 5,
    feasibility: 5,
  });
  const [success, setSuccess] = useState(true);
  const val = (k: string) => form[k] ?? "";
  const set = (k: string) => (e: { currentTarget: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.currentTarget.value }));
  if (!moves.size) return null;
  const err = post.error;
  return (
    <Card withBorder>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t("pilotsWork.actions.title")}
        </Title>
        {err && !fieldError(err, "reason") ? <ProblemAlert error={err} /> : null}
        <Group>
          {(["triage", "start", "withdraw"] as const)
            .filter((m) => moves.has(m))
            .map((m) => (
              <Button
                key={m}
                variant={m === "withdraw" ? "default" : "filled"}
                loading={post.isPending}
                onClick={() => post.mutate({ path: m })}
              >
                {t(`pilotsWork.actions.${m}`)}
              </Button>
            ))}
        </Group>
        {moves.has("assign") && (
          <MutationForm
            onSubmit={() => post.mutate({ path: "assign", body: { expertEmail: val("expertEmail") } })}
            error={null}
          >
            <TextInput
              type="email"
              label={t("pilotsWork.actions.expertEmail")}
              required
              value={val("expertEmail")}
              onChange={set("expertEmail")}
              error={fieldError(err, "expertEmail")}
            />
            <Group>
              <Button type="submit">{t("pilotsWork.actions.assign")}</Button>
            </Group>
          </MutationForm>
        )}
        {moves.has("score") && (
          <MutationForm
            onSubmit={() => post.mutate({ path: "score", body: { ...scores, comment: val("comment") } })}
            error={null}
          >
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {INNOVATION_CRITERIA.map((c) => (
                <NumberInput
                  key={c}
                  label={t(`pilotsWork.criteria.${c}`)}
                  min={0}
                  max={10}
                  value={scores[c]}
                  onChange={(n) => setScores((s) => ({ ...s, [c]: Number(n) || 0 }))}
                />
              ))}
            </SimpleGrid>
            <Textarea
              label={t("pilotsWork.actions.comment")}
              required
              value={val("comment")}
              onChange={set("comment")}
              error={fieldError(err, "comment")}
            />
            <Group>
              <Button type="submit">{t("pilotsWork.actions.score")}</Button>
            </Group>
          </MutationForm>
        )}
        {moves.has("agree") && (
          <MutationForm
            onSubmit={() =>
              post.mutate({
                path: "agree",
                body: {
                  dateFrom: val("from") || p.dateFrom,
                  dateTo: val("to") || p.dateTo,
                  conditions: val("conditions"),
                },
              })
            }
            error={null}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t("pilotsWork.apply.dateFrom")}
                value={val("from") || p.dateFrom}
                onChange={set("from")}
              />
              <TextInput
                type="date"
                label={t("pilotsWork.apply.dateTo")}
                value={val("to") || p.dateTo}
                onChange={set("to")}
                error={fieldError(err, "dateTo")}
              />
            </SimpleGrid>
            <Textarea
              label={t("pilotsWork.actions.conditions")}
              required
              value={val("conditions")}
              onChange={set("conditions")}
            />
            <Group>
              <Button type="submit">{t("pilotsWork.actions.agree")}</Button>
            </Group>
          </MutationForm>
        )}
        {moves.has("complete") && (
          <MutationForm
            onSubmit={() =>
              post.mutate({ path: "complete", body: { success, measuredEffect: val("measured") } })
            }
            error={null}
          >
            <Checkbox
              label={t("pilotsWork.actions.success")}
              checked={success}
              onChange={(e) => setSuccess(e.currentTarget.checked)}
            />
            <Textarea
              label={t("pilotsWork.actions.measured")}
              required
              value={val("measured")}
              onChange={set("measured")}
            />
            <Group>
              <Button type="submit">{t("pilotsWork.actions.complete")}</Button>
            </Group>
          </MutationForm>
        )}
        {moves.has("reject") && (
          <MutationForm
            onSubmit={() => post.mutate({ path: "reject", body: { reason: val("reason") } })}
            error={null}
          >
            <Textarea
              label={t("pilotsWork.actions.reason")}
              required
              value={val("reason")}
              onChange={set("reason")}
              error={fieldError(err, "reason")}
            />
            <Group>
              <Button type="submit" color="red" variant="light">
                {t("pilotsWork.actions.reject")}
              </Button>
            </Group>
          </MutationForm>
        )}
      </Stack>
    </Card>
  );
}

/** Milestones of an agreed or running pilot, and the report / letter uploads of the reader's side. */
export function PilotWork({ p }: { p: Pilot }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [title, setTitle] = useState("");
  const [due, setDue] = useState("");
  const refresh = (next: Pilot) => qc.setQueryData(pilotKeys.pilot(p.id), next);
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/pilots/{id}/milestones", { params: { path: { id: p.id } }, body: { title, due } }),
      ),
    onSuccess: (next) => {
      refresh(next);
      setTitle("");
      setDue("");
    },
  });
  const done = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) =>
      unwrap(
        client.PUT("/api/pilots/{id}/milestones/{milestoneId}", {
          params: { path: { id: p.id, milestoneId: id } },
          body: { done: on },
        }),
      ),
    onSuccess: refresh,
  });
  const upload = useMutation({
    mutationFn: ({ kind, file }: { kind: "reports" | "letter"; file: File }) =>
      unwrap(
        client.POST(`/api/pilots/{id}/${kind}` as "/api/pilots/{id}/reports", {
          params: { path: { id: p.id } },
          body: multipart({ file }),
        }),
      ),
    onSuccess: refresh,
  });
  const sides = new Set(p.me.sides);
  const company = sides.has("company");
  const owner = sides.has("owner") || sides.has("operator");
  const working = p.state === "agreed" || p.state === "running";
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("pilotsWork.work.milestones")}
        </Title>
        {p.milestones.length === 0 && <div>{t("pilotsWork.work.noMilestones")}</div>}
        {p.milestones.map((m) => (
          <Checkbox
            key={m.id}
            label={`${m.title} — ${m.due}`}
            checked={m.done}
            disabled={!working || !(company || owner)}
            onChange={(e) => done.mutate({ id: m.id, on: e.currentTarget.checked })}
          />
        ))}
        {working && (company || owner) && (
          <MutationForm onSubmit={() => add.mutate()} error={add.error}>
            <Group align="end">
              <TextInput
                label={t("pilotsWork.work.milestoneTitle")}
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t("pilotsWork.work.due")}
                required
                value={due}
                onChange={(e) => setDue(e.currentTarget.value)}
              />
              <Button type="submit" variant="light" loading={add.isPending}>
                {t("pilotsWork.work.addMilestone")}
              </Button>
            </Group>
          </MutationForm>
        )}
        <Group>
          {company && p.state === "running" && (
            <FileButton onChange={(file) => file && upload.mutate({ kind: "reports", file })}>
              {(props) => (
                <Button variant="light" {...props} loading={upload.isPending}>
                  {t("pilotsWork.work.uploadReport")}
                </Button>
              )}
            </FileButton>
          )}
          {owner && (p.state === "running" || p.state === "completed") && (
            <FileButton onChange={(file) => file && upload.mutate({ kind: "letter", file })}>
              {(props) => (
                <Button variant="light" {...props} loading={upload.isPending}>
                  {t("pilotsWork.work.uploadLetter")}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {upload.error ? <ProblemAlert error={upload.error} /> : null}
      </Stack>
    </Card>
  );
}
