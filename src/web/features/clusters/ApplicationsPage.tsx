import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { APPLICATION_STATES, REASON_MAX } from "../../../shared/clusters";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { MutationForm } from "../../components/MutationForm";
import { ConfirmModal } from "../../components/modal";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { fieldError } from "../challenges/fieldErrors";
import { clusterKeys, clusterQueries } from "./queries";
import type { ApplicationState, Cluster, ClusterApplication } from "./types";

function ApplicationItem({ a }: { a: ClusterApplication }) {
  const { t } = useTranslation();
  const format = useFormat();
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const [declining, setDeclining] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: "accept" | "decline") =>
      unwrap(
        client.POST("/api/cluster-applications/{id}/decision", {
          params: { path: { id: a.id } },
          body: { decision, reasonRu: decision === "decline" ? reason : null, version: a.version },
        }),
      ),
    onSuccess: () => setDeclining(false),
    onError: (e) => {
      if (e instanceof ApiError && e.is("cluster-application-decided"))
        toast(t("clusters.applications.decidedElsewhere"));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: clusterKeys.all }),
  });
  return (
    <Card withBorder component="article">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Anchor component={Link} to={`/directory/${a.organization.id}`} fw={600}>
            {a.organization.shortName}
          </Anchor>
          <Text size="sm" c="dimmed">
            {a.decidedAt
              ? t("clusters.applications.decided", { date: format.date(a.decidedAt) })
              : t("clusters.applications.applied", { date: format.date(a.createdAt) })}
          </Text>
        </Group>
        <Text style={{ whiteSpace: "pre-line" }}>{a.motivationRu}</Text>
        <Text size="sm" c="dimmed">
          {a.public ? t("clusters.applications.public") : t("clusters.applications.notPublic")}
        </Text>
        {a.reasonRu && (
          <Text size="sm">{t("clusters.applications.reasonShown", { reason: a.reasonRu })}</Text>
        )}
        {a.state === "pending" && (
          <>
            <ProblemAlert error={declining ? null : decide.error} />
            <Group>
              <Button loading={decide.isPending} onClick={() => decide.mutate("accept")}>
                {t("clusters.applications.accept")}
              </Button>
              <Button variant="default" onClick={() => setDeclining(true)}>
                {t("clusters.applications.decline")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={declining}
        onClose={() => setDeclining(false)}
        title={t("clusters.applications.confirmDecline")}
        confirmLabel={t("clusters.applications.decline")}
        loading={decide.isPending}
        onConfirm={() => decide.mutate("decline")}
      >
        <MutationForm onSubmit={() => decide.mutate("decline")} error={decide.error}>
          <Textarea
            label={t("clusters.applications.reason")}
            description={t("clusters.applications.reasonHint")}
            required
            autosize
            minRows={2}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(x) => setReason(x.currentTarget.value)}
            error={fieldError(decide.error, "reasonRu")}
          />
        </MutationForm>
      </ConfirmModal>
    </Card>
  );
}

/** Every member, for the lead: remove one (the lead itself stays). */
function MembersSection({ c }: { c: Cluster }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [removing, setRemoving] = useState<{ id: string; shortName: string } | null>(null);
  const remove = useMutation({
    mutationFn: (organizationId: string) =>
      unwrap(
        client.DELETE("/api/clusters/{id}/members/{organizationId}", {
          params: { path: { id: c.id, organizationId } },
        }),
      ),
    onSuccess: () => setRemoving(null),
    onSettled: () => qc.invalidateQueries({ queryKey: clusterKeys.all }),
  });
  return (
    <SectionCard titleGap="sm" id="cluster-lead-members" title={t("clusters.applications.membersTitle")}>
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
        {c.me.members.map((m) => (
          <li key={m.id}>
            <Group gap="sm" justify="space-between" wrap="wrap">
              <Anchor component={Link} to={`/directory/${m.id}`}>
                {m.shortName}
              </Anchor>
              {m.id === c.lead?.id ? (
                <Badge color="blue.9" variant="filled" tt="none">
                  {t("clusters.page.leadBadge")}
                </Badge>
              ) : (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setRemoving(m)}
                  aria-label={`${t("clusters.applications.remove")}: ${m.shortName}`}
                >
                  {t("clusters.applications.remove")}
                </Button>
              )}
            </Group>
          </li>
        ))}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t("clusters.applications.remove")}
        confirmLabel={t("clusters.applications.remove")}
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id)}
      >
        <Stack gap="xs">
          <Text>
            {removing ? t("clusters.applications.removeConfirm", { name: removing.shortName }) : ""}
          </Text>
          <ProblemAlert error={remove.error} />
        </Stack>
      </ConfirmModal>
    </SectionCard>
  );
}

/** The lead's page: applications by state (pending first, the oldest first), and the members. */
export default function ApplicationsPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [state, setState] = useState<ApplicationState>("pending");
  const [page, setPage] = useState(1);
  const cluster = useQuery(clusterQueries.cluster(id));
  const list = useQuery(clusterQueries.applications(id, state, page));
  usePageTitle(t("clusters.applications.title"));
  const c = cluster.data;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/clusters/${id}`, label: c?.nameRu ?? t("clusters.page.title") }}
        title={t("clusters.applications.title")}
        subtitle={c ? t("clusters.applications.lead", { name: c.nameRu }) : undefined}
      />
      <SegmentedControl
        aria-label={t("clusters.applications.stateLabel")}
        value={state}
        onChange={(v) => {
          setState(v as ApplicationState);
          setPage(1);
        }}
        data={APPLICATION_STATES.map((s) => ({ value: s, label: t(`clusters.applications.states.${s}`) }))}
        style={{ alignSelf: "flex-start", maxWidth: "100%" }}
      />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={200} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("clusters.applications.empty")} hint={t("clusters.applications.emptyHint")} />
      ) : (
        <Stack gap="sm" aria-label={t("clusters.applications.listLabel")} component="section">
          {list.data.items.map((a) => (
            <ApplicationItem key={`${a.id}-${a.version}`} a={a} />
          ))}
          <Pager page={page} pageSize={20} total={list.data.total} onChange={setPage} />
        </Stack>
      )}
      {c && c.me.members.length > 0 && <MembersSection c={c} />}
    </Stack>
  );
}
