import {
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { ConflictAlert } from "../../components/ConflictAlert";
import { EmptyState } from "../../components/EmptyState";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast, toastError } from "../../components/toast";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { teamKeys, teamQueries } from "./queries";

type Team = components["schemas"]["Team"];

function InviteForm({ team }: { team: Team }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [email, setEmail] = useState("");
  const invite = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/teams/{id}/invitations", { params: { path: { id: team.id } }, body: { email } }),
      ),
    onSuccess: () => {
      setEmail("");
      toast(t("teams.invited"));
      void qc.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
  return (
    <MutationForm onSubmit={() => invite.mutate()} error={invite.error}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="email"
          label={t("teams.inviteEmail")}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          required
          style={{ flex: "1 1 240px" }}
        />
        <Button type="submit" loading={invite.isPending}>
          {t("teams.invite")}
        </Button>
      </Group>
    </MutationForm>
  );
}

/**
 * The captain ties the team to an organization they own or administer (the server's rule: one step, no
 * confirmation by another person).
 */
function TieForm({ team }: { team: Team }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mine = useMyOrganizations();
  const managed = (mine.data?.items ?? []).filter((o) => o.role === "owner" || o.role === "admin");
  const [orgId, setOrgId] = useState<string | null>(null);
  const tie = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/teams/{id}/organization", {
          params: { path: { id: team.id } },
          body: { organizationId: orgId ?? "", version: team.version },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: teamKeys.all }),
  });
  if (managed.length === 0) return null;
  return (
    <MutationForm onSubmit={() => tie.mutate()} error={tie.error}>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t("teams.tie")}
          description={t("teams.tieHint")}
          data={managed.map((o) => ({ value: o.organization.id, label: o.organization.shortName }))}
          value={orgId}
          onChange={setOrgId}
          style={{ flex: "1 1 240px" }}
        />
        <Button type="submit" variant="default" disabled={!orgId} loading={tie.isPending}>
          {t("teams.tieButton")}
        </Button>
      </Group>
    </MutationForm>
  );
}

/**
 * The captain renames the team at the version seen; when someone changed the team meanwhile (409), the
 * typed name stays and the alert shows the current one: save the typed name over it, or keep the current.
 */
function RenameForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState(team.name);
  const [current, setCurrent] = useState<Team | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const rename = useMutation({
    mutationFn: (version: number) =>
      unwrap(client.PATCH("/api/teams/{id}", { params: { path: { id: team.id } }, body: { name, version } })),
    onSuccess: () => {
      toast(t("teams.renamed"));
      void qc.invalidateQueries({ queryKey: teamKeys.all });
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.is("team-changed"))
        setCurrent((error.body.current as Team | undefined) ?? null);
    },
  });
  const stale = rename.error instanceof ApiError && rename.error.is("team-changed");
  const invalid =
    rename.error instanceof ApiError
      ? rename.error.errors.find((e) => e.field === "name")?.message
      : undefined;
  const keepCurrent = () => {
    void qc.invalidateQueries({ queryKey: teamKeys.all });
    onDone();
  };
  return (
    <MutationForm
      onSubmit={() => rename.mutate(current?.version ?? team.version)}
      error={stale || invalid ? null : rename.error}
      aria-labelledby={`rename-${team.id}`}
    >
      <Text id={`rename-${team.id}`} fw={500}>
        {t("teams.renameTitle")}
      </Text>
      <TextInput
        ref={input}
        label={t("teams.name")}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        maxLength={120}
        error={invalid}
      />
      {stale && (
        <ConflictAlert
          title={t("teams.renameConflictTitle")}
          text={t("teams.renameConflictText", { name: current?.name ?? team.name })}
          overwrite={{
            label: t("teams.renameOverwrite"),
            onClick: () => rename.mutate(current?.version ?? team.version),
            loading: rename.isPending,
          }}
          reload={{ label: t("teams.renameKeep"), onClick: keepCurrent }}
        />
      )}
      <Group gap="sm">
        <Button type="submit" loading={rename.isPending} disabled={!name.trim()}>
          {t("teams.renameSave")}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t("teams.renameCancel")}
        </Button>
      </Group>
    </MutationForm>
  );
}

function TeamCard({ team }: { team: Team }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useMe();
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: teamKeys.all });
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const closeRename = () => {
    setRenaming(false);
    // back to the button that opened the form (rendered again on the next frame)
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const remove = useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        client.DELETE("/api/teams/{id}/members/{userId}", { params: { path: { id: team.id, userId } } }),
      ),
    onSuccess: done,
    onError: toastError,
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(
        client.DELETE("/api/teams/{id}/invitations/{invitationId}", {
          params: { path: { id: team.id, invitationId } },
        }),
      ),
    onSuccess: done,
    onError: toastError,
  });
  const captain = useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        client.POST("/api/teams/{id}/captain", {
          params: { path: { id: team.id } },
          body: { userId, version: team.version },
        }),
      ),
    onSuccess: done,
    onError: toastError,
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`team-${team.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h4" id={`team-${team.id}`}>
              {team.name}
            </Title>
            {team.me.captain && !renaming && (
              <Button
                ref={renameButton}
                size="compact-xs"
                variant="subtle"
                onClick={() => setRenaming(true)}
                aria-label={t("teams.renameFor", { name: team.name })}
              >
                {t("teams.rename")}
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t("teams.size", { count: team.members.length })}
            {team.organization ? ` · ${t("teams.tiedTo", { name: team.organization.shortName })}` : ""}
          </Text>
        </Group>
        {renaming && <RenameForm team={team} onDone={closeRename} />}
        {team.description && <Text size="sm">{team.description}</Text>}
        <List spacing={4} listStyleType="none" aria-label={t("teams.members")}>
          {team.members.map((m) => (
            <List.Item key={m.id}>
              <Group gap="xs" wrap="wrap">
                <Text>{m.fullName}</Text>
                {m.captain && <Badge variant="light">{t("teams.captain")}</Badge>}
                {team.me.captain && !m.captain && (
                  <>
                    <Button size="compact-xs" variant="subtle" onClick={() => captain.mutate(m.id)}>
                      {t("teams.makeCaptain")}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => remove.mutate(m.id)}
                    >
                      {t("teams.remove")}
                    </Button>
                  </>
                )}
                {!team.me.captain && m.id === user?.id && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(m.id)}>
                    {t("teams.leave")}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
        {team.me.captain && team.invitations.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t("teams.pending")}
            </Text>
            {team.invitations.map((i) => (
              <Group key={i.id} gap="xs" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {t("teams.pendingOne", { email: i.email, until: format.dateTime(i.expiresAt) })}
                </Text>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => revoke.mutate(i.id)}>
                  {t("teams.revoke")}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        {team.me.captain && <InviteForm team={team} />}
        {team.me.captain && !team.organization && <TieForm team={team} />}
      </Stack>
    </Card>
  );
}

function CreateTeam() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation({
    mutationFn: () =>
      unwrap(client.POST("/api/teams", { body: { name, description: description || undefined } })),
    onSuccess: () => {
      setName("");
      setDescription("");
      void qc.invalidateQueries({ queryKey: teamKeys.all });
    },
  });
  return (
    <Card withBorder padding="md">
      <MutationForm
        onSubmit={() => create.mutate()}
        error={create.error}
        lead={
          <Title order={2} size="h4">
            {t("teams.createTitle")}
          </Title>
        }
      >
        <TextInput
          label={t("teams.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <Textarea
          label={t("teams.description")}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("teams.create")}
          </Button>
        </Group>
      </MutationForm>
    </Card>
  );
}

/** "Мои команды": the reader's teams, the invitations to their e-mail, a new team. */
export default function TeamsPage() {
  const { t } = useTranslation();
  usePageTitle(t("teams.title"));
  const q = useQuery(teamQueries.mine());
  return (
    <Stack gap="lg">
      <PageHeader title={t("teams.title")} subtitle={t("teams.lead")} />
      {q.isPending ? (
        <Skeleton height={200} />
      ) : q.error ? (
        <ProblemAlert error={q.error} />
      ) : (
        <>
          {q.data.invitations.length > 0 && (
            <Card withBorder padding="md">
              <Title order={2} size="h4">
                {t("teams.invitations")}
              </Title>
              <List>
                {q.data.invitations.map((i) => (
                  <List.Item key={i.id}>
                    {t("teams.invitationFrom", { team: i.team.name, inviter: i.inviter })}
                  </List.Item>
                ))}
              </List>
              <Text size="sm" c="dimmed">
                {t("teams.invitationsHint")}
              </Text>
            </Card>
          )}
          {q.data.items.length === 0 ? (
            <EmptyState text={t("teams.empty")} hint={t("teams.emptyHint")} />
          ) : (
            q.data.items.map((team) => <TeamCard key={team.id} team={team} />)
          )}
          <CreateTeam />
        </>
      )}
    </Stack>
  );
}
