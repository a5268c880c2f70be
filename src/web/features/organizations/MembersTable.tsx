import { Alert, Button, Group, NativeSelect, Skeleton, Stack, Switch, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { EmailLink } from "../../components/ContactText";
import { ConfirmModal } from "../../components/modal";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { pageFrom } from "../../components/pageFrom";
import { SectionCard } from "../../components/SectionCard";
import { ScrollTable, translatedHeaders } from "../../components/table/ScrollTable";
import { toast, toastError } from "../../components/toast";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { useLabels } from "./labels";
import { PositionModal, TransferModal } from "./MemberModals";
import { orgKeys, orgQueries } from "./queries";
import type { AssignableRole, Member, MemberUpdate, OrganizationView } from "./types";

const PAGE_SIZE = 20;
const ASSIGNABLE: AssignableRole[] = ["member", "admin"];

export function MembersTable({ view }: { view: OrganizationView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useMe();
  const [params, setParams] = useSearchParams();
  const orgId = view.organization.id;
  const manager = view.can["org.members.manage"] === true;
  const isOwner = view.membership?.role === "owner";
  const [removing, setRemoving] = useState<Member | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [positionOf, setPositionOf] = useState<Member | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);

  const members = useQuery(orgQueries.members(orgId));
  const memberParams = (userId: string) => ({ params: { path: { id: orgId, userId } } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.members(orgId) });

  const update = useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: MemberUpdate }) =>
      unwrap(client.PATCH("/api/organizations/{id}/members/{userId}", { ...memberParams(userId), body })),
    onSuccess: (d, vars) => {
      toast(
        vars.body.role !== undefined
          ? t("organizations.members.roleChanged")
          : d.publicRequested
            ? t("organizations.members.asked", { name: d.fullName })
            : d.showPublicly
              ? t("organizations.members.shownPublicly")
              : t("organizations.members.hiddenPublicly"),
      );
      void queryClient.invalidateQueries({ queryKey: orgKeys.one(orgId) });
      void refresh();
    },
    onError: (error) => {
      toastError(error);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      client.DELETE("/api/organizations/{id}/members/{userId}", memberParams(userId)),
    onSuccess: (_d, userId) => {
      if (userId === user?.id) {
        toast(t("organizations.members.left", { name: view.organization.shortName }));
        navigate("/organizations");
        // this organization's data is no longer ours to read: drop it instead of refetching (404)
        queryClient.removeQueries({ queryKey: orgKeys.one(orgId) });
        void queryClient.invalidateQueries({ queryKey: orgKeys.mine });
        return;
      }
      toast(t("organizations.members.removed"));
      setRemoving(null);
      void refresh();
    },
    onError: (error) => {
      setRemoving(null);
      setLeaving(false);
      toastError(error);
    },
  });

  if (members.isError) return <ProblemAlert error={members.error} />;
  if (members.isPending) return <Skeleton height={200} />;
  const list = members.data;
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  const page = Math.min(pages, pageFrom(params));
  const shown = list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <SectionCard id="members-title" title={t("organizations.members.listTitle")}>
      <Stack gap="md">
        <ScrollTable
          minWidth={760}
          label={t("organizations.members.tableLabel")}
          striped
          verticalSpacing="sm"
          headers={translatedHeaders(t, "organizations.members", [
            "name",
            "email",
            "role",
            "public",
            "actions",
          ])}
        >
          {shown.map((m) => {
            const self = m.userId === user?.id;
            const canEditRole = manager && m.role !== "owner" && !self;
            return (
              <Table.Tr key={m.userId}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {m.fullName}
                    {self && (
                      <Text span size="sm" fw={400}>
                        {" "}
                        {t("organizations.members.you")}
                      </Text>
                    )}
                  </Text>
                  <Text size="sm">{m.position ?? ""}</Text>
                  <Text size="xs">{t("organizations.members.since", { date: format.date(m.joinedAt) })}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: "break-all" }}>
                    {m.email ? <EmailLink email={m.email} /> : "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canEditRole ? (
                    <NativeSelect
                      size="xs"
                      aria-label={t("organizations.members.roleOf", { name: m.fullName })}
                      value={m.role}
                      disabled={update.isPending && update.variables?.userId === m.userId}
                      onChange={(e) => {
                        const role = e.currentTarget.value as AssignableRole;
                        if (role !== m.role) update.mutate({ userId: m.userId, body: { role } });
                      }}
                      data={ASSIGNABLE.map((r) => ({ value: r, label: labels.role(r) }))}
                    />
                  ) : (
                    <Text size="sm">{labels.role(m.role)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {self ? (
                    <Switch
                      label={t("organizations.members.showPublicly")}
                      description={t("organizations.members.showPubliclyConsent")}
                      checked={m.showPublicly}
                      disabled={update.isPending && update.variables?.userId === m.userId}
                      onChange={(e) =>
                        update.mutate({
                          userId: m.userId,
                          body: { showPublicly: e.currentTarget.checked },
                        })
                      }
                    />
                  ) : (
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm">
                        {m.showPublicly
                          ? t("organizations.members.shown")
                          : m.publicRequested
                            ? t("organizations.members.requested")
                            : t("organizations.members.hidden")}
                      </Text>
                      {manager && !m.showPublicly && !m.publicRequested && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t("organizations.members.askFor", { name: m.fullName })}
                          loading={update.isPending && update.variables?.userId === m.userId}
                          onClick={() => update.mutate({ userId: m.userId, body: { showPublicly: true } })}
                        >
                          {t("organizations.members.ask")}
                        </Button>
                      )}
                      {manager && m.showPublicly && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t("organizations.members.hideFor", { name: m.fullName })}
                          loading={update.isPending && update.variables?.userId === m.userId}
                          onClick={() => update.mutate({ userId: m.userId, body: { showPublicly: false } })}
                        >
                          {t("organizations.members.hide")}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="wrap">
                    {(self || manager) && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setPositionOf(m)}
                        aria-label={t("organizations.members.positionFor", { name: m.fullName })}
                      >
                        {t("organizations.members.positionEdit")}
                      </Button>
                    )}
                    {manager && !self && m.role !== "owner" && (
                      <Button
                        size="xs"
                        color="red"
                        variant="outline"
                        onClick={() => setRemoving(m)}
                        aria-label={t("organizations.members.removeFor", { name: m.fullName })}
                      >
                        {t("organizations.members.remove")}
                      </Button>
                    )}
                    {self && m.role !== "owner" && (
                      <Button size="xs" color="red" variant="outline" onClick={() => setLeaving(true)}>
                        {t("organizations.members.leave")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ScrollTable>
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={list.length}
          onChange={(p) => setParams(p > 1 ? { page: String(p) } : {}, { replace: true })}
        />
        {isOwner && (
          <Alert color="blue" variant="light" title={t("organizations.members.ownerTitle")}>
            <Stack gap="sm">
              <Text size="sm">{t("organizations.members.ownerText")}</Text>
              <Button
                variant="default"
                onClick={() => setTransferOpen(true)}
                style={{ alignSelf: "flex-start" }}
                disabled={list.length < 2}
              >
                {t("organizations.members.transfer")}
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>

      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t("organizations.members.removeTitle")}
        confirmLabel={t("organizations.members.removeConfirm")}
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.userId)}
      >
        <Text>
          {t("organizations.members.removeText", {
            name: removing?.fullName ?? "",
            org: view.organization.shortName,
          })}
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={leaving}
        onClose={() => setLeaving(false)}
        title={t("organizations.members.leaveTitle")}
        confirmLabel={t("organizations.members.leaveConfirm")}
        loading={remove.isPending}
        onConfirm={() => user && remove.mutate(user.id)}
      >
        <Text>{t("organizations.members.leaveText", { org: view.organization.shortName })}</Text>
      </ConfirmModal>
      <PositionModal
        key={positionOf?.userId ?? "none"}
        orgId={orgId}
        member={positionOf}
        onClose={() => setPositionOf(null)}
      />
      {isOwner && user && (
        <TransferModal
          orgId={orgId}
          members={list}
          meId={user.id}
          opened={transferOpen}
          onClose={() => setTransferOpen(false)}
        />
      )}
    </SectionCard>
  );
}
