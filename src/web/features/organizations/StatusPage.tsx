import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { REQUESTABLE_STATUSES } from "../../../shared/organizations";
import { client } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { ConfirmModal } from "../../components/modal";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast, toastError } from "../../components/toast";
import { useFormat } from "../../format";
import { SubjectConversation } from "../conversations/SubjectConversation";
import { VerificationLink } from "../verification/ClaimOffer";
import { ApplicationStateBadge, StatusBadge, useLabels, warnAlert } from "./labels";
import { OrgShell } from "./OrgShell";
import { orgKeys, orgQueries } from "./queries";
import { StatusHistory } from "./StatusHistory";
import type { OrganizationView, RequestedStatus, StatusApplication, StatusView } from "./types";

const COMMENT_MAX = 2000;
const REQUESTABLE: readonly RequestedStatus[] = REQUESTABLE_STATUSES;

function ApplyForm({ orgId, requested }: { orgId: string; requested: RequestedStatus }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const apply = useMutation({
    mutationFn: () =>
      client.POST("/api/organizations/{id}/status-applications", {
        params: { path: { id: orgId } },
        body: { requestedStatus: requested, comment: comment.trim() || null },
      }),
    onSuccess: () => {
      toast(t("organizations.status.applied"));
      setComment("");
      void queryClient.invalidateQueries({ queryKey: orgKeys.one(orgId) });
    },
  });
  return (
    <MutationForm error={apply.error} onSubmit={() => apply.mutate()}>
      <Textarea
        label={t("organizations.status.comment")}
        description={t("organizations.status.commentHint", { count: comment.length, max: COMMENT_MAX })}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        maxLength={COMMENT_MAX}
        autosize
        minRows={2}
        maxRows={8}
      />
      <Button type="submit" loading={apply.isPending} style={{ alignSelf: "flex-start" }}>
        {t(`organizations.status.apply.${requested}`)}
      </Button>
    </MutationForm>
  );
}

function Options({ view, status }: { view: OrganizationView; status: StatusView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const canApply = view.can["org.status.apply"] === true;
  return (
    <SectionCard id="status-options-title" title={t("organizations.status.optionsTitle")}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {REQUESTABLE.map((requested) => {
          const option = status.options[requested] ?? { open: false, reason: null };
          return (
            <Card
              key={requested}
              withBorder
              padding="md"
              component="article"
              aria-labelledby={`opt-${requested}`}
            >
              <Stack gap="sm">
                <Title order={3} size="h4" id={`opt-${requested}`}>
                  {labels.status(requested)}
                </Title>
                <Text size="sm">{t(`organizations.status.about.${requested}`)}</Text>
                {!option.open ? (
                  <Alert color="gray" variant="light" title={t("organizations.status.closedTitle")}>
                    {option.reason ?? t("organizations.status.closedNoReason")}
                    {!view.organization.verified && view.can["org.verification.manage"] && (
                      <VerificationLink orgId={view.organization.id} />
                    )}
                  </Alert>
                ) : canApply ? (
                  <ApplyForm orgId={view.organization.id} requested={requested} />
                ) : (
                  <Text size="sm">{t("organizations.status.onlyManagers")}</Text>
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </SectionCard>
  );
}

function OpenApplication({ view, app }: { view: OrganizationView; app: StatusApplication }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  const orgId = view.organization.id;
  const canApply = view.can["org.status.apply"] === true;
  const [comment, setComment] = useState("");
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const appParams = { params: { path: { id: orgId, subId: app.id } } };
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.one(orgId) });

  const resubmit = useMutation({
    mutationFn: () =>
      client.POST("/api/organizations/{id}/status-applications/{subId}/resubmit", {
        ...appParams,
        body: { comment: comment.trim() || null },
      }),
    onSuccess: () => {
      toast(t("organizations.application.resubmitted"));
      setComment("");
      void refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => client.POST("/api/organizations/{id}/status-applications/{subId}/withdraw", appParams),
    onSuccess: () => {
      setConfirmWithdraw(false);
      toast(t("organizations.application.withdrawn"));
      void refresh();
    },
    onError: (e) => {
      setConfirmWithdraw(false);
      toastError(e);
    },
  });

  return (
    <SectionCard id="open-application-title" title={t("organizations.application.title")}>
      <Stack gap="sm">
        <Group gap="sm">
          <ApplicationStateBadge state={app.state} />
          <Text fw={600}>
            {t("organizations.application.requested", { status: labels.status(app.requestedStatus) })}
          </Text>
        </Group>
        <dl className="facts">
          <div>
            <dt>{t("organizations.application.submittedAt")}</dt>
            <dd>{format.dateTime(app.submittedAt)}</dd>
          </div>
          {app.state === "pending" && (
            <div>
              <dt>{t("organizations.application.waiting")}</dt>
              <dd>{t("organizations.application.waitingDays", { days: app.waitingDays })}</dd>
            </div>
          )}
          {app.applicantComment && (
            <div>
              <dt>
                {view.membership
                  ? t("organizations.application.yourComment")
                  : t("organizations.application.applicantComment")}
              </dt>
              <dd style={{ whiteSpace: "pre-wrap" }}>{app.applicantComment}</dd>
            </div>
          )}
        </dl>
        {app.state === "pending" && view.membership && (
          <Text size="sm">{t("organizations.application.pendingText")}</Text>
        )}
        {!view.membership && view.can["operator.status.decide"] && (
          <Anchor
            component={Link}
            to={`/operator/applications/${app.id}`}
            style={{ alignSelf: "flex-start" }}
          >
            {t("organizations.application.openInQueue")}
          </Anchor>
        )}
        {app.state === "returned" && (
          <Alert {...warnAlert} title={t("organizations.application.returnedTitle")}>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {app.operatorComment ?? t("organizations.application.noComment")}
            </Text>
          </Alert>
        )}
        {app.state === "returned" && canApply && (
          <MutationForm
            aria-labelledby="resubmit-title"
            error={resubmit.error}
            onSubmit={() => resubmit.mutate()}
            lead={
              <>
                <Title order={3} size="h4" id="resubmit-title">
                  {t("organizations.application.resubmitTitle")}
                </Title>
                <Text size="sm">
                  {t("organizations.application.resubmitLead")}{" "}
                  <Anchor component={Link} to={`/organizations/${orgId}?edit=1`}>
                    {t("organizations.application.editProfile")}
                  </Anchor>
                </Text>
              </>
            }
          >
            <Textarea
              label={t("organizations.application.resubmitComment")}
              description={t("organizations.status.commentHint", {
                count: comment.length,
                max: COMMENT_MAX,
              })}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              maxLength={COMMENT_MAX}
              autosize
              minRows={2}
            />
            <Button type="submit" loading={resubmit.isPending} style={{ alignSelf: "flex-start" }}>
              {t("organizations.application.resubmit")}
            </Button>
          </MutationForm>
        )}
        {canApply && (
          <Button
            variant="outline"
            color="red"
            onClick={() => setConfirmWithdraw(true)}
            style={{ alignSelf: "flex-start" }}
          >
            {t("organizations.application.withdraw")}
          </Button>
        )}
      </Stack>
      <ConfirmModal
        opened={confirmWithdraw}
        onClose={() => setConfirmWithdraw(false)}
        title={t("organizations.application.withdrawTitle")}
        confirmLabel={t("organizations.application.withdrawConfirm")}
        loading={withdraw.isPending}
        onConfirm={() => withdraw.mutate()}
      >
        <Text>{t("organizations.application.withdrawText")}</Text>
      </ConfirmModal>
    </SectionCard>
  );
}

function StatusContent({ view }: { view: OrganizationView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const orgId = view.organization.id;
  const status = useQuery(orgQueries.status(orgId));
  if (status.isError) return <ProblemAlert error={status.error} />;
  if (status.isPending) return <Skeleton height={240} />;
  const s = status.data;
  return (
    <Stack gap="lg">
      <SectionCard id="current-status-title" title={t("organizations.status.currentTitle")}>
        <Stack gap="sm">
          <Group gap="sm">
            <StatusBadge status={s.status} suspended={s.suspended} size="lg" />
            <Text>{t("organizations.status.since", { date: labels.numericDate(s.since) })}</Text>
          </Group>
          {s.suspended && (
            <Alert {...warnAlert} role="status" title={t("organizations.status.suspendedTitle")}>
              {s.reason
                ? t("organizations.status.suspendedReason", { reason: s.reason })
                : t("organizations.status.suspendedNoReason")}
            </Alert>
          )}
          {!s.suspended && s.reason && (
            <Text size="sm">{t("organizations.status.lastReason", { reason: s.reason })}</Text>
          )}
          <Text size="sm">{t(`organizations.status.explain.${s.status}`)}</Text>
        </Stack>
      </SectionCard>
      {s.openApplication && <OpenApplication view={view} app={s.openApplication} />}
      {s.openApplication && (
        <SubjectConversation kind="status_application" subjectId={s.openApplication.id} />
      )}
      {/* applying is for the organization's people; staff see the application itself instead */}
      {view.membership && <Options view={view} status={s} />}
      <SectionCard id="history-title" title={t("organizations.history.title")}>
        <StatusHistory history={s.history} />
      </SectionCard>
    </Stack>
  );
}

export default function StatusPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <OrgShell id={id} page={t("organizations.status.title")}>
      {(view) => <StatusContent view={view} />}
    </OrgShell>
  );
}
