import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { fieldError } from "../challenges/fieldErrors";
import { useEntryWhat, useRubles } from "./labels";
import { projectKeys, projectQueries } from "./queries";
import type { ProjectEntry } from "./types";

function QueueItem({ e }: { e: ProjectEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rubles = useRubles();
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "confirm" | "reject") =>
      unwrap(
        client.POST("/api/operator/project-entries/{id}/decision", {
          params: { path: { id: e.id } },
          body: { decision, reason: decision === "reject" ? reason : null, version: e.version },
        }),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
  const what = useEntryWhat()(e);
  return (
    <Card withBorder component="article">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Anchor component={Link} to={`/projects/${e.project.id}`} fw={600}>
            {e.project.titleRu}
          </Anchor>
          <Text size="sm" c="dimmed">
            {e.project.lead.shortName}
          </Text>
        </Group>
        <Text>
          <Text span fw={600}>
            {rubles(e.amount)}
          </Text>{" "}
          · {what} · {format.date(e.receivedOn)}
        </Text>
        <Text size="sm">{t("projects.queue.source", { source: e.sourceRu })}</Text>
        {e.document ? (
          <Anchor href={`/api/project-entries/${e.id}/document`} target="_blank" rel="noopener">
            {t("projects.queue.document", { name: e.document.name, size: format.fileSize(e.document.size) })}
          </Anchor>
        ) : (
          <Text size="sm" c="red.8">
            {t("projects.queue.noDocument")}
          </Text>
        )}
        <MutationForm onSubmit={() => decide.mutate("reject")} error={decide.error}>
          <Textarea
            label={t("projects.queue.reason")}
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(x) => setReason(x.currentTarget.value)}
            error={fieldError(decide.error, "reason")}
          />
          <Group>
            <Button
              type="button"
              color="teal"
              disabled={!e.document}
              loading={decide.isPending}
              onClick={() => decide.mutate("confirm")}
            >
              {t("projects.queue.confirm")}
            </Button>
            <Button type="submit" variant="default" loading={decide.isPending}>
              {t("projects.queue.reject")}
            </Button>
          </Group>
        </MutationForm>
      </Stack>
    </Card>
  );
}

/** The operator's queue of declared investment and support, oldest first: confirm or reject with a reason. */
export default function EntryQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t("projects.queue.title"));
  const [page, setPage] = useState(1);
  const list = useQuery(projectQueries.queue(page));
  return (
    <Stack gap="lg">
      <PageHeader title={t("projects.queue.title")} subtitle={t("projects.queue.lead")} />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={200} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("projects.queue.empty")} />
      ) : (
        <Stack gap="sm">
          {list.data.items.map((e) => (
            <QueueItem key={`${e.id}-${e.version}`} e={e} />
          ))}
          <Pager page={page} pageSize={20} total={list.data.total} onChange={setPage} />
        </Stack>
      )}
    </Stack>
  );
}
