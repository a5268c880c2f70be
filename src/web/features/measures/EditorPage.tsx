import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Code,
  Fieldset,
  Group,
  List,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ELIGIBILITY_FLAG_LABELS, ELIGIBILITY_FLAGS, REQUIRED_STATUSES } from "../../../shared/eligibility";
import { OKVED_SECTIONS } from "../../../shared/okved";
import {
  ORG_STATUS_LABELS,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  SME_CATEGORIES,
  SME_CATEGORY_LABELS,
} from "../../../shared/organizations";
import { REGIONS } from "../../../shared/regions";
import { TAGS } from "../../../shared/tags";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import type { BodyOf } from "../../api/types";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { titleOf, useLocale } from "./labels";
import { StatusBadge } from "./OperatorListPage";
import { measureKeys, measureQueries } from "./queries";
import { type Criteria, MEASURE_FORMS, MEASURE_LEVELS, type MeasureAdmin, PROVIDER_KINDS } from "./types";

type Num = number | string;
interface RangeValues {
  min: Num;
  max: Num;
}
interface Values {
  titleRu: string;
  titleEn: string;
  descriptionRu: string;
  descriptionEn: string;
  provider: string;
  providerKind: string;
  level: string;
  form: string;
  amountMin: Num;
  amountMax: Num;
  cofinancingShare: Num;
  permanent: boolean;
  opensOn: string;
  closesOn: string;
  requiredDocuments: string;
  applyUrl: string;
  contacts: string;
  industries: string[];
  tags: string[];
  isDemo: boolean;
  criteria: {
    orgTypes: string[];
    regions: string[];
    smeCategories: string[];
    ageYears: RangeValues;
    headcount: RangeValues;
    revenueMln: RangeValues;
    requiredStatus: string[];
    okvedSections: string[];
    tags: string[];
    flags: string[];
  };
}

const s = (v: number | null | undefined): Num => (v == null ? "" : v);
const n = (v: Num): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const range = (r?: { min?: number | null; max?: number | null }): RangeValues => ({
  min: s(r?.min),
  max: s(r?.max),
});

function toValues(m?: MeasureAdmin): Values {
  const c: Criteria = m?.criteria ?? {};
  return {
    titleRu: m?.titleRu ?? "",
    titleEn: m?.titleEn ?? "",
    descriptionRu: m?.descriptionRu ?? "",
    descriptionEn: m?.descriptionEn ?? "",
    provider: m?.provider ?? "",
    providerKind: m?.providerKind ?? "other",
    level: m?.level ?? "city",
    form: m?.form ?? "grant",
    amountMin: s(m?.amountMin),
    amountMax: s(m?.amountMax),
    cofinancingShare: s(m?.cofinancingShare),
    permanent: m?.permanent ?? false,
    opensOn: m?.opensOn ?? "",
    closesOn: m?.closesOn ?? "",
    requiredDocuments: (m?.requiredDocuments ?? []).join("\n"),
    applyUrl: m?.applyUrl ?? "",
    contacts: m?.contacts ?? "",
    industries: m?.industries ?? [],
    tags: m?.tags ?? [],
    isDemo: m?.isDemo ?? false,
    criteria: {
      orgTypes: c.orgTypes ?? [],
      regions: c.regions ?? [],
      smeCategories: c.smeCategories ?? [],
      ageYears: range(c.ageYears),
      headcount: range(c.headcount),
      revenueMln: range(c.revenueMln),
      requiredStatus: c.requiredStatus ?? [],
      okvedSections: c.okvedSections ?? [],
      tags: c.tags ?? [],
      flags: c.flags ?? [],
    },
  };
}

function rangeBody(r: RangeValues) {
  const min = n(r.min);
  const max = n(r.max);
  return min == null && max == null ? undefined : { min, max };
}

type MeasureInput = BodyOf<"/api/operator/measures", "post">;

function toBody(v: Values): MeasureInput {
  const c = v.criteria;
  const criteria: Record<string, unknown> = {};
  for (const key of [
    "orgTypes",
    "regions",
    "smeCategories",
    "requiredStatus",
    "okvedSections",
    "tags",
    "flags",
  ] as const)
    if (c[key].length > 0) criteria[key] = c[key];
  for (const key of ["ageYears", "headcount", "revenueMln"] as const) {
    const r = rangeBody(c[key]);
    if (r) criteria[key] = r;
  }
  return {
    titleRu: v.titleRu.trim(),
    titleEn: v.titleEn.trim() || null,
    descriptionRu: v.descriptionRu,
    descriptionEn: v.descriptionEn.trim() || null,
    provider: v.provider.trim(),
    providerKind: v.providerKind as MeasureInput["providerKind"],
    level: v.level as MeasureInput["level"],
    form: v.form as MeasureInput["form"],
    amountMin: n(v.amountMin),
    amountMax: n(v.amountMax),
    cofinancingShare: n(v.cofinancingShare),
    permanent: v.permanent,
    opensOn: v.permanent ? null : v.opensOn || null,
    closesOn: v.permanent ? null : v.closesOn || null,
    requiredDocuments: v.requiredDocuments
      .split("\n")
      .map((d) => d.trim())
      .filter(Boolean),
    applyUrl: v.applyUrl.trim() || null,
    contacts: v.contacts.trim() || null,
    industries: v.industries,
    tags: v.tags as MeasureInput["tags"],
    isDemo: v.isDemo,
    criteria,
  };
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  return JSON.stringify(value);
}

function History({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(measureQueries.versions(id, version));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="measure-history">
      <Title order={2} size="h3" id="measure-history" mb="sm">
        {t("measures.editor.history")}
      </Title>
      {query.isError && <ProblemAlert error={query.error} />}
      {query.isPending && <Skeleton height={80} aria-hidden="true" />}
      {query.data && query.data.items.length === 0 && <Text>{t("measures.editor.noHistory")}</Text>}
      {query.data && query.data.items.length > 0 && (
        <List spacing="md" listStyleType="none" p={0}>
          {query.data.items.map((v) => (
            <List.Item key={`${v.version}-${v.at}-${v.action}`}>
              <Text size="sm" fw={600}>
                {t("measures.editor.versionLine", {
                  version: v.version,
                  action: t(`measures.editor.actions.${v.action}`, { defaultValue: v.action }),
                  who: v.actor?.fullName ?? t("measures.editor.system"),
                  when: format.dateTime(v.at),
                })}
              </Text>
              {Object.keys(v.changes).length > 0 && (
                <List size="sm" spacing={2} withPadding>
                  {Object.entries(v.changes).map(([field, ch]) => (
                    <List.Item key={field} style={{ overflowWrap: "anywhere" }}>
                      <Code>{field}</Code>: {show(ch.before)} → {show(ch.after)}
                    </List.Item>
                  ))}
                </List>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function RangeInputs({
  form,
  name,
  label,
  decimal,
}: {
  form: UseFormReturnType<Values>;
  name: "ageYears" | "headcount" | "revenueMln";
  label: string;
  decimal?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={label} variant="unstyled" styles={{ legend: { fontWeight: 600 } }}>
      <Group grow gap="xs">
        <NumberInput
          label={t("measures.editor.min")}
          min={0}
          allowNegative={false}
          allowDecimal={Boolean(decimal)}
          {...form.getInputProps(`criteria.${name}.min`)}
        />
        <NumberInput
          label={t("measures.editor.max")}
          min={0}
          allowNegative={false}
          allowDecimal={Boolean(decimal)}
          {...form.getInputProps(`criteria.${name}.max`)}
        />
      </Group>
    </Fieldset>
  );
}

export default function EditorPage() {
  const { id = "" } = useParams();
  const isNew = !id;
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [conflict, setConflict] = useState<{ version: number | null } | null>(null);

  const query = useQuery({ ...measureQueries.admin(id), enabled: !isNew });
  const measure = query.data;
  usePageTitle(
    isNew ? t("measures.editor.newTitle") : measure ? titleOf(measure, locale) : t("measures.page.loading"),
  );

  const form = useForm<Values>({
    initialValues: toValues(),
    validate: {
      titleRu: (v) => (v.trim().length < 3 ? t("measures.editor.errors.title") : null),
      provider: (v) => (v.trim().length < 2 ? t("measures.editor.errors.provider") : null),
      applyUrl: (v) =>
        v.trim() && !/^https?:\/\/\S+$/.test(v.trim()) ? t("measures.editor.errors.url") : null,
      amountMax: (v, all) =>
        n(v) != null && n(all.amountMin) != null && (n(v) as number) < (n(all.amountMin) as number)
          ? t("measures.editor.errors.range")
          : null,
      closesOn: (v, all) =>
        !all.permanent && v && all.opensOn && v < all.opensOn ? t("measures.editor.errors.dates") : null,
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when another version loads
  useEffect(() => {
    if (measure) {
      form.setValues(toValues(measure));
      form.resetDirty(toValues(measure));
    }
  }, [measure?.id, measure?.version]);

  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      setConflict({ version: (error.body.current as MeasureAdmin | undefined)?.version ?? null });
      return;
    }
    setProblem(applyServerErrors(form, error, { namedDetails: true }));
  };

  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        isNew
          ? client.POST("/api/operator/measures", { body: toBody(values) })
          : client.PATCH("/api/operator/measures/{id}", {
              params: { path: { id } },
              body: { ...toBody(values), version: measure?.version ?? 0 },
            }),
      ),
    onSuccess: (m) => {
      setProblem(null);
      notifications.show({
        closeButtonProps: { "aria-label": t("common.close") },
        color: "green",
        message: t("measures.editor.saved"),
      });
      queryClient.setQueryData(measureKeys.admin(m.id), m);
      void queryClient.invalidateQueries({ queryKey: measureKeys.all });
      if (isNew) navigate(`/operator/measures/${m.id}`, { replace: true });
    },
    onError,
  });

  const setStatus = useMutation({
    mutationFn: (action: "publish" | "archive") =>
      unwrap(
        client.POST(
          action === "publish"
            ? "/api/operator/measures/{id}/publish"
            : "/api/operator/measures/{id}/archive",
          { params: { path: { id } }, body: { version: measure?.version ?? 0 } },
        ),
      ),
    onSuccess: (m, action) => {
      setProblem(null);
      notifications.show({
        closeButtonProps: { "aria-label": t("common.close") },
        color: "green",
        message: t(`measures.editor.done.${action}`),
      });
      queryClient.setQueryData(measureKeys.admin(m.id), m);
      void queryClient.invalidateQueries({ queryKey: measureKeys.all });
    },
    onError,
  });

  const reload = async () => {
    setConflict(null);
    setProblem(null);
    await query.refetch();
  };

  if (!isNew && query.isPending) return <Skeleton height={400} aria-busy="true" />;
  if (!isNew && (query.isError || !measure))
    return (
      <Stack gap="md">
        <Title order={1}>{t("measures.page.notFound")}</Title>
        <ProblemAlert error={query.error} />
        <Anchor component={Link} to="/operator/measures">
          {t("measures.editor.back")}
        </Anchor>
      </Stack>
    );

  const regionOptions = [
    ...REGIONS.map((r) => ({ value: r.code, label: `${r.code} ${r[locale]}` })),
    { value: "foreign", label: t("measures.check.foreign") },
  ];
  const okvedOptions = OKVED_SECTIONS.map((o) => ({ value: o.letter, label: `${o.letter}. ${o[locale]}` }));
  const tagOptions = TAGS.map((tag) => ({ value: tag.slug, label: tag[locale] }));
  const permanent = form.getValues().permanent;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/operator/measures" size="sm">
        {t("measures.editor.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} style={{ overflowWrap: "anywhere" }}>
            {isNew ? t("measures.editor.newTitle") : titleOf(measure as MeasureAdmin, locale)}
          </Title>
          {measure && (
            <Group gap="xs">
              <StatusBadge status={measure.status} />
              <Text size="sm" c="dimmed">
                {t("measures.editor.meta", {
                  version: measure.version,
                  views: measure.views,
                  clicks: measure.applyClicks,
                })}
              </Text>
            </Group>
          )}
        </Stack>
        {measure && (
          <Group gap="xs">
            {measure.status === "published" && (
              <Button component={Link} to={`/measures/${measure.id}`} variant="subtle">
                {t("measures.editor.view")}
              </Button>
            )}
            {measure.status !== "published" && (
              <Button
                loading={setStatus.isPending && setStatus.variables === "publish"}
                disabled={form.isDirty()}
                onClick={() => setStatus.mutate("publish")}
              >
                {t("measures.editor.publish")}
              </Button>
            )}
            {measure.status !== "archived" && (
              <Button
                variant="default"
                loading={setStatus.isPending && setStatus.variables === "archive"}
                disabled={form.isDirty()}
                onClick={() => setStatus.mutate("archive")}
              >
                {t("measures.editor.archive")}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {measure && form.isDirty() && (
        <Text size="sm" c="dimmed">
          {t("measures.editor.saveFirst")}
        </Text>
      )}

      {conflict !== null ? (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title={t("measures.editor.conflictTitle")}
          styles={{ title: { color: "var(--mantine-color-text)" } }}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t("measures.editor.conflictText", { version: conflict.version ?? "?" })}</Text>
            <Button size="xs" variant="default" onClick={() => void reload()}>
              {t("measures.editor.reload")}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />

      <form
        onSubmit={form.onSubmit((values) => {
          setProblem(null);
          save.mutate(values);
        }, focusFirstInvalid)}
        aria-label={t("measures.editor.formLabel")}
        noValidate
      >
        <Stack gap="lg">
          <Card withBorder padding="lg">
            <Fieldset
              legend={t("measures.editor.sections.main")}
              variant="unstyled"
              styles={{ legend: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
            >
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <TextInput
                    label={t("measures.editor.titleRu")}
                    required
                    maxLength={300}
                    {...form.getInputProps("titleRu")}
                  />
                  <TextInput
                    label={t("measures.editor.titleEn")}
                    maxLength={300}
                    {...form.getInputProps("titleEn")}
                  />
                </SimpleGrid>
                <Textarea
                  label={t("measures.editor.descriptionRu")}
                  autosize
                  minRows={4}
                  maxRows={16}
                  {...form.getInputProps("descriptionRu")}
                />
                <Textarea
                  label={t("measures.editor.descriptionEn")}
                  autosize
                  minRows={3}
                  maxRows={16}
                  {...form.getInputProps("descriptionEn")}
                />
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <TextInput
                    label={t("measures.editor.provider")}
                    required
                    maxLength={300}
                    {...form.getInputProps("provider")}
                  />
                  <NativeSelect
                    label={t("measures.editor.providerKind")}
                    data={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`measures.providerKind.${k}`) }))}
                    {...form.getInputProps("providerKind")}
                  />
                  <NativeSelect
                    label={t("measures.editor.level")}
                    data={MEASURE_LEVELS.map((k) => ({ value: k, label: t(`measures.level.${k}`) }))}
                    {...form.getInputProps("level")}
                  />
                  <NativeSelect
                    label={t("measures.editor.form")}
                    data={MEASURE_FORMS.map((k) => ({ value: k, label: t(`measures.form.${k}`) }))}
                    {...form.getInputProps("form")}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  <NumberInput
                    label={t("measures.editor.amountMin")}
                    min={0}
                    allowNegative={false}
                    allowDecimal={false}
                    thousandSeparator=" "
                    {...form.getInputProps("amountMin")}
                  />
                  <NumberInput
                    label={t("measures.editor.amountMax")}
                    min={0}
                    allowNegative={false}
                    allowDecimal={false}
                    thousandSeparator=" "
                    {...form.getInputProps("amountMax")}
                  />
                  <NumberInput
                    label={t("measures.editor.cofinancing")}
                    min={0}
                    max={100}
                    allowNegative={false}
                    {...form.getInputProps("cofinancingShare")}
                  />
                </SimpleGrid>
                <Switch
                  label={t("measures.editor.permanent")}
                  {...form.getInputProps("permanent", { type: "checkbox" })}
                />
                {!permanent && (
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    <TextInput
                      type="date"
                      label={t("measures.editor.opensOn")}
                      {...form.getInputProps("opensOn")}
                    />
                    <TextInput
                      type="date"
                      label={t("measures.editor.closesOn")}
                      {...form.getInputProps("closesOn")}
                    />
                  </SimpleGrid>
                )}
                <Textarea
                  label={t("measures.editor.documents")}
                  description={t("measures.editor.documentsHint")}
                  autosize
                  minRows={3}
                  {...form.getInputProps("requiredDocuments")}
                />
                <TextInput
                  label={t("measures.editor.applyUrl")}
                  type="url"
                  maxLength={500}
                  {...form.getInputProps("applyUrl")}
                />
                <Textarea
                  label={t("measures.editor.contacts")}
                  autosize
                  minRows={2}
                  {...form.getInputProps("contacts")}
                />
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <MultiSelect
                    label={t("measures.editor.industries")}
                    data={okvedOptions}
                    searchable
                    clearable
                    {...form.getInputProps("industries")}
                  />
                  <MultiSelect
                    label={t("measures.editor.tags")}
                    data={tagOptions}
                    searchable
                    clearable
                    {...form.getInputProps("tags")}
                  />
                </SimpleGrid>
                <Checkbox
                  label={t("measures.editor.isDemo")}
                  {...form.getInputProps("isDemo", { type: "checkbox" })}
                />
              </Stack>
            </Fieldset>
          </Card>

          <Card withBorder padding="lg">
            <Fieldset
              legend={t("measures.editor.sections.criteria")}
              variant="unstyled"
              styles={{ legend: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
            >
              <Stack gap="md">
                <Text size="sm" c="dimmed">
                  {t("measures.editor.criteriaHint")}
                </Text>
                <Checkbox.Group
                  label={t("measures.editor.orgTypes")}
                  {...form.getInputProps("criteria.orgTypes")}
                >
                  <Group gap="md" mt={6}>
                    {ORG_TYPES.map((v) => (
                      <Checkbox key={v} value={v} label={ORG_TYPE_LABELS[v][locale]} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <MultiSelect
                  label={t("measures.editor.regions")}
                  data={regionOptions}
                  searchable
                  clearable
                  {...form.getInputProps("criteria.regions")}
                />
                <Checkbox.Group
                  label={t("measures.editor.sme")}
                  {...form.getInputProps("criteria.smeCategories")}
                >
                  <Group gap="md" mt={6}>
                    {SME_CATEGORIES.map((v) => (
                      <Checkbox key={v} value={v} label={SME_CATEGORY_LABELS[v][locale]} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  <RangeInputs form={form} name="ageYears" label={t("measures.editor.age")} decimal />
                  <RangeInputs form={form} name="headcount" label={t("measures.editor.headcount")} />
                  <RangeInputs form={form} name="revenueMln" label={t("measures.editor.revenue")} decimal />
                </SimpleGrid>
                <Checkbox.Group
                  label={t("measures.editor.requiredStatus")}
                  {...form.getInputProps("criteria.requiredStatus")}
                >
                  <Group gap="md" mt={6}>
                    {REQUIRED_STATUSES.map((v) => (
                      <Checkbox key={v} value={v} label={ORG_STATUS_LABELS[v][locale]} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <MultiSelect
                  label={t("measures.editor.okved")}
                  data={okvedOptions}
                  searchable
                  clearable
                  {...form.getInputProps("criteria.okvedSections")}
                />
                <MultiSelect
                  label={t("measures.editor.criteriaTags")}
                  data={tagOptions}
                  searchable
                  clearable
                  {...form.getInputProps("criteria.tags")}
                />
                <Checkbox.Group label={t("measures.editor.flags")} {...form.getInputProps("criteria.flags")}>
                  <Stack gap={6} mt={6}>
                    {ELIGIBILITY_FLAGS.map((v) => (
                      <Checkbox key={v} value={v} label={ELIGIBILITY_FLAG_LABELS[v][locale]} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              </Stack>
            </Fieldset>
          </Card>

          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {isNew ? t("measures.editor.create") : t("measures.editor.save")}
            </Button>
            <Button component={Link} to="/operator/measures" variant="default">
              {t("common.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>

      {measure && <History id={measure.id} version={measure.version} />}
    </Stack>
  );
}
