import { Alert, Anchor, Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api";
import { client } from "../../api/client";
import { ConfirmModal } from "../../components/modal";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { SubjectConversation } from "../conversations/SubjectConversation";
import { ApplicationStateBadge, okAlert, StatusBadge, useLabels, warnAlert } from "../organizations/labels";
import { ReasonModal } from "../organizations/modals";
import { OrgLogo } from "../organizations/OrgShell";
import { ProfileFacts } from "../organizations/ProfileFacts";
import { orgKeys, problemBody } from "../organizations/queries";
import { StatusHistory } from "../organizations/StatusHistory";
import type { Decision, QueueItem, QueueItemDetail } from "../organizations/types";
import { OwnOrganizationNote } from "../verification/OwnOrganizationNote";
import { WaitingBadge } from "./QueuePage";
import { operatorKeys, operatorQueries } from "./queries";

type Changed = Pick<QueueItem, "state" | "decidedBy" | "decidedAt" | "operatorComment">;

interface Outcome {
  decision: Decision;
  shortName: string;
}

export default function ApplicationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const labels = useLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [modal, setModal] = useState<"approve" | "reject" | "return" | null>(null);
  const [changed, setChanged] = useState<Changed | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);

  const app = useQuery(operatorQueries.application(id));
  const data = app.data;
  usePageTitle(
    data
      ? t("operator.application.titleFor", { name: data.organization.shortName })
      : t("operator.application.title"),
  );

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: operatorKeys.all });
    if (data) void queryClient.invalidateQueries({ queryKey: orgKeys.one(data.organization.id) });
  };

  /** Sends a decision with the version that was loaded; 409 application-changed shows the current state. */
  async function decide(decision: Decision, comment: string | null) {
    if (!data) return;
    setChanged(null);
    setError(null);
    try {
      await client.POST("/api/operator/status-applications/{id}/decision", {
        params: { path: { id } },
        body: { decision, comment, version: data.version },
      });
      setOutcome({ decision, shortName: data.organization.shortName });
      toast(t(`operator.application.done.${decision}`));
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && e.is("application-changed")) {
        const current = problemBody(e).current as Changed | undefined;
        setModal(null);
        await refresh();
        const fresh = queryClient.getQueryData<QueueItemDetail>(operatorKeys.application(id));
        setChanged(
          current ?? fresh ?? { state: data.state, decidedBy: null, decidedAt: null, operatorComment: null },
        );
        return;
      }
      // reject / return validation errors are shown in their modal
      if (decision !== "approve") throw e;
      setError(e);
    }
  }

  const approve = useMutation({
    mutationFn: () => decide("approve", null),
    onSettled: () => setModal(null),
  });

  if (app.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={36} width="60%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (app.isError) {
    const missing = app.error instanceof ApiError && (app.error.status === 404 || app.error.status === 400);
    return (
      <Stack gap="md">
        <Title order={1}>{t("operator.application.title")}</Title>
        {missing ? <Text>{t("operator.application.notFound")}</Text> : <ProblemAlert error={app.error} />}
        <Anchor component={Link} to="/operator/applications">
          {t("operator.application.backToQueue")}
        </Anchor>
      </Stack>
    );
  }

  const d = app.data;
  const org = d.organization;
  const decidable = d.state === "pending";
  const changedState = changed
    ? t(`organizations.application.state.${changed.state}`, { defaultValue: changed.state }).toLowerCase()
    : "";

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/operator/applications" size="sm">
          {t("operator.application.backToQueue")}
        </Anchor>
        <Group gap="md" wrap="nowrap" mt="xs" align="center">
          <OrgLogo org={org} size={48} />
          <div style={{ minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: "anywhere" }}>
              {t("operator.application.titleFor", { name: org.shortName })}
            </Title>
            <Group gap="xs" mt={4}>
              <ApplicationStateBadge state={d.state} />
              <Text size="sm">{labels.type(org.type)}</Text>
              <Text size="sm">{labels.place(org)}</Text>
            </Group>
          </div>
        </Group>
      </div>

      {changed && (
        <Alert
          {...warnAlert}
          role="alert"
          title={t("operator.application.changedTitle", { state: changedState })}
        >
          <Stack gap="xs">
            {changed.decidedBy && (
              <Text size="sm">
                {t("operator.application.changedBy", { name: changed.decidedBy.fullName })}
              </Text>
            )}
            {changed.decidedAt && (
              <Text size="sm">
                {t("operator.application.changedAt", { date: format.dateTime(changed.decidedAt) })}
              </Text>
            )}
            {changed.operatorComment && (
              <Text size="sm">
                {t("operator.application.changedComment", { comment: changed.operatorComment })}
              </Text>
            )}
            <Text size="sm">{t("operator.application.reloaded")}</Text>
          </Stack>
        </Alert>
      )}

      {outcome && (
        <Alert {...okAlert} role="status" title={t(`operator.application.done.${outcome.decision}`)}>
          <Stack gap="xs">
            <Text size="sm">
              {t(`operator.application.outcome.${outcome.decision}`, { name: outcome.shortName })}
            </Text>
            <Anchor component={Link} to="/operator/applications" size="sm">
              {t("operator.application.backToQueue")}
            </Anchor>
          </Stack>
        </Alert>
      )}

      <SectionCard id="application-title" title={t("operator.application.applicationTitle")}>
        <Stack gap="md">
          <dl className="facts">
            <div>
              <dt>{t("operator.queue.requestedStatus")}</dt>
              <dd>{labels.status(d.requestedStatus)}</dd>
            </div>
            <div>
              <dt>{t("operator.application.currentStatus")}</dt>
              <dd>
                <StatusBadge status={org.status} suspended={org.statusSuspended} />
              </dd>
            </div>
            <div>
              <dt>{t("operator.queue.submittedAt")}</dt>
              <dd>{format.dateTime(d.submittedAt)}</dd>
            </div>
            {d.state === "pending" && (
              <div>
                <dt>{t("operator.queue.waitingColumn")}</dt>
                <dd>
                  <WaitingBadge days={d.waitingDays} />
                </dd>
              </div>
            )}
            {d.applicantComment && (
              <div>
                <dt>{t("operator.application.applicantComment")}</dt>
                <dd style={{ whiteSpace: "pre-wrap" }}>{d.applicantComment}</dd>
              </div>
            )}
            {d.operatorComment && (
              <div>
                <dt>{t("operator.application.operatorComment")}</dt>
                <dd style={{ whiteSpace: "pre-wrap" }}>{d.operatorComment}</dd>
              </div>
            )}
            {d.decidedAt && (
              <div>
                <dt>{t("operator.application.decidedAt")}</dt>
                <dd>
                  {format.dateTime(d.decidedAt)}
                  {d.decidedBy ? ` · ${d.decidedBy.fullName}` : ""}
                </dd>
              </div>
            )}
          </dl>

          <ProblemAlert error={error} />
          {decidable ? (
            <Stack gap="xs">
              {d.mine ? (
                <OwnOrganizationNote />
              ) : (
                <Text size="sm">{t("operator.application.decideLead")}</Text>
              )}
              <Group gap="sm">
                <Button
                  color="teal"
                  loading={approve.isPending}
                  disabled={d.mine}
                  onClick={() => setModal("approve")}
                >
                  {t("operator.application.approve")}
                </Button>
                <Button color="red" variant="outline" disabled={d.mine} onClick={() => setModal("reject")}>
                  {t("operator.application.reject")}
                </Button>
                <Button variant="default" disabled={d.mine} onClick={() => setModal("return")}>
                  {t("operator.application.return")}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text size="sm">
              {d.state === "returned"
                ? t("operator.application.awaitingApplicant")
                : t("operator.application.closed")}
            </Text>
          )}
        </Stack>
      </SectionCard>

      <SectionCard id="org-profile-title" title={t("operator.application.profileTitle")}>
        <Stack gap="sm">
          <Anchor component={Link} to={`/organizations/${org.id}?application=${d.id}`} size="sm">
            {t("operator.application.openOrganization")}
          </Anchor>
          <ProfileFacts org={org} idPrefix="app-profile" level={3} />
        </Stack>
      </SectionCard>

      <SubjectConversation kind="status_application" subjectId={d.id} />

      <SectionCard id="app-history-title" title={t("organizations.history.title")}>
        <StatusHistory history={d.history} />
      </SectionCard>

      <ConfirmModal
        opened={modal === "approve"}
        onClose={() => setModal(null)}
        title={t("operator.application.approveTitle", { name: org.shortName })}
        confirmLabel={t("operator.application.approveSubmit")}
        color="teal"
        loading={approve.isPending}
        onConfirm={() => approve.mutate()}
      >
        <Text>
          {t("operator.application.approveLead", {
            name: org.shortName,
            status: labels.status(d.requestedStatus),
          })}
        </Text>
      </ConfirmModal>
      <ReasonModal
        opened={modal === "reject"}
        onClose={() => setModal(null)}
        title={t("operator.application.rejectTitle", { name: org.shortName })}
        lead={t("operator.application.rejectLead")}
        label={t("operator.application.rejectReason")}
        hint={t("operator.application.rejectHint")}
        requiredMessage={t("operator.application.rejectRequired")}
        submitLabel={t("operator.application.rejectSubmit")}
        field="comment"
        onSubmit={(comment) => decide("reject", comment)}
      />
      <ReasonModal
        opened={modal === "return"}
        onClose={() => setModal(null)}
        title={t("operator.application.returnTitle", { name: org.shortName })}
        lead={t("operator.application.returnLead")}
        label={t("operator.application.returnComment")}
        hint={t("operator.application.returnHint")}
        requiredMessage={t("operator.application.returnRequired")}
        submitLabel={t("operator.application.returnSubmit")}
        color="indigo"
        field="comment"
        onSubmit={(comment) => decide("return", comment)}
      />
    </Stack>
  );
}
