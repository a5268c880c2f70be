import { Button, Group, MultiSelect, Select, Skeleton, Stack, Textarea, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { CLUSTER_NAME_MAX, CLUSTER_THEME_MAX } from "../../../shared/clusters";
import { OKVED_SECTION_LETTERS } from "../../../shared/okved";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { industryLabel, useLocale } from "../../components/Topics";
import { usePageTitle } from "../../components/usePageTitle";
import { fieldError } from "../challenges/fieldErrors";
import { clusterKeys, clusterQueries } from "./queries";
import type { Cluster } from "./types";

type OkvedLetter = (typeof OKVED_SECTION_LETTERS)[number];
type Lead = { id: string; shortName: string } | null;

/** The lead organization: searched in the directory by name or TIN. */
function LeadPicker({
  value,
  onChange,
  error,
}: {
  value: Lead;
  onChange: (v: Lead) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.shortName ?? "");
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ["clusters", "lead-search", q],
    enabled: q.length >= 2 && q !== value?.shortName,
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/directory", { params: { query: { q, pageSize: 10 } }, signal })),
  });
  const options = [
    ...(value ? [{ value: value.id, label: value.shortName }] : []),
    ...(found.data?.items ?? [])
      .filter((o) => o.id !== value?.id)
      .map((o) => ({ value: o.id, label: o.shortName })),
  ];
  return (
    <Select
      label={t("clusters.form.lead")}
      description={t("clusters.form.leadHint")}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value?.id ?? null}
      nothingFoundMessage={q.length >= 2 ? t("clusters.form.leadNothing") : undefined}
      onChange={(id) => {
        const o = options.find((x) => x.value === id);
        onChange(o ? { id: o.value, shortName: o.label } : null);
      }}
      error={fieldError(error, "leadOrganizationId")}
    />
  );
}

function ClusterForm({ cluster }: { cluster?: Cluster }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [nameRu, setName] = useState(cluster?.nameRu ?? "");
  const [themeRu, setTheme] = useState(cluster?.themeRu ?? "");
  const [industries, setIndustries] = useState<OkvedLetter[]>((cluster?.industries ?? []) as OkvedLetter[]);
  const [lead, setLead] = useState<Lead>(cluster?.lead ?? null);
  const save = useMutation({
    mutationFn: () => {
      const body = { nameRu, themeRu, industries, leadOrganizationId: lead?.id ?? "" };
      return cluster
        ? unwrap(
            client.PATCH("/api/clusters/{id}", {
              params: { path: { id: cluster.id } },
              body: { ...body, version: cluster.version },
            }),
          )
        : unwrap(client.POST("/api/clusters", { body }));
    },
    onSuccess: (c) => {
      qc.setQueryData(clusterKeys.cluster(c.id), c);
      void qc.invalidateQueries({ queryKey: clusterKeys.all });
      navigate(`/clusters/${c.id}`);
    },
  });
  const stale = save.error instanceof ApiError && save.error.is("cluster-changed");
  const err = (f: string) => fieldError(save.error, f);
  return (
    <MutationForm onSubmit={() => save.mutate()} error={save.error} gap="md">
      {stale && (
        <Button
          variant="light"
          style={{ alignSelf: "flex-start" }}
          onClick={() => {
            const current = (save.error as ApiError).body.current as Cluster | undefined;
            if (current) {
              qc.setQueryData(clusterKeys.cluster(current.id), current);
              navigate(0);
            }
          }}
        >
          {t("clusters.form.reload")}
        </Button>
      )}
      <TextInput
        label={t("clusters.form.name")}
        required
        maxLength={CLUSTER_NAME_MAX}
        value={nameRu}
        onChange={(e) => setName(e.currentTarget.value)}
        error={err("nameRu")}
      />
      <Textarea
        label={t("clusters.form.theme")}
        description={t("clusters.form.themeHint")}
        required
        autosize
        minRows={4}
        maxLength={CLUSTER_THEME_MAX}
        value={themeRu}
        onChange={(e) => setTheme(e.currentTarget.value)}
        error={err("themeRu")}
      />
      <MultiSelect
        label={t("clusters.form.industries")}
        searchable
        data={OKVED_SECTION_LETTERS.map((l) => ({ value: l, label: industryLabel(l, locale) }))}
        value={industries}
        onChange={(v) => setIndustries(v as OkvedLetter[])}
        error={err("industries")}
      />
      <LeadPicker value={lead} onChange={setLead} error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {cluster ? t("clusters.form.save") : t("clusters.form.create")}
        </Button>
        <Button component={Link} to={cluster ? `/clusters/${cluster.id}` : "/clusters"} variant="default">
          {t("clusters.form.cancel")}
        </Button>
      </Group>
    </MutationForm>
  );
}

/** The operator's form for a new cluster. */
export function NewClusterPage() {
  const { t } = useTranslation();
  usePageTitle(t("clusters.form.newTitle"));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/clusters", label: t("clusters.catalog.title") }}
        title={t("clusters.form.newTitle")}
      />
      <ClusterForm />
    </Stack>
  );
}

/** The operator's form for a cluster: its content and its lead. */
export function EditClusterPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  usePageTitle(t("clusters.form.editTitle"));
  const q = useQuery(clusterQueries.cluster(id));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/clusters/${id}`, label: q.data?.nameRu ?? t("clusters.page.title") }}
        title={t("clusters.form.editTitle")}
      />
      {q.error ? (
        <ProblemAlert error={q.error} />
      ) : q.data ? (
        <ClusterForm cluster={q.data} />
      ) : (
        <Skeleton height={300} />
      )}
    </Stack>
  );
}
