import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { errorMessage } from "../../api";
import { client, unwrap } from "../../api/client";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { validators } from "../../components/validation";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { useLabels } from "./labels";
import { ConfirmModal } from "./modals";
import { OrgShell } from "./OrgShell";
import { orgKeys, orgQueries } from "./queries";
import { toast, toastError } from "./toast";
import type { AssignableRole, Member, MemberUpdate, OrganizationView } from "./types";

const PAGE_SIZE = 20;
const POSITION_MAX = 200;
const ASSIGNABLE: AssignableRole[] = ["member", "admin"];

const INVITATION_COLOR: Record<string, string> = {
  pending: "blue",
  accepted: "teal",
  revoked: "gray",
  expired: "yellow",
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function PositionModal({
  orgId,
  member,
  onClose,
}: {
  orgId: string;
  member: Member | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { position: member?.position ?? "" },
    validate: {
      position: (v) =>
        v.trim().length > POSITION_MAX ? t("common.validation.tooLong", { max: POSITION_MAX }) : null,
    },
  });
  const save = useMutation({
    mutationFn: (position: string | null) =>
      client.PATCH("/api/organizations/{id}/members/{userId}", {
        params: { path: { id: orgId, userId: member?.userId ?? "" } },
        body: { position },
      }),
    onSuccess: () => {
      toast(t("organizations.members.positionSaved"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.members(orgId) });
      onClose();
    },
    onError: (error) => setProblem(applyServerErrors(form, error)),
  });
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={t("organizations.members.positionTitle", { name: member?.fullName ?? "" })}
      closeButtonProps={{ "aria-label": t("common.close") }}
      centered
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v.position.trim() || null))}>
        <Stack gap="md">
          <ProblemAlert problem={problem} />
          <TextInput
            label={t("organizations.members.position")}
            description={t("organizations.members.positionHint")}
            maxLength={POSITION_MAX}
            data-autofocus
            {...form.getInputProps("position")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("organizations.members.positionSave")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TransferModal({
  orgId,
  members,
  meId,
  opened,
  onClose,
}: {
  orgId: string;
  members: Member[];
  meId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [userId, setUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const candidates = members.filter((m) => m.userId !== meId);
  const transfer = useMutation({
    mutationFn: (id: string) =>
      client.POST("/api/organizations/{id}/transfer-ownership", {
        params: { path: { id: orgId } },
        body: { userId: id },
      }),
    onSuccess: () => {
      toast(t("organizations.members.transferred"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.one(orgId) });
      void queryClient.invalidateQueries({ queryKey: orgKeys.mine });
      setUserId(null);
      onClose();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("organizations.members.transferTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      centered
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          if (!userId) {
            setError(t("organizations.members.transferChoose"));
            return;
          }
          transfer.mutate(userId);
        }}
      >
        <Stack gap="md">
          <Text>{t("organizations.members.transferLead")}</Text>
          {candidates.length === 0 ? (
            <Text>{t("organizations.members.transferNobody")}</Text>
          ) : (
            <Select
              label={t("organizations.members.newOwner")}
              data={candidates.map((m) => ({
                value: m.userId,
                label: m.email ? `${m.fullName} (${m.email})` : m.fullName,
              }))}
              value={userId}
              onChange={setUserId}
              searchable
              required
              error={error}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={transfer.isPending} disabled={candidates.length === 0}>
              {t("organizations.members.transferSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MembersTable({ view }: { view: OrganizationView }) {
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
  const page = Math.min(pages, Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const shown = list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <Section id="members-title" title={t("organizations.members.listTitle")}>
      <Stack gap="md">
        <Table.ScrollContainer
          minWidth={760}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t("organizations.members.tableLabel")}
        >
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("organizations.members.name")}</Table.Th>
                <Table.Th scope="col">{t("organizations.members.email")}</Table.Th>
                <Table.Th scope="col">{t("organizations.members.role")}</Table.Th>
                <Table.Th scope="col">{t("organizations.members.public")}</Table.Th>
                <Table.Th scope="col">{t("organizations.members.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                      <Text size="xs">
                        {t("organizations.members.since", { date: format.date(m.joinedAt) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: "break-all" }}>
                        {m.email ?? "—"}
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
                              onClick={() =>
                                update.mutate({ userId: m.userId, body: { showPublicly: true } })
                              }
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
                              onClick={() =>
                                update.mutate({ userId: m.userId, body: { showPublicly: false } })
                              }
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
    </Section>
  );
}

function Invitations({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const v = validators(t);
  const labels = useLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const invitations = useQuery(orgQueries.invitations(orgId));
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { email: "", role: "member" },
    validate: { email: v.email },
  });
  const invite = useMutation({
    mutationFn: (body: { email: string; role: string }) =>
      client.POST("/api/organizations/{id}/invitations", {
        params: { path: { id: orgId } },
        body: { ...body, role: body.role as AssignableRole },
      }),
    onSuccess: (_d, body) => {
      toast(t("organizations.invitations.sent", { email: body.email }));
      form.reset();
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations(orgId) });
    },
    onError: (error) => setProblem(applyServerErrors(form, error)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      client.DELETE("/api/organizations/{id}/invitations/{subId}", {
        params: { path: { id: orgId, subId: id } },
      }),
    onSuccess: () => {
      toast(t("organizations.invitations.revoked"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations(orgId) });
    },
    onError: (error) => {
      toastError(error);
      void queryClient.invalidateQueries({ queryKey: orgKeys.invitations(orgId) });
    },
  });

  const list = invitations.data ?? [];
  return (
    <Section id="invitations-title" title={t("organizations.invitations.title")}>
      <Stack gap="md">
        <form
          noValidate
          aria-label={t("organizations.invitations.formLabel")}
          onSubmit={form.onSubmit((values) => {
            setProblem(null);
            invite.mutate({ email: values.email.trim(), role: values.role });
          }, focusFirstInvalid)}
        >
          <Stack gap="sm">
            <Text size="sm">{t("organizations.invitations.lead")}</Text>
            <ProblemAlert problem={problem} />
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                type="email"
                label={t("organizations.invitations.email")}
                autoComplete="off"
                required
                style={{ flex: "1 1 16rem" }}
                key={form.key("email")}
                {...form.getInputProps("email")}
              />
              <NativeSelect
                label={t("organizations.invitations.role")}
                data={ASSIGNABLE.map((r) => ({ value: r, label: labels.role(r) }))}
                style={{ flex: "0 1 12rem" }}
                key={form.key("role")}
                {...form.getInputProps("role")}
              />
            </Group>
            <Button type="submit" loading={invite.isPending} style={{ alignSelf: "flex-start" }}>
              {t("organizations.invitations.submit")}
            </Button>
          </Stack>
        </form>

        {invitations.isError && <ProblemAlert error={invitations.error} />}
        {invitations.isPending && <Skeleton height={80} />}
        {invitations.data && list.length === 0 && (
          <Text size="sm">{t("organizations.invitations.empty")}</Text>
        )}
        {list.length > 0 && (
          <Table.ScrollContainer
            minWidth={640}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t("organizations.invitations.tableLabel")}
          >
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("organizations.invitations.email")}</Table.Th>
                  <Table.Th scope="col">{t("organizations.invitations.role")}</Table.Th>
                  <Table.Th scope="col">{t("organizations.invitations.state")}</Table.Th>
                  <Table.Th scope="col">{t("organizations.invitations.expires")}</Table.Th>
                  <Table.Th scope="col">{t("organizations.members.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((inv) => (
                  <Table.Tr key={inv.id}>
                    <Table.Td style={{ wordBreak: "break-all" }}>{inv.email}</Table.Td>
                    <Table.Td>{labels.role(inv.role)}</Table.Td>
                    <Table.Td>
                      <Badge
                        color={INVITATION_COLOR[inv.state] ?? "gray"}
                        c={inv.state === "expired" ? "black" : undefined}
                        variant="filled"
                      >
                        {t(`organizations.invitations.states.${inv.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{format.dateTime(inv.expiresAt)}</Table.Td>
                    <Table.Td>
                      {inv.state === "pending" && (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red"
                          loading={revoke.isPending && revoke.variables === inv.id}
                          onClick={() => revoke.mutate(inv.id)}
                          aria-label={t("organizations.invitations.revokeFor", { email: inv.email })}
                        >
                          {t("organizations.invitations.revoke")}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Section>
  );
}

function JoinRequests({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const requests = useQuery(orgQueries.joinRequests(orgId));
  const decide = useMutation({
    mutationFn: ({ id, action }: { id: string; action: "approve" | "reject" }) =>
      client.POST(
        action === "approve"
          ? "/api/organizations/{id}/join-requests/{subId}/approve"
          : "/api/organizations/{id}/join-requests/{subId}/reject",
        { params: { path: { id: orgId, subId: id } } },
      ),
    onSuccess: (_d, vars) => {
      toast(
        vars.action === "approve"
          ? t("organizations.joinRequests.approved")
          : t("organizations.joinRequests.rejected"),
      );
      void queryClient.invalidateQueries({ queryKey: orgKeys.joinRequests(orgId) });
      void queryClient.invalidateQueries({ queryKey: orgKeys.members(orgId) });
    },
    onError: (error) => {
      toastError(error);
      void queryClient.invalidateQueries({ queryKey: orgKeys.joinRequests(orgId) });
    },
  });
  const pending = (requests.data ?? []).filter((r) => r.state === "pending");
  return (
    <Section id="join-requests-title" title={t("organizations.joinRequests.title")}>
      {requests.isError && <ProblemAlert error={requests.error} />}
      {requests.isPending && <Skeleton height={60} />}
      {requests.data && pending.length === 0 && (
        <Text size="sm">{t("organizations.joinRequests.empty")}</Text>
      )}
      <Stack gap="sm">
        {pending.map((r) => (
          <Card key={r.id} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
              <div style={{ minWidth: 0, flex: "1 1 16rem" }}>
                <Text fw={600}>{r.user.fullName}</Text>
                <Text size="sm" style={{ wordBreak: "break-all" }}>
                  {r.user.email}
                </Text>
                <Text size="xs">
                  {t("organizations.joinRequests.sentAt", { date: format.dateTime(r.createdAt) })}
                </Text>
                {r.message && (
                  <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                    {t("organizations.joinRequests.message", { message: r.message })}
                  </Text>
                )}
              </div>
              <Group gap="xs">
                <Button
                  size="xs"
                  loading={
                    decide.isPending && decide.variables?.id === r.id && decide.variables.action === "approve"
                  }
                  onClick={() => decide.mutate({ id: r.id, action: "approve" })}
                  aria-label={t("organizations.joinRequests.approveFor", { name: r.user.fullName })}
                >
                  {t("organizations.joinRequests.approve")}
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  color="red"
                  loading={
                    decide.isPending && decide.variables?.id === r.id && decide.variables.action === "reject"
                  }
                  onClick={() => decide.mutate({ id: r.id, action: "reject" })}
                  aria-label={t("organizations.joinRequests.rejectFor", { name: r.user.fullName })}
                >
                  {t("organizations.joinRequests.reject")}
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </Section>
  );
}

export default function MembersPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <OrgShell id={id} page={t("organizations.members.title")}>
      {(view) => (
        <Stack gap="lg">
          {view.can["org.members.manage"] !== true && view.membership && (
            <Text>{t("organizations.members.readOnly")}</Text>
          )}
          <MembersTable view={view} />
          {view.can["org.members.manage"] === true && (
            <>
              <JoinRequests orgId={id} />
              <Invitations orgId={id} />
            </>
          )}
        </Stack>
      )}
    </OrgShell>
  );
}
