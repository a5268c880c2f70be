import {
  Button,
  FileButton,
  Group,
  NativeSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatShare, INVESTMENT_TYPES, parseShare, shareIssues } from "../../../shared/projects";
import { client, multipart, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { SectionCard } from "../../components/SectionCard";
import { fieldError } from "../challenges/fieldErrors";
import { PartnerPicker, rowsAsMembers, type ShareRow, SharesEditor } from "./ConsortiumEditor";
import { useEntryWhat, useRubles } from "./labels";
import { projectKeys } from "./queries";
import type { Project } from "./types";

function useRefresh(id: string) {
  const qc = useQueryClient();
  return (p?: Project) => {
    if (p) qc.setQueryData(projectKeys.project(id), p);
    void qc.invalidateQueries({ queryKey: projectKeys.all });
  };
}

const rowsOf = (p: Project, locale: string): ShareRow[] =>
  p.members
    .filter((m) => m.state !== "declined")
    .map((m) => ({
      organizationId: m.organization.id,
      shortName: m.organization.shortName,
      roleRu: m.roleRu,
      share: formatShare(m.share, locale),
      state: m.state,
    }));

/** The lead sets the consortium: partners with roles and shares; new ones are invited. */
function ConsortiumPanel({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(project.id);
  const [rows, setRows] = useState(() => rowsOf(project, i18n.language));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT("/api/projects/{id}/consortium", {
          params: { path: { id: project.id } },
          body: {
            members: rows.map((r) => ({
              organizationId: r.organizationId,
              roleRu: r.roleRu.trim() || (r.state === "lead" ? t("projects.consortium.leadRole") : ""),
              share: parseShare(r.share) ?? 0,
            })),
            version: project.version,
          },
        }),
      ),
    onSuccess: (p) => {
      refresh(p);
      setRows(rowsOf(p, i18n.language));
    },
    onError: () => refresh(),
  });
  const valid =
    shareIssues(rowsAsMembers(rows)).length === 0 && rows.every((r) => parseShare(r.share) !== null);
  return (
    <SectionCard titleGap="sm" id="project-consortium-edit" title={t("projects.consortium.title")}>
      <MutationForm onSubmit={() => save.mutate()} error={save.error} gap="md">
        <Text size="sm">{t("projects.consortium.lead")}</Text>
        <SharesEditor value={rows} onChange={setRows} />
        <PartnerPicker value={rows} onChange={setRows} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!valid}>
            {t("projects.consortium.save")}
          </Button>
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

/** Picks a support measure of the navigator by its title. */
function MeasurePicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ["projects", "measure-search", q],
    enabled: q.length >= 2,
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/measures", { params: { query: { q, pageSize: 10 } }, signal })),
  });
  return (
    <Select
      label={t("projects.entries.measure")}
      description={t("projects.entries.measureHint")}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={(found.data?.items ?? []).map((m) => ({ value: m.id, label: m.titleRu }))}
      value={value}
      onChange={onChange}
    />
  );
}

interface EntryValues {
  kind: "investment" | "support";
  investorRu: string;
  investmentType: string;
  measureId: string | null;
  supportRu: string;
  amount: string;
  receivedOn: string;
  sourceRu: string;
}

const EMPTY: EntryValues = {
  kind: "investment",
  investorRu: "",
  investmentType: "",
  measureId: null,
  supportRu: "",
  amount: "",
  receivedOn: "",
  sourceRu: "",
};

/** Declares money received with its document; it counts in public totals once the operator confirms it. */
function EntryPanel({ project }: { project: Project }) {
  const { t } = useTranslation();
  const refresh = useRefresh(project.id);
  const [v, setV] = useState(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const set = (patch: Partial<EntryValues>) => setV((x) => ({ ...x, ...patch }));
  const declare = useMutation({
    mutationFn: async () => {
      const investment = v.kind === "investment";
      const e = await unwrap(
        client.POST("/api/projects/{id}/entries", {
          params: { path: { id: project.id } },
          body: {
            kind: v.kind,
            investorRu: investment ? v.investorRu || null : null,
            investmentType:
              investment && v.investmentType ? (v.investmentType as (typeof INVESTMENT_TYPES)[number]) : null,
            measureId: investment ? null : v.measureId,
            supportRu: investment ? null : v.supportRu || null,
            amount: /^\d+$/.test(v.amount.replace(/\s/g, "")) ? Number(v.amount.replace(/\s/g, "")) : -1,
            receivedOn: v.receivedOn,
            sourceRu: v.sourceRu,
          },
        }),
      );
      if (file)
        await unwrap(
          client.POST("/api/project-entries/{id}/document", {
            params: { path: { id: e.id } },
            body: multipart({ file }),
          }),
        );
    },
    onSuccess: () => {
      setV(EMPTY);
      setFile(null);
      refresh();
    },
  });
  const err = (field: string) => fieldError(declare.error, field);
  return (
    <SectionCard titleGap="sm" id="project-entry-new" title={t("projects.entries.title")}>
      <MutationForm onSubmit={() => declare.mutate()} error={declare.error} gap="md">
        <Text size="sm">{t("projects.entries.lead")}</Text>
        <Radio.Group
          label={t("projects.entries.kind")}
          value={v.kind}
          onChange={(k) => set({ kind: k as EntryValues["kind"] })}
        >
          <Group mt={6}>
            <Radio value="investment" label={t("projects.entryKinds.investment")} />
            <Radio value="support" label={t("projects.entryKinds.support")} />
          </Group>
        </Radio.Group>
        {v.kind === "investment" ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("projects.entries.investor")}
              required
              value={v.investorRu}
              onChange={(e) => set({ investorRu: e.currentTarget.value })}
              error={err("investorRu")}
            />
            <NativeSelect
              label={t("projects.entries.investmentType")}
              required
              value={v.investmentType}
              data={[
                { value: "", label: t("projects.entries.choose") },
                ...INVESTMENT_TYPES.map((x) => ({ value: x, label: t(`projects.investmentTypes.${x}`) })),
              ]}
              onChange={(e) => set({ investmentType: e.currentTarget.value })}
              error={err("investmentType")}
            />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MeasurePicker value={v.measureId} onChange={(id) => set({ measureId: id })} />
            <TextInput
              label={t("projects.entries.support")}
              value={v.supportRu}
              onChange={(e) => set({ supportRu: e.currentTarget.value })}
              error={err("supportRu")}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("projects.entries.amountRub")}
            required
            inputMode="numeric"
            value={v.amount}
            onChange={(e) => set({ amount: e.currentTarget.value })}
            error={err("amount")}
          />
          <TextInput
            type="date"
            label={t("projects.entries.receivedOn")}
            required
            value={v.receivedOn}
            onChange={(e) => set({ receivedOn: e.currentTarget.value })}
            error={err("receivedOn")}
          />
          <TextInput
            label={t("projects.entries.source")}
            description={t("projects.entries.sourceHint")}
            required
            value={v.sourceRu}
            onChange={(e) => set({ sourceRu: e.currentTarget.value })}
            error={err("sourceRu")}
          />
        </SimpleGrid>
        <Group>
          <FileButton onChange={setFile} accept="application/pdf,image/png,image/jpeg,.docx,.xlsx,.odt">
            {(props) => (
              <Button variant="default" {...props}>
                {file
                  ? t("projects.entries.documentChosen", { name: file.name })
                  : t("projects.entries.document")}
              </Button>
            )}
          </FileButton>
          <Button type="submit" loading={declare.isPending}>
            {t("projects.entries.declare")}
          </Button>
        </Group>
      </MutationForm>
    </SectionCard>
  );
}

/** Declared entries without their document (an upload that failed, or left for later): attach it. */
function MissingDocuments({ project }: { project: Project }) {
  const { t } = useTranslation();
  const refresh = useRefresh(project.id);
  const rubles = useRubles();
  const what = useEntryWhat();
  const attach = useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      unwrap(
        client.POST("/api/project-entries/{id}/document", {
          params: { path: { id } },
          body: multipart({ file }),
        }),
      ),
    onSuccess: () => refresh(),
  });
  const missing = project.entries.filter((e) => e.state === "declared" && !e.document);
  if (!missing.length) return null;
  return (
    <SectionCard titleGap="sm" id="project-entry-documents" title={t("projects.entries.missingTitle")}>
      <MutationForm onSubmit={() => {}} error={attach.error}>
        {missing.map((e) => (
          <Group key={e.id} justify="space-between" wrap="wrap">
            <Text>
              {rubles(e.amount)} · {what(e)}
            </Text>
            <FileButton
              onChange={(file) => file && attach.mutate({ id: e.id, file })}
              accept="application/pdf,image/png,image/jpeg,.docx,.xlsx,.odt"
            >
              {(props) => (
                <Button variant="light" loading={attach.isPending} {...props}>
                  {t("projects.entries.document")}
                </Button>
              )}
            </FileButton>
          </Group>
        ))}
      </MutationForm>
    </SectionCard>
  );
}

/** The panels of the project's managers: the consortium and the money entries. */
export function ManagePanels({ project }: { project: Project }) {
  return (
    <Stack gap="lg">
      <ConsortiumPanel key={project.version} project={project} />
      <MissingDocuments project={project} />
      <EntryPanel project={project} />
    </Stack>
  );
}

/** An invited organization's owner or admin accepts or declines, seeing the role and share offered. */
export function InvitationAnswer({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh(project.id);
  const answer = useMutation({
    mutationFn: ({ org, decision }: { org: string; decision: "accept" | "decline" }) =>
      unwrap(
        client.POST("/api/projects/{id}/invitations/{organizationId}", {
          params: { path: { id: project.id, organizationId: org } },
          body: { decision, version: project.version },
        }),
      ),
    onSuccess: (p) => refresh(p),
    onError: () => refresh(),
  });
  return (
    <SectionCard titleGap="sm" id="project-invitation" title={t("projects.invitation.title")} bg="yellow.0">
      <MutationForm onSubmit={() => {}} error={answer.error}>
        {project.me.invitations.map((o) => {
          const m = project.members.find((x) => x.organization.id === o.id);
          return (
            <Stack key={o.id} gap="xs">
              <Text>
                {t("projects.invitation.text", {
                  org: o.shortName,
                  lead: project.lead.shortName,
                  role: m?.roleRu ?? "",
                  share: formatShare(m?.share ?? 0, i18n.language),
                })}
              </Text>
              <Group>
                <Button
                  loading={answer.isPending}
                  onClick={() => answer.mutate({ org: o.id, decision: "accept" })}
                >
                  {t("projects.invitation.accept")}
                </Button>
                <Button
                  variant="default"
                  loading={answer.isPending}
                  onClick={() => answer.mutate({ org: o.id, decision: "decline" })}
                >
                  {t("projects.invitation.decline")}
                </Button>
              </Group>
            </Stack>
          );
        })}
      </MutationForm>
    </SectionCard>
  );
}
