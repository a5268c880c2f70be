import {
  Button,
  Card,
  Chip,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { VERDICTS, type Verdict } from "../../../shared/eligibility";
import { OKVED_SECTIONS } from "../../../shared/okved";
import { ORG_STATUS_LABELS, ORG_STATUSES, ORG_TYPE_LABELS, ORG_TYPES } from "../../../shared/organizations";
import { REGIONS } from "../../../shared/regions";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryList } from "../../components/QueryList";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { withNext } from "../../next";
import { useMe } from "../../session";
import { useLocale } from "./labels";
import { MeasureCardView } from "./MeasureCardView";
import { measureQueries } from "./queries";
import { CHECK_VIEW_KEY, forgetAnswers, hasAnswers, loadAnswers, saveAnswers } from "./questionnaire";
import type { Questionnaire } from "./types";

const PAGE_SIZE = 20;
const STATE_KEY = CHECK_VIEW_KEY;
/** Where "register an organization with these answers" leads; a guest signs in first and comes back. */
const NEW_ORG = "/organizations/new";
/** Where a guest who signs up from here comes back to: these results (the answers are kept). */
const CHECK_PATH = "/measures/check";

interface Form {
  type: string;
  region: string;
  ageYears: number | string;
  headcount: number | string;
  revenueMln: number | string;
  industry: string;
  status: string;
}

const toForm = (a: Questionnaire | null): Form => ({
  type: a?.type ?? "",
  region: a?.region ?? "",
  ageYears: a?.ageYears ?? "",
  headcount: a?.headcount ?? "",
  revenueMln: a?.revenueMln ?? "",
  industry: a?.industry ?? "",
  status: a?.status ?? "",
});

const num = (v: number | string): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

const toAnswers = (f: Form): Questionnaire => ({
  // The selects offer only the vocabularies' values.
  type: (f.type || null) as Questionnaire["type"],
  region: f.region || null,
  ageYears: num(f.ageYears),
  headcount: num(f.headcount),
  revenueMln: num(f.revenueMln),
  industry: f.industry || null,
  status: (f.status || null) as Questionnaire["status"],
});

interface View {
  submitted: boolean;
  page: number;
  verdicts: Verdict[];
}

function loadView(): View {
  try {
    const raw = sessionStorage.getItem(STATE_KEY);
    if (raw) return JSON.parse(raw) as View;
  } catch {
    // no storage: start over
  }
  return { submitted: false, page: 1, verdicts: [] };
}

export default function CheckPage() {
  const { t } = useTranslation();
  usePageTitle(t("measuresWork.check.title"));
  const locale = useLocale();
  const format = useFormat();
  const { user } = useMe();
  const [form, setForm] = useState<Form>(() => toForm(loadAnswers()));
  const [view, setViewState] = useState<View>(loadView);
  const resultsTitle = useRef<HTMLHeadingElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);

  const setView = (v: View) => {
    setViewState(v);
    try {
      sessionStorage.setItem(STATE_KEY, JSON.stringify(v));
    } catch {
      // ignore
    }
  };
  const answers = loadAnswers() ?? toAnswers(form);

  const result = useQuery({
    ...measureQueries.check({
      answers,
      page: view.page,
      pageSize: PAGE_SIZE,
      ...(view.verdicts.length > 0 ? { eligibility: view.verdicts } : {}),
    }),
    enabled: view.submitted,
    placeholderData: keepPreviousData,
  });

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  /** Forgets the saved answers (this browser) and starts over with an empty form. */
  const forget = () => {
    forgetAnswers();
    setForm(toForm(null));
    setView({ submitted: false, page: 1, verdicts: [] });
    requestAnimationFrame(() => firstField.current?.focus());
  };
  const forgetButton = (
    <Button type="button" variant="default" onClick={forget}>
      {t("measuresWork.check.forget")}
    </Button>
  );

  if (!view.submitted) {
    return (
      <Stack gap="lg" maw={720}>
        <PageHeader title={t("measuresWork.check.title")} subtitle={t("measuresWork.check.lead")} />
        <form
          aria-labelledby="check-form-title"
          onSubmit={(e) => {
            e.preventDefault();
            saveAnswers(toAnswers(form));
            setView({ submitted: true, page: 1, verdicts: [] });
            requestAnimationFrame(() => resultsTitle.current?.focus());
          }}
        >
          <Card withBorder padding="lg">
            <Stack gap="md">
              <Title order={2} size="h3" id="check-form-title">
                {t("measuresWork.check.formTitle")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("measuresWork.check.optional")}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  ref={firstField}
                  label={t("measuresWork.check.type")}
                  value={form.type}
                  onChange={(e) => set("type", e.currentTarget.value)}
                  data={[
                    { value: "", label: t("measuresWork.check.noAnswer") },
                    ...ORG_TYPES.map((v) => ({ value: v, label: ORG_TYPE_LABELS[v][locale] })),
                  ]}
                />
                <NativeSelect
                  label={t("measuresWork.check.region")}
                  value={form.region}
                  onChange={(e) => set("region", e.currentTarget.value)}
                  data={[
                    { value: "", label: t("measuresWork.check.noAnswer") },
                    ...REGIONS.map((r) => ({ value: r.code, label: r[locale] })),
                    { value: "foreign", label: t("measuresWork.check.foreign") },
                  ]}
                />
                <NumberInput
                  label={t("measuresWork.check.age")}
                  value={form.ageYears}
                  onChange={(v) => set("ageYears", v)}
                  min={0}
                  max={200}
                  allowDecimal={false}
                  allowNegative={false}
                />
                <NumberInput
                  label={t("measuresWork.check.headcount")}
                  value={form.headcount}
                  onChange={(v) => set("headcount", v)}
                  min={0}
                  max={10_000_000}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=" "
                />
                <NumberInput
                  label={t("measuresWork.check.revenue")}
                  value={form.revenueMln}
                  onChange={(v) => set("revenueMln", v)}
                  min={0}
                  max={100_000_000}
                  decimalScale={1}
                  allowNegative={false}
                  thousandSeparator=" "
                />
                <NativeSelect
                  label={t("measuresWork.check.industry")}
                  value={form.industry}
                  onChange={(e) => set("industry", e.currentTarget.value)}
                  data={[
                    { value: "", label: t("measuresWork.check.noAnswer") },
                    ...OKVED_SECTIONS.map((s) => ({ value: s.letter, label: `${s.letter}. ${s[locale]}` })),
                  ]}
                />
                <NativeSelect
                  label={t("measuresWork.check.status")}
                  value={form.status}
                  onChange={(e) => set("status", e.currentTarget.value)}
                  data={[
                    { value: "", label: t("measuresWork.check.noAnswer") },
                    ...ORG_STATUSES.map((s) => ({ value: s, label: ORG_STATUS_LABELS[s][locale] })),
                  ]}
                />
              </SimpleGrid>
              <Group gap="sm">
                <Button type="submit">{t("measuresWork.check.submit")}</Button>
                {forgetButton}
              </Group>
              <Text size="sm">{t("measuresWork.check.stored")}</Text>
            </Stack>
          </Card>
        </form>
      </Stack>
    );
  }

  const data = result.data;
  const count = (v: Verdict) => data?.verdicts.find((x) => x.value === v)?.count ?? 0;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1} ref={resultsTitle} tabIndex={-1}>
          {t("measuresWork.check.resultsTitle")}
        </Title>
        <Text>{t("measuresWork.check.resultsLead")}</Text>
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => {
              setView({ ...view, submitted: false });
              requestAnimationFrame(() => firstField.current?.focus());
            }}
          >
            {t("measuresWork.check.change")}
          </Button>
          {forgetButton}
        </Group>
        <Card withBorder padding="md" maw={760}>
          <Stack gap="xs">
            {hasAnswers(answers) ? (
              <>
                <Group gap="sm">
                  <Button component={Link} to={user ? NEW_ORG : withNext("/signin", NEW_ORG)} variant="light">
                    {t("measuresWork.check.registerWithAnswers")}
                  </Button>
                  {!user && (
                    <Button component={Link} to={withNext("/signup", CHECK_PATH)} variant="subtle">
                      {t("measuresWork.check.signUp")}
                    </Button>
                  )}
                </Group>
                <Text size="sm">
                  {user ? t("measuresWork.check.registerHint") : t("measuresWork.check.registerHintGuest")}
                </Text>
              </>
            ) : user ? (
              <Button component={Link} to={NEW_ORG} variant="subtle" style={{ alignSelf: "flex-start" }}>
                {t("measuresWork.check.registerOrg")}
              </Button>
            ) : (
              <Button
                component={Link}
                to={withNext("/signup", CHECK_PATH)}
                variant="subtle"
                style={{ alignSelf: "flex-start" }}
              >
                {t("measuresWork.check.signUp")}
              </Button>
            )}
          </Stack>
        </Card>
      </Stack>

      <Chip.Group
        multiple
        value={view.verdicts}
        onChange={(v) => setView({ ...view, page: 1, verdicts: v as Verdict[] })}
      >
        <Group gap="xs" role="group" aria-label={t("measuresWork.check.filterLabel")}>
          {VERDICTS.map((v) => (
            <Chip key={v} value={v} variant="outline">
              {t(`measures.verdict.${v}`)} ({format.number(count(v))})
            </Chip>
          ))}
        </Group>
      </Chip.Group>

      <Text fw={600} role="status" aria-live="polite">
        {data ? t("measures.navigator.found", { total: format.number(data.total) }) : "\u00a0"}
      </Text>
      <Stack gap="md" aria-busy={result.isFetching}>
        <QueryList
          query={result}
          items={data?.items}
          skeleton={120}
          empty={<EmptyState text={t("measuresWork.check.empty")} />}
        >
          {(items) => items.map((m) => <MeasureCardView key={m.id} measure={m} />)}
        </QueryList>
        {data && data.total > 0 && (
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onChange={(p) => {
              setView({ ...view, page: p });
              window.scrollTo(0, 0);
            }}
          />
        )}
      </Stack>
    </Stack>
  );
}
