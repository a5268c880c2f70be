import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { VERIFICATION_KINDS } from "../../../shared/vocabularies";
import { ApiError, errorMessage } from "../../api";
import { client, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { OwnOrganizationNote } from "./OwnOrganizationNote";
import { type VerificationQueueParams, verificationKeys, verificationQueries } from "./queries";
import { DocumentLink, StateBadge } from "./RequestList";
import type { VerificationDecision, VerificationQueueItem, VerificationState } from "./types";

const PAGE_SIZE = 20;
const STATES: VerificationState[] = ["pending", "verified", "rejected", "transferred", "merged", "removed"];
const KINDS = ["", ...VERIFICATION_KINDS] as const;

/** The decision controls of one pending request. */
function DecisionPanel({ item }: { item: VerificationQueueItem }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const claim = item.kind === "claim";
  const [decision, setDecision] = useState<VerificationDecision>(claim ? "transfer" : "verify");
  const [reason, setReason] = useState("");
  const [keepMembers, setKeepMembers] = useState(false);
  const [mergeFrom, setMergeFrom] = useState(item.claimantOrganizations[0]?.id ?? "");
  const [changed, setChanged] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/operator/verifications/{id}/decision", {
          params: { path: { id: item.id } },
          body: {
            version: item.version,
            decision,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
            keepMembers,
            ...(decision === "merge" && mergeFrom ? { mergeFrom } : {}),
          },
        }),
      ),
    onSuccess: (after) => {
      toast(t("verification.operator.decided", { state: t(`verification.state.${after.state}`) }));
      void queryClient.invalidateQueries({ queryKey: verificationKeys.queue });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.is("verification-changed")) {
        setChanged(errorMessage(error));
        void queryClient.invalidateQueries({ queryKey: verificationKeys.queue });
      }
    },
  });
  const options: VerificationDecision[] = claim
    ? ["transfer", "merge", "remove", "reject"]
    : ["verify", "reject"];
  const needsReason = decision === "reject" || decision === "remove";
  const disabled = item.mine || (needsReason && !reason.trim()) || (decision === "merge" && !mergeFrom);
  return (
    <Stack gap="sm">
      {item.mine && <OwnOrganizationNote />}
      <Radio.Group
        label={t("verification.operator.decision")}
        value={decision}
        onChange={(v) => setDecision(v as VerificationDecision)}
      >
        <Group gap="md" mt={6} wrap="wrap">
          {options.map((o) => (
            <Radio
              key={o}
              value={o}
              label={t(`verification.operator.options.${o}`)}
              disabled={item.mine || (o === "merge" && item.claimantOrganizations.length === 0)}
            />
          ))}
        </Group>
      </Radio.Group>
      {(decision === "transfer" || decision === "merge") && (
        <Checkbox
          label={t("verification.operator.keepMembers", { count: item.current?.members ?? 0 })}
          description={t("verification.operator.keepMembersHint")}
          checked={keepMembers}
          onChange={(e) => setKeepMembers(e.currentTarget.checked)}
          disabled={item.mine}
        />
      )}
      {decision === "merge" && (
        <NativeSelect
          label={t("verification.operator.mergeFrom")}
          description={t("verification.operator.mergeFromHint")}
          value={mergeFrom}
          onChange={(e) => setMergeFrom(e.currentTarget.value)}
          data={item.claimantOrganizations.map((o) => ({
            value: o.id,
            label: o.inn ? `${o.shortName} · ${o.inn}` : o.shortName,
          }))}
          disabled={item.mine}
        />
      )}
      <Textarea
        label={needsReason ? t("verification.operator.reasonRequired") : t("verification.operator.reason")}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
        disabled={item.mine}
      />
      {changed && (
        <Alert color="yellow" variant="light" role="alert" title={t("verification.operator.changed")}>
          {changed}
        </Alert>
      )}
      {!changed && decide.isError && <ProblemAlert error={decide.error} />}
      <Button
        onClick={() => decide.mutate()}
        loading={decide.isPending}
        disabled={disabled}
        color={decision === "reject" || decision === "remove" ? "red" : "teal"}
        style={{ alignSelf: "flex-start" }}
      >
        {t(`verification.operator.submit.${decision}`)}
      </Button>
    </Stack>
  );
}

function Item({ item }: { item: VerificationQueueItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const org = item.organization;
  return (
    <Card withBorder component="li">
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <Badge color={item.kind === "claim" ? "grape" : "indigo"} variant="light">
            {t(`verification.kind.${item.kind}`)}
          </Badge>
          <StateBadge state={item.state} />
          {item.mine && (
            <Badge color="yellow" variant="light">
              {t("verification.own.badge")}
            </Badge>
          )}
        </Group>
        <Title order={2} size="h4">
          {org.id && item.current ? (
            <Anchor component={Link} to={`/directory/${org.id}`}>
              {org.shortName}
            </Anchor>
          ) : (
            org.shortName
          )}
        </Title>
        <Text size="sm">
          {[
            org.inn ? t("verification.inn", { inn: org.inn }) : null,
            item.current
              ? t("verification.operator.current", {
                  members: item.current.members,
                  verified: item.current.verified
                    ? t("verification.operator.yes")
                    : t("verification.operator.no"),
                })
              : t("verification.operator.gone"),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        {item.submitter && (
          <Text size="sm">
            {t(item.kind === "claim" ? "verification.operator.claimant" : "verification.operator.submitter", {
              name: item.submitter.fullName,
              email: item.submitter.email,
            })}
          </Text>
        )}
        <Text size="sm">
          {t(`verification.documentType.${item.documentType}`)}: <DocumentLink r={item} />
        </Text>
        <Text size="sm">{t("verification.submittedAt", { date: format.dateTime(item.submittedAt) })}</Text>
        {item.comment && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {t("verification.operator.comment", { comment: item.comment })}
          </Text>
        )}
        {item.state === "pending" ? (
          <DecisionPanel item={item} />
        ) : (
          <Text size="sm">
            {[
              item.decidedBy ? t("verification.operator.decidedBy", { name: item.decidedBy.fullName }) : null,
              item.decidedAt ? format.dateTime(item.decidedAt) : null,
              item.reason ? t("verification.reason", { reason: item.reason }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The operator's queue of verifications and claims, oldest first. */
export default function OperatorVerificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t("verification.operator.title"));
  const [params, setParams] = useSearchParams();
  const state = (STATES as string[]).includes(params.get("state") ?? "")
    ? (params.get("state") as VerificationState)
    : "pending";
  const kind = (KINDS as readonly string[]).includes(params.get("kind") ?? "")
    ? ((params.get("kind") ?? "") as (typeof KINDS)[number])
    : "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== "page") next.delete("page");
    setParams(next, { replace: true });
  };
  const queueParams: VerificationQueueParams = { state, kind: kind || undefined, page, pageSize: PAGE_SIZE };
  const query = useQuery({ ...verificationQueries.queue(queueParams), placeholderData: keepPreviousData });
  return (
    <Stack gap="lg">
      <PageHeader title={t("verification.operator.title")} subtitle={t("verification.operator.lead")} />
      <Group gap="md" wrap="wrap" align="flex-end">
        <NativeSelect
          label={t("verification.operator.filterKind")}
          value={kind}
          onChange={(e) => set("kind", e.currentTarget.value)}
          data={KINDS.map((k) => ({ value: k, label: t(`verification.kind.${k || "all"}`) }))}
        />
        <NativeSelect
          label={t("verification.operator.filterState")}
          value={state}
          onChange={(e) => set("state", e.currentTarget.value)}
          data={STATES.map((s) => ({ value: s, label: t(`verification.state.${s}`) }))}
        />
      </Group>
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data &&
        (query.data.items.length === 0 ? (
          <Text>{t("verification.operator.empty")}</Text>
        ) : (
          <Stack gap="md" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {query.data.items.map((item) => (
              <Item key={`${item.id}-${item.version}`} item={item} />
            ))}
          </Stack>
        ))}
      {query.data && (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={query.data.total}
          onChange={(p) => set("page", String(p))}
        />
      )}
    </Stack>
  );
}
