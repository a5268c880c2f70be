import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MOTIVATION_MAX } from "../../../shared/clusters";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { ConfirmModal } from "../../components/modal";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { fieldError } from "../challenges/fieldErrors";
import { projectKeys } from "../projects/queries";
import { clusterKeys } from "./queries";
import type { Cluster } from "./types";

function useRefresh(id: string) {
  const qc = useQueryClient();
  return (c?: Cluster) => {
    if (c) qc.setQueryData(clusterKeys.cluster(id), c);
    void qc.invalidateQueries({ queryKey: clusterKeys.all });
    void qc.invalidateQueries({ queryKey: projectKeys.all });
  };
}

/** Applying for one of the reader's organizations (owner or admin), or the pending application. */
export function ApplyPanel({ cluster }: { cluster: Cluster }) {
  const { t } = useTranslation();
  const refresh = useRefresh(cluster.id);
  const options = cluster.me.mayApply;
  const [org, setOrg] = useState(options[0]?.id ?? "");
  const [motivation, setMotivation] = useState("");
  const [shown, setShown] = useState(true);
  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/clusters/{id}/applications", {
          params: { path: { id: cluster.id } },
          body: { organizationId: org || options[0]?.id || "", motivationRu: motivation, public: shown },
        }),
      ),
    onSuccess: () => {
      toast(t("clusters.apply.sent"));
      setMotivation("");
      refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (p: { id: string; version: number }) =>
      unwrap(
        client.POST("/api/cluster-applications/{id}/withdrawal", {
          params: { path: { id: p.id } },
          body: { version: p.version },
        }),
      ),
    onSettled: () => refresh(),
  });
  return (
    <SectionCard titleGap="sm" id="cluster-apply" title={t("clusters.apply.title")}>
      <Stack gap="sm">
        {cluster.me.pending.map((p) => (
          <Alert key={p.id} color="blue">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t("clusters.apply.pending", { name: p.organization.shortName })}</Text>
              <Button
                size="xs"
                variant="default"
                loading={withdraw.isPending && withdraw.variables?.id === p.id}
                onClick={() => withdraw.mutate(p)}
              >
                {t("clusters.apply.withdraw")}
              </Button>
            </Stack>
          </Alert>
        ))}
        <ProblemAlert error={withdraw.error} />
        {options.length === 0 ? (
          cluster.me.pending.length === 0 && (
            <Text>
              {t("clusters.apply.noOrganization")}{" "}
              <Anchor component={Link} to="/organizations">
                {t("projects.form.organizations")}
              </Anchor>
            </Text>
          )
        ) : (
          <MutationForm onSubmit={() => apply.mutate()} error={apply.error}>
            {options.length > 1 && (
              <NativeSelect
                label={t("clusters.apply.organization")}
                value={org}
                onChange={(e) => setOrg(e.currentTarget.value)}
                data={options.map((o) => ({ value: o.id, label: o.shortName }))}
              />
            )}
            <Textarea
              label={t("clusters.apply.motivation")}
              description={t("clusters.apply.motivationHint")}
              required
              autosize
              minRows={3}
              maxLength={MOTIVATION_MAX}
              value={motivation}
              onChange={(e) => setMotivation(e.currentTarget.value)}
              error={fieldError(apply.error, "motivationRu")}
            />
            <Checkbox
              label={t("clusters.apply.public")}
              checked={shown}
              onChange={(e) => setShown(e.currentTarget.checked)}
            />
            <Group>
              <Button type="submit" loading={apply.isPending}>
                {t("clusters.apply.submit")}
              </Button>
            </Group>
          </MutationForm>
        )}
      </Stack>
    </SectionCard>
  );
}

/** The reader's member organizations: named or not, leave; their projects attached or detached. */
export function MemberPanel({ cluster }: { cluster: Cluster }) {
  const { t } = useTranslation();
  const refresh = useRefresh(cluster.id);
  const [leaving, setLeaving] = useState<{ id: string; shortName: string } | null>(null);
  const id = { path: { id: cluster.id } };
  const visibility = useMutation({
    mutationFn: (v: { organizationId: string; public: boolean }) =>
      unwrap(
        client.PATCH("/api/clusters/{id}/members/{organizationId}", {
          params: { path: { id: cluster.id, organizationId: v.organizationId } },
          body: { public: v.public },
        }),
      ),
    onSuccess: refresh,
  });
  const leave = useMutation({
    mutationFn: (organizationId: string) =>
      unwrap(
        client.DELETE("/api/clusters/{id}/members/{organizationId}", {
          params: { path: { id: cluster.id, organizationId } },
        }),
      ),
    onSuccess: () => {
      setLeaving(null);
      refresh();
    },
  });
  const attach = useMutation({
    mutationFn: (p: { projectId: string; on: boolean }) =>
      p.on
        ? unwrap(client.POST("/api/clusters/{id}/projects", { params: id, body: { projectId: p.projectId } }))
        : unwrap(
            client.DELETE("/api/clusters/{id}/projects/{projectId}", {
              params: { path: { id: cluster.id, projectId: p.projectId } },
            }),
          ),
    onSuccess: refresh,
  });
  const lead = cluster.lead?.id;
  return (
    <SectionCard titleGap="sm" id="cluster-membership" title={t("clusters.member.title")}>
      <Stack gap="md">
        <ProblemAlert error={visibility.error ?? attach.error} />
        {cluster.me.memberships.map((m) => (
          <Group key={m.id} justify="space-between" wrap="wrap" gap="sm">
            <Checkbox
              label={t("clusters.member.public", { name: m.shortName })}
              description={m.id === lead ? undefined : t("clusters.member.publicHint")}
              checked={m.public || m.id === lead}
              disabled={m.id === lead || visibility.isPending}
              onChange={(e) => visibility.mutate({ organizationId: m.id, public: e.currentTarget.checked })}
            />
            {m.id !== lead && (
              <Button variant="default" color="red" size="xs" onClick={() => setLeaving(m)}>
                {t("clusters.member.leave")}
              </Button>
            )}
          </Group>
        ))}
        <Stack gap="xs">
          <Text fw={600}>{t("clusters.member.projects")}</Text>
          <Text size="sm" c="dimmed">
            {t("clusters.member.projectsHint")}
          </Text>
          {cluster.me.projects.length === 0 ? (
            <Text size="sm">
              {t("clusters.member.noProjects")}{" "}
              <Anchor component={Link} to="/projects/new">
                {t("clusters.member.newProject")}
              </Anchor>
            </Text>
          ) : (
            <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
              {cluster.me.projects.map((p) => {
                const here = p.clusterId === cluster.id;
                return (
                  <li key={p.id}>
                    <Group gap="sm" wrap="wrap">
                      <Anchor component={Link} to={`/projects/${p.id}`}>
                        {p.titleRu}
                      </Anchor>
                      {p.clusterId && !here && (
                        <Text span size="sm" c="dimmed">
                          {t("clusters.member.inOther")}
                        </Text>
                      )}
                      <Button
                        size="xs"
                        variant={here ? "default" : "light"}
                        loading={attach.isPending && attach.variables?.projectId === p.id}
                        onClick={() => attach.mutate({ projectId: p.id, on: !here })}
                        aria-label={`${here ? t("clusters.member.detach") : t("clusters.member.attach")}: ${p.titleRu}`}
                      >
                        {here ? t("clusters.member.detach") : t("clusters.member.attach")}
                      </Button>
                    </Group>
                  </li>
                );
              })}
            </Stack>
          )}
        </Stack>
      </Stack>
      <ConfirmModal
        opened={leaving !== null}
        onClose={() => setLeaving(null)}
        title={t("clusters.member.leave")}
        confirmLabel={t("clusters.member.leave")}
        loading={leave.isPending}
        onConfirm={() => leaving && leave.mutate(leaving.id)}
      >
        <Stack gap="xs">
          <Text>{leaving ? t("clusters.member.leaveConfirm", { name: leaving.shortName }) : ""}</Text>
          <ProblemAlert error={leave.error} />
        </Stack>
      </ConfirmModal>
    </SectionCard>
  );
}
