import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Checkbox,
  Drawer,
  Fieldset,
  Grid,
  Group,
  NativeSelect,
  Radio,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { useMeasureText } from "./labels";
import { MeasureCardView } from "./MeasureCardView";
import { measureQueries } from "./queries";
import {
  activeFilterCount,
  apiQuery,
  EMPTY_FILTERS,
  type ListFacet,
  type NavigatorState,
  navigatorParams,
  parseNavigatorParams,
} from "./searchParams";
import { SaveSearchButton } from "./subscriptions";
import { AMOUNT_BUCKETS, type FacetValue, SORTS } from "./types";

const PAGE_SIZE = 20;
const TOP = 8;

function FacetGroup({
  facet,
  values,
  selected,
  onToggle,
}: {
  facet: ListFacet;
  values: FacetValue[];
  selected: string[];
  onToggle: (facet: ListFacet, value: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const text = useMeasureText();
  const format = useFormat();
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const rows = [...values];
  for (const s of selected) if (!rows.some((r) => r.value === s)) rows.push({ value: s, count: 0 });
  if (rows.length === 0) return null;
  const long = rows.length > TOP;
  const shown = expanded || !long ? rows : rows.filter((r, i) => i < TOP || selected.includes(r.value));
  return (
    <Fieldset
      variant="unstyled"
      legend={t(`measures.facets.${facet}`)}
      styles={{ legend: { fontWeight: 600 } }}
    >
      <Stack gap={8} mt={6} id={`${id}-list`}>
        {shown.map((row, i) => (
          <Group key={row.value} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Checkbox
              label={text.facetLabel(facet, row.value)}
              checked={selected.includes(row.value)}
              onChange={(e) => onToggle(facet, row.value, e.currentTarget.checked)}
              // by position: values (provider names) have spaces, which an id list cannot hold
              aria-describedby={`${id}-count-${i}`}
              styles={{ label: { wordBreak: "break-word" } }}
            />
            <Text id={`${id}-count-${i}`} size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              <span className="sr-only">{t("measures.facets.countPrefix")}</span>
              {format.number(row.count)}
            </Text>
          </Group>
        ))}
      </Stack>
      {long && (
        <Button
          variant="subtle"
          size="compact-sm"
          mt={6}
          px={4}
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? t("measures.facets.showLess") : t("measures.facets.showAll", { n: rows.length })}
        </Button>
      )}
    </Fieldset>
  );
}

export default function NavigatorPage() {
  const { t } = useTranslation();
  usePageTitle(t("measures.navigator.title"));
  const format = useFormat();
  const text = useMeasureText();
  const { user } = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const state = useMemo(() => parseNavigatorParams(params), [params]);
  const [filtersOpened, filtersDrawer] = useDisclosure(false);

  const [search, setSearch] = useState(state.q);
  const [debounced] = useDebouncedValue(search, 300);
  const ownQ = useRef(state.q);

  // The router applies a navigation as a transition; the controls show a click at once from this copy.
  const [view, setView] = useState(state);
  useEffect(() => setView(state), [state]);

  function go(next: Partial<NavigatorState>, replace = false) {
    const merged: NavigatorState = { ...view, q: state.q, page: 1, ...next };
    setView(merged);
    const sp = navigatorParams(merged).toString();
    navigate({ search: sp ? `?${sp}` : "" }, { replace });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: react only to the debounced text
  useEffect(() => {
    const q = debounced.trim();
    if (q === state.q) return;
    ownQ.current = q;
    go({ q }, true);
  }, [debounced]);

  useEffect(() => {
    if (state.q !== ownQ.current) {
      ownQ.current = state.q;
      setSearch(state.q);
    }
  }, [state.q]);

  const result = useQuery({
    ...measureQueries.search(user?.id ?? null, apiQuery(state, PAGE_SIZE)),
    placeholderData: keepPreviousData,
  });
  const data = result.data;
  const member = Boolean(data?.organization);

  const onToggle = (facet: ListFacet, value: string, checked: boolean) => {
    const current = view.filters[facet];
    const values = checked ? [...current, value] : current.filter((v) => v !== value);
    go({ filters: { ...view.filters, [facet]: values } });
  };
  const filterCount = activeFilterCount(view);
  const resetFilters = () => go({ filters: EMPTY_FILTERS, openNow: false, amount: null });
  const onlyEligible = view.filters.eligibility.length === 1 && view.filters.eligibility[0] === "eligible";

  const openCount = data?.facets.openNow?.find((f) => f.value === "true")?.count ?? 0;
  const facets = !data ? (
    result.isPending ? (
      <Stack gap="md" aria-hidden="true">
        <Skeleton height={120} />
        <Skeleton height={90} />
      </Stack>
    ) : null
  ) : (
    <Stack gap="lg">
      {member && (
        <FacetGroup
          facet="eligibility"
          values={data.facets.eligibility ?? []}
          selected={view.filters.eligibility}
          onToggle={onToggle}
        />
      )}
      <Checkbox
        label={`${t("measures.facets.openNowYes")} (${format.number(openCount)})`}
        checked={view.openNow}
        onChange={(e) => go({ openNow: e.currentTarget.checked })}
      />
      <FacetGroup
        facet="level"
        values={data.facets.level ?? []}
        selected={view.filters.level}
        onToggle={onToggle}
      />
      <FacetGroup
        facet="form"
        values={data.facets.form ?? []}
        selected={view.filters.form}
        onToggle={onToggle}
      />
      <Radio.Group
        label={t("measures.facets.amount")}
        value={view.amount ?? ""}
        onChange={(v) => go({ amount: v || null })}
        styles={{ label: { fontWeight: 600 } }}
      >
        <Stack gap={8} mt={6}>
          <Radio value="" label={t("measures.amountBucket.any")} />
          {AMOUNT_BUCKETS.map((b) => {
            const count = data.facets.amount?.find((f) => f.value === b.key)?.count ?? 0;
            return (
              <Radio
                key={b.key}
                value={b.key}
                label={`${text.facetLabel("amount", b.key)} (${format.number(count)})`}
              />
            );
          })}
        </Stack>
      </Radio.Group>
      <FacetGroup
        facet="provider"
        values={data.facets.provider ?? []}
        selected={view.filters.provider}
        onToggle={onToggle}
      />
      <FacetGroup
        facet="industry"
        values={data.facets.industry ?? []}
        selected={view.filters.industry}
        onToggle={onToggle}
      />
      <FacetGroup
        facet="tag"
        values={data.facets.tag ?? []}
        selected={view.filters.tag}
        onToggle={onToggle}
      />
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t("measures.navigator.title")}</Title>
        <Text>{t("measures.navigator.lead")}</Text>
      </Stack>

      {!user && (
        <Alert color="indigo" variant="light" title={t("measures.navigator.guestTitle")}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t("measures.navigator.guestText")}</Text>
            <Button component={Link} to="/measures/check">
              {t("measures.navigator.checkLink")}
            </Button>
          </Stack>
        </Alert>
      )}
      {user && data && !data.organization && (
        <Alert color="gray" variant="light">
          <Text size="sm">
            {t("measures.navigator.noOrg")}{" "}
            <Anchor component={Link} to="/organizations">
              {t("measures.navigator.noOrgLink")}
            </Anchor>
          </Text>
        </Alert>
      )}

      <search aria-label={t("measures.navigator.searchForm")}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const q = search.trim();
            if (q !== state.q) {
              ownQ.current = q;
              go({ q });
            }
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t("measures.navigator.search")}
              description={t("measures.navigator.searchHint")}
              type="search"
              value={search}
              maxLength={200}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: "1 1 18rem" }}
            />
            <NativeSelect
              label={t("measures.sort.label")}
              value={view.sort}
              onChange={(e) => {
                const v = SORTS.find((s) => s === e.currentTarget.value);
                if (v) go({ sort: v });
              }}
              data={SORTS.map((s) => ({ value: s, label: t(`measures.sort.${s}`) }))}
              style={{ flex: "0 1 13rem" }}
            />
          </Group>
        </form>
      </search>

      {member && data?.organization && (
        <Switch
          checked={onlyEligible}
          onChange={(e) =>
            go({ filters: { ...view.filters, eligibility: e.currentTarget.checked ? ["eligible"] : [] } })
          }
          label={t("measures.navigator.onlyEligible")}
          description={t("measures.navigator.forOrg", { name: data.organization.shortName })}
        />
      )}

      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text fw={600} role="status" aria-live="polite" aria-atomic="true">
          {data ? t("measures.navigator.found", { total: format.number(data.total) }) : "\u00a0"}
        </Text>
        <Group gap="xs">
          {user && (
            <Button component={Link} to="/measures/saved" variant="subtle" size="compact-md">
              {t("measures.saved.title")}
            </Button>
          )}
          {user && <SaveSearchButton state={view} />}
          {filterCount > 0 && (
            <Button variant="subtle" size="compact-sm" onClick={resetFilters}>
              {t("common.resetFilters")}
            </Button>
          )}
          <Button variant="default" hiddenFrom="md" onClick={filtersDrawer.open} aria-haspopup="dialog">
            {filterCount > 0
              ? t("measures.navigator.filtersWithCount", { n: filterCount })
              : t("measures.navigator.filters")}
          </Button>
        </Group>
      </Group>

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }} visibleFrom="md">
          <Box component="aside" aria-labelledby="measures-filters-title">
            <Title order={2} size="h4" id="measures-filters-title" mb="sm">
              {t("measures.navigator.filters")}
            </Title>
            {facets}
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack gap="md" aria-busy={result.isFetching}>
            {result.isError && <ProblemAlert error={result.error} />}
            {result.isPending && (
              <Stack gap="md" aria-hidden="true">
                <Skeleton height={120} />
                <Skeleton height={120} />
              </Stack>
            )}
            {data && data.items.length === 0 && (
              <Card withBorder padding="lg">
                <Stack gap="sm" align="flex-start">
                  <Title order={2} size="h3">
                    {t("measures.navigator.emptyTitle")}
                  </Title>
                  <Text>{t("measures.navigator.emptyText")}</Text>
                  {(filterCount > 0 || state.q) && (
                    <Button variant="default" onClick={() => navigate({ search: "" })}>
                      {t("measures.navigator.resetAll")}
                    </Button>
                  )}
                </Stack>
              </Card>
            )}
            {data && data.items.length > 0 && (
              <>
                {data.items.map((m) => (
                  <MeasureCardView key={m.id} measure={m} />
                ))}
                <Pager
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onChange={(p) => {
                    go({ page: p });
                    window.scrollTo(0, 0);
                  }}
                />
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      <Drawer
        opened={filtersOpened}
        onClose={filtersDrawer.close}
        title={t("measures.navigator.filters")}
        position="bottom"
        size="85%"
        hiddenFrom="md"
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <Stack gap="lg">
          {facets}
          <Button onClick={filtersDrawer.close} fullWidth>
            {data
              ? t("measures.navigator.showResults", { total: format.number(data.total) })
              : t("common.close")}
          </Button>
        </Stack>
      </Drawer>
    </Stack>
  );
}
