import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NAME_CHANGE_QUEUE_STATES } from "../../../shared/vocabularies";
import { ApiError, errorMessage } from "../../api";
import { client, unwrap } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { StatusBadge, warnAlert } from "../organizations/labels";
import { operatorKeys, operatorQueries, type NameChangeState as State } from "./queries";

type Item = ResponseOf<"/api/operator/name-changes", "get">["items"][number];

/** One request: old and new names, who asked and when; approve, or reject with a reason. */
function NameChangeCard({ item }: { item: Item }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (decision: "approve" | "reject") =>
      unwrap(
        client.POST("/api/operator/name-changes/{id}/decision", {
          params: { path: { id: item.id } },
          body: { decision, comment: comment.trim() || null, version: item.version },
        }),
      ),
    onSuccess: (r) => {
      toast(t(r.state === "approved" ? "operator.nameChanges.approved" : "operator.nameChanges.rejected"));
      void queryClient.invalidateQueries({ queryKey: operatorKeys.nameChanges });
    },
    onError: (e) => {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.status === 409)
        void queryClient.invalidateQueries({ queryKey: operatorKeys.nameChanges });
    },
  });
  const titleId = `name-change-${item.id}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>
            <Link to={`/organizations/${item.organizationId}`}>{item.previousShortName}</Link>
          </Title>
          <StatusBadge status={item.organizationStatus} />
        </Group>
        {item.inn && <Text size="sm">{t("operator.nameChanges.inn", { inn: item.inn })}</Text>}
        <Text size="sm">
          {t("operator.nameChanges.from", { short: item.previousShortName, full: item.previousFullName })}
        </Text>
        <Text size="sm" fw={600}>
          {t("operator.nameChanges.to", { short: item.shortName, full: item.fullName })}
        </Text>
        <Text size="sm" c="dimmed">
          {t("operator.nameChanges.requested", {
            name: item.requestedBy.fullName,
            at: fmt.dateTime(item.requestedAt),
          })}
        </Text>
        {item.state === "pending" ? (
          <>
            <Textarea
              label={t("operator.nameChanges.comment")}
              description={t("operator.nameChanges.commentHint")}
              autosize
              minRows={2}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            {error && (
              <Alert {...warnAlert} role="alert">
                {error}
              </Alert>
            )}
            <Group gap="sm">
              <Button
                loading={decide.isPending && decide.variables === "approve"}
                onClick={() => decide.mutate("approve")}
              >
                {t("operator.nameChanges.approve")}
              </Button>
              <Button
                variant="default"
                color="red"
                loading={decide.isPending && decide.variables === "reject"}
                onClick={() => decide.mutate("reject")}
              >
                {t("operator.nameChanges.reject")}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm">
            {t(`operator.nameChanges.decided.${item.state}`, {
              name: item.decidedBy?.fullName ?? "",
              comment: item.operatorComment ?? "",
            })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The operator's queue of participants' and partners' name changes. */
export default function NameChangesPage() {
  const { t } = useTranslation();
  usePageTitle(t("operator.nameChanges.title"));
  const [state, setState] = useState<State>("pending");
  const q = useQuery(operatorQueries.nameChanges(state));
  return (
    <Stack gap="lg">
      <PageHeader title={t("operator.nameChanges.title")} subtitle={t("operator.nameChanges.lead")} />
      <SegmentedControl
        aria-label={t("operator.nameChanges.stateLabel")}
        value={state}
        onChange={(v) => setState(v as State)}
        data={NAME_CHANGE_QUEUE_STATES.map((s) => ({
          value: s,
          label: t(`operator.nameChanges.states.${s}`),
        }))}
        style={{ alignSelf: "flex-start" }}
      />
      {q.isPending && <Skeleton height={120} />}
      {q.isError && <Alert color="red">{errorMessage(q.error)}</Alert>}
      {q.data && q.data.items.length === 0 && <Text>{t(`operator.nameChanges.empty.${state}`)}</Text>}
      {q.data?.items.map((item) => (
        <NameChangeCard key={`${item.id}-${item.version}`} item={item} />
      ))}
    </Stack>
  );
}
