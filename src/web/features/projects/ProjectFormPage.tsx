import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { OKVED_SECTION_LETTERS } from "../../../shared/okved";
import { PROJECT_STAGES, PROJECT_TRLS, type ProjectStage } from "../../../shared/projects";
import { TAG_SLUGS, tagLabel } from "../../../shared/tags";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { industryLabel, useLocale } from "../../components/Topics";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { fieldError } from "../challenges/fieldErrors";
import { projectKeys, projectQueries } from "./queries";
import type { Project } from "./types";

type OkvedLetter = (typeof OKVED_SECTION_LETTERS)[number];
type TagSlug = (typeof TAG_SLUGS)[number];

interface Values {
  leadOrganizationId: string | null;
  titleRu: string;
  descriptionRu: string;
  industries: OkvedLetter[];
  tags: TagSlug[];
  stage: ProjectStage;
  trl: number;
  startOn: string;
  endOn: string;
  budget: string;
}

const valuesOf = (p: Project): Values => ({
  leadOrganizationId: p.lead.id,
  titleRu: p.titleRu,
  descriptionRu: p.descriptionRu,
  industries: p.industries as OkvedLetter[],
  tags: p.tags as TagSlug[],
  stage: p.stage,
  trl: p.trl,
  startOn: p.startOn ?? "",
  endOn: p.endOn ?? "",
  budget: p.budget === null ? "" : String(p.budget),
});

const NEW: Values = {
  leadOrganizationId: null,
  titleRu: "",
  descriptionRu: "",
  industries: [],
  tags: [],
  stage: "idea",
  trl: 1,
  startOn: "",
  endOn: "",
  budget: "",
};

/** Whole rubles as typed ("48 500 000"), or -1 for anything else (the server says what is wrong). */
const rublesOf = (s: string) => {
  const plain = s.replace(/[\s\u00a0]/g, "");
  if (!plain) return null;
  return /^\d{1,13}$/.test(plain) ? Number(plain) : -1;
};

function ProjectForm({ initial, project }: { initial: Values; project?: Project }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const mine = useMyOrganizations();
  const managed = (mine.data?.items ?? []).filter((o) => o.role === "owner" || o.role === "admin");
  const [v, setV] = useState(initial);
  const set = (patch: Partial<Values>) => setV((x) => ({ ...x, ...patch }));
  const lead = v.leadOrganizationId ?? managed[0]?.organization.id ?? null;
  const content = () => ({
    titleRu: v.titleRu,
    descriptionRu: v.descriptionRu,
    industries: v.industries,
    tags: v.tags,
    stage: v.stage,
    trl: v.trl,
    startOn: v.startOn || null,
    endOn: v.endOn || null,
    budget: rublesOf(v.budget),
  });
  const save = useMutation({
    mutationFn: () =>
      project
        ? unwrap(
            client.PATCH("/api/projects/{id}", {
              params: { path: { id: project.id } },
              body: { ...content(), version: project.version },
            }),
          )
        : unwrap(client.POST("/api/projects", { body: { leadOrganizationId: lead ?? "", ...content() } })),
    onSuccess: (p) => {
      qc.setQueryData(projectKeys.project(p.id), p);
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      navigate(`/projects/${p.id}`);
    },
  });
  const stale = save.error instanceof ApiError && save.error.is("project-changed");
  const err = (f: string) => fieldError(save.error, f);
  if (!project && mine.data && managed.length === 0)
    return (
      <Alert color="yellow">
        {t("projects.form.noOrganization")}{" "}
        <Link to="/organizations">{t("projects.form.organizations")}</Link>
      </Alert>
    );
  return (
    <MutationForm onSubmit={() => save.mutate()} error={save.error} gap="md">
      {stale && (
        <Button
          variant="light"
          onClick={() => {
            const current = (save.error as ApiError).body.current as Project | undefined;
            if (current) {
              qc.setQueryData(projectKeys.project(current.id), current);
              navigate(0);
            }
          }}
        >
          {t("projects.form.reload")}
        </Button>
      )}
      {!project && (
        <NativeSelect
          label={t("projects.form.lead")}
          required
          value={lead ?? ""}
          data={managed.map((o) => ({ value: o.organization.id, label: o.organization.shortName }))}
          onChange={(e) => set({ leadOrganizationId: e.currentTarget.value })}
        />
      )}
      <TextInput
        label={t("projects.form.title")}
        required
        maxLength={200}
        value={v.titleRu}
        onChange={(e) => set({ titleRu: e.currentTarget.value })}
        error={err("titleRu")}
      />
      <Textarea
        label={t("projects.form.description")}
        required
        autosize
        minRows={4}
        maxLength={5000}
        value={v.descriptionRu}
        onChange={(e) => set({ descriptionRu: e.currentTarget.value })}
        error={err("descriptionRu")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("projects.form.stage")}
          value={v.stage}
          data={PROJECT_STAGES.map((s) => ({ value: s, label: t(`projects.stages.${s}`) }))}
          onChange={(e) => set({ stage: e.currentTarget.value as ProjectStage })}
        />
        <NativeSelect
          label={t("projects.form.trl")}
          description={t("projects.form.trlHint")}
          value={String(v.trl)}
          data={PROJECT_TRLS.map((n) => ({ value: String(n), label: t(`projects.trl.${n}`) }))}
          onChange={(e) => set({ trl: Number(e.currentTarget.value) })}
        />
      </SimpleGrid>
      <MultiSelect
        label={t("projects.form.industries")}
        searchable
        value={v.industries}
        data={OKVED_SECTION_LETTERS.map((l) => ({ value: l, label: industryLabel(l, locale) }))}
        onChange={(x) => set({ industries: x as OkvedLetter[] })}
      />
      <MultiSelect
        label={t("projects.form.tags")}
        searchable
        maxValues={12}
        value={v.tags}
        data={TAG_SLUGS.map((s) => ({ value: s, label: tagLabel(s, locale) }))}
        onChange={(x) => set({ tags: x as TagSlug[] })}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={t("projects.form.startOn")}
          value={v.startOn}
          onChange={(e) => set({ startOn: e.currentTarget.value })}
          error={err("startOn")}
        />
        <TextInput
          type="date"
          label={t("projects.form.endOn")}
          value={v.endOn}
          onChange={(e) => set({ endOn: e.currentTarget.value })}
          error={err("endOn")}
        />
        <TextInput
          label={t("projects.form.budget")}
          description={t("projects.form.budgetHint")}
          inputMode="numeric"
          value={v.budget}
          onChange={(e) => set({ budget: e.currentTarget.value })}
          error={err("budget")}
        />
      </SimpleGrid>
      <Group>
        <Button type="submit" loading={save.isPending}>
          {project ? t("projects.form.save") : t("projects.form.create")}
        </Button>
      </Group>
    </MutationForm>
  );
}

/** A new project of an organization the reader manages. */
export function NewProjectPage() {
  const { t } = useTranslation();
  usePageTitle(t("projects.form.newTitle"));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/projects/mine", label: t("projects.mine.title") }}
        title={t("projects.form.newTitle")}
        subtitle={t("projects.form.newLead")}
      />
      <ProjectForm initial={NEW} />
    </Stack>
  );
}

/** Editing a project (its managers). */
export function EditProjectPage() {
  const { t } = useTranslation();
  usePageTitle(t("projects.form.editTitle"));
  const { id = "" } = useParams();
  const q = useQuery(projectQueries.project(id));
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Skeleton height={400} />;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/projects/${id}`, label: q.data.titleRu }}
        title={t("projects.form.editTitle")}
      />
      <ProjectForm key={q.data.version} initial={valuesOf(q.data)} project={q.data} />
    </Stack>
  );
}
