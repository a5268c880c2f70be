import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { GRANT_DECLARATIONS, type GrantCategory, grantAmount } from "../../../shared/grants";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { fieldError } from "../challenges/fieldErrors";
import { kopecksOf, typedOf, useMoney } from "./money";
import { ProgramFormFrame } from "./ProgramFormFrame";
import { grantKeys } from "./queries";
import type { Application, Program } from "./types";

type ItemValues = {
  id?: string;
  category: GrantCategory;
  descriptionRu: string;
  supplierName: string;
  supplierInn: string;
  paidOn: string;
  amount: string;
  amountNoVat: string;
};
type KpiValues = { year: string; revenue: string; jobs: string; output: string };
type Values = {
  organizationId: string | null;
  /** The applicant's own project the paid grant is recorded on as city support ("" for none). */
  projectId: string;
  titleRu: string;
  declarations: Record<string, boolean>;
  items: ItemValues[];
  kpis: KpiValues[];
};

const blankItem = (category: GrantCategory): ItemValues => ({
  category,
  descriptionRu: "",
  supplierName: "",
  supplierInn: "",
  paidOn: "",
  amount: "",
  amountNoVat: "",
});

const nextYears = () => {
  const y = new Date().getFullYear();
  return [1, 2, 3].map((k) => ({ year: String(y + k), revenue: "", jobs: "", output: "" }));
};

const valuesOf = (a: Application): Values => ({
  organizationId: a.organization.id,
  projectId: a.projectId ?? "",
  titleRu: a.titleRu,
  declarations: a.declarations,
  items: a.items.map((it) => ({
    id: it.id,
    category: it.category,
    descriptionRu: it.descriptionRu,
    supplierName: it.supplierName,
    supplierInn: it.supplierInn,
    paidOn: it.paidOn,
    amount: typedOf(it.amount),
    amountNoVat: typedOf(it.amountNoVat),
  })),
  kpis: a.kpis.map((k) => ({
    year: String(k.year),
    revenue: String(k.revenue),
    jobs: String(k.jobs),
    output: String(k.output),
  })),
});

/** A whole number as typed, or -1 (the server names what is wrong). */
const wholeOf = (s: string) => {
  const plain = s.replace(/[\s\u00a0]/g, "");
  return /^\d{1,13}$/.test(plain) ? Number(plain) : -1;
};

/** The application's content: items with the amount computed as the applicant types, declarations, KPIs. */
export function ApplicationForm({ program, application }: { program: Program; application?: Application }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const money = useMoney();
  const mine = useMyOrganizations();
  const managed = (mine.data?.items ?? []).filter((o) => o.role === "owner" || o.role === "admin");
  const first = program.categories[0]!.category;
  const [v, setV] = useState<Values>(() =>
    application
      ? valuesOf(application)
      : {
          organizationId: null,
          projectId: "",
          titleRu: "",
          declarations: {},
          items: [blankItem(first)],
          kpis: nextYears(),
        },
  );
  const set = (patch: Partial<Values>) => setV((x) => ({ ...x, ...patch }));
  const setItem = (i: number, patch: Partial<ItemValues>) =>
    set({ items: v.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  const setKpi = (i: number, patch: Partial<KpiValues>) =>
    set({ kpis: v.kpis.map((k, j) => (j === i ? { ...k, ...patch } : k)) });
  const org = v.organizationId ?? managed[0]?.organization.id ?? null;
  // the projects the applicant leads: a paid grant is recorded on one as city support
  const projects = useQuery({
    queryKey: ["projects", "mine", "grant-form"],
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/projects/mine", { params: { query: { page: 1, pageSize: 100 } }, signal })),
  });
  const ownProjects = (projects.data?.items ?? []).filter((p) => p.lead.id === org && p.state === "lead");
  const items = v.items.map((it) => ({
    ...(it.id ? { id: it.id } : {}),
    category: it.category,
    descriptionRu: it.descriptionRu,
    supplierName: it.supplierName,
    supplierInn: it.supplierInn.trim(),
    paidOn: it.paidOn,
    amount: kopecksOf(it.amount) ?? -1,
    amountNoVat: kopecksOf(it.amountNoVat) ?? -1,
  }));
  const computed = grantAmount(
    program,
    items.map((it) => ({ category: it.category, amountNoVat: Math.max(0, it.amountNoVat) })),
  );
  const content = () => ({
    titleRu: v.titleRu,
    projectId: v.projectId || null,
    declarations: v.declarations,
    kpis: v.kpis
      .filter((k) => k.revenue || k.jobs || k.output)
      .map((k) => ({
        year: wholeOf(k.year),
        revenue: wholeOf(k.revenue || "0"),
        jobs: wholeOf(k.jobs || "0"),
        output: wholeOf(k.output || "0"),
      })),
    items,
  });
  const save = useMutation({
    mutationFn: () =>
      application
        ? unwrap(
            client.PUT("/api/grant-applications/{id}", {
              params: { path: { id: application.id } },
              body: { ...content(), version: application.version },
            }),
          )
        : unwrap(
            client.POST("/api/grant-applications", {
              body: { programId: program.id, organizationId: org ?? "", ...content() },
            }),
          ),
    onSuccess: (a) => {
      qc.setQueryData(grantKeys.application(a.id), a);
      void qc.invalidateQueries({ queryKey: grantKeys.all });
      navigate(`/grants/applications/${a.id}`);
    },
  });
  const stale = save.error instanceof ApiError && save.error.is("grant-application-changed");
  const err = (f: string) => fieldError(save.error, f);
  if (!application && mine.data && managed.length === 0)
    return (
      <Alert color="yellow">
        {t("grantsWork.form.noOrganization")}{" "}
        <Link to="/organizations">{t("grantsWork.form.organizations")}</Link>
      </Alert>
    );
  return (
    <MutationForm onSubmit={() => save.mutate()} error={save.error} gap="md">
      {stale && (
        <Button variant="default" onClick={() => navigate(0)}>
          {t("grantsWork.form.reload")}
        </Button>
      )}
      {!application && (
        <NativeSelect
          label={t("grantsWork.form.organization")}
          required
          value={org ?? ""}
          data={managed.map((o) => ({ value: o.organization.id, label: o.organization.shortName }))}
          onChange={(e) => set({ organizationId: e.currentTarget.value, projectId: "" })}
        />
      )}
      <TextInput
        label={t("grantsWork.form.title")}
        description={t("grantsWork.form.titleHint")}
        required
        maxLength={300}
        value={v.titleRu}
        onChange={(e) => set({ titleRu: e.currentTarget.value })}
        error={err("titleRu")}
      />
      <NativeSelect
        label={t("grantsWork.form.project")}
        description={t("grantsWork.form.projectHint")}
        value={v.projectId}
        data={[
          { value: "", label: t("grantsWork.form.noProject") },
          ...ownProjects.map((p) => ({ value: p.id, label: p.titleRu })),
        ]}
        onChange={(e) => set({ projectId: e.currentTarget.value })}
        error={err("projectId")}
      />
      <Title order={3} size="h4">
        {t("grantsWork.form.items")}
      </Title>
      {v.items.map((it, i) => (
        <Stack
          key={it.id ?? `new-${i}`}
          gap="xs"
          component="fieldset"
          style={{ border: "1px solid var(--mantine-color-gray-4)", borderRadius: 8, padding: 12 }}
        >
          <Group justify="space-between">
            <Text component="legend" fw={600}>
              {t("grantsWork.form.item", { n: i + 1 })}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red.9"
              aria-label={t("grantsWork.form.removeItem", { n: i + 1 })}
              onClick={() => set({ items: v.items.filter((_, j) => j !== i) })}
            >
              ×
            </ActionIcon>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t("grantsWork.form.category")}
              value={it.category}
              data={program.categories.map((c) => ({
                value: c.category,
                label: t(`grants.categories.${c.category}`),
              }))}
              onChange={(e) => setItem(i, { category: e.currentTarget.value as GrantCategory })}
              error={err(`items.${i}.category`)}
            />
            <TextInput
              label={t("grantsWork.form.what")}
              required
              value={it.descriptionRu}
              onChange={(e) => setItem(i, { descriptionRu: e.currentTarget.value })}
              error={err(`items.${i}.descriptionRu`)}
            />
            <TextInput
              label={t("grantsWork.form.supplier")}
              required
              value={it.supplierName}
              onChange={(e) => setItem(i, { supplierName: e.currentTarget.value })}
              error={err(`items.${i}.supplierName`)}
            />
            <TextInput
              label={t("grantsWork.form.inn")}
              required
              inputMode="numeric"
              maxLength={12}
              value={it.supplierInn}
              onChange={(e) => setItem(i, { supplierInn: e.currentTarget.value })}
              error={err(`items.${i}.supplierInn`)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t("grantsWork.form.paidOn")}
              required
              value={it.paidOn}
              onChange={(e) => setItem(i, { paidOn: e.currentTarget.value })}
              error={err(`items.${i}.paidOn`)}
            />
            <TextInput
              label={t("grantsWork.form.amount")}
              required
              inputMode="decimal"
              value={it.amount}
              onChange={(e) => setItem(i, { amount: e.currentTarget.value })}
              error={err(`items.${i}.amount`)}
            />
            <TextInput
              label={t("grantsWork.form.amountNoVat")}
              required
              inputMode="decimal"
              value={it.amountNoVat}
              onChange={(e) => setItem(i, { amountNoVat: e.currentTarget.value })}
              error={err(`items.${i}.amountNoVat`)}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t("grantsWork.form.itemCompensation", { amount: money(computed.items[i] ?? 0) })}
          </Text>
        </Stack>
      ))}
      <Group>
        <Button variant="default" onClick={() => set({ items: [...v.items, blankItem(first)] })}>
          {t("grantsWork.form.addItem")}
        </Button>
      </Group>
      <Alert color="indigo" role="status" aria-live="polite">
        <Text fw={600}>{t("grantsWork.form.requested", { amount: money(computed.total) })}</Text>
        {computed.uncapped > computed.total && (
          <Text size="sm">{t("grantsWork.form.capped", { max: money(program.maxPerApplicant) })}</Text>
        )}
      </Alert>
      <Title order={3} size="h4">
        {t("grantsWork.form.kpis")}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("grantsWork.kpi.year")}</Table.Th>
              <Table.Th>{t("grantsWork.kpi.revenue")}</Table.Th>
              <Table.Th>{t("grantsWork.kpi.jobs")}</Table.Th>
              <Table.Th>{t("grantsWork.kpi.output")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.kpis.map((k, i) => (
              <Table.Tr key={k.year}>
                <Table.Td>{k.year}</Table.Td>
                {(["revenue", "jobs", "output"] as const).map((f) => (
                  <Table.Td key={f}>
                    <TextInput
                      aria-label={`${t(`grantsWork.kpi.${f}`)}, ${k.year}`}
                      inputMode="numeric"
                      value={k[f]}
                      onChange={(e) => setKpi(i, { [f]: e.currentTarget.value })}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {err("kpis") && <Text c="red.8">{err("kpis")}</Text>}
      <Title order={3} size="h4">
        {t("grantsWork.form.declarations")}
      </Title>
      {GRANT_DECLARATIONS.map((d) => (
        <Checkbox
          key={d}
          label={t(`grantsWork.declarations.${d}`)}
          checked={v.declarations[d] === true}
          onChange={(e) => set({ declarations: { ...v.declarations, [d]: e.currentTarget.checked } })}
          error={err(`declarations.${d}`)}
        />
      ))}
      <Group>
        <Button type="submit" loading={save.isPending}>
          {application ? t("grantsWork.form.save") : t("grantsWork.form.create")}
        </Button>
      </Group>
      {!application && (
        <Text size="sm" c="dimmed">
          {t("grantsWork.form.documentsNext")}
        </Text>
      )}
    </MutationForm>
  );
}

/** A new application to a program (an organization the reader owns or administers). */
export function NewApplicationPage() {
  const { t } = useTranslation();
  return (
    <ProgramFormFrame title={t("grantsWork.form.newTitle")} subtitle>
      {(p) => <ApplicationForm program={p} />}
    </ProgramFormFrame>
  );
}
