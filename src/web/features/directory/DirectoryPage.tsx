import {
  Anchor,
  Avatar,
  Badge,
  Box,
  Button,
  Card,
  CloseButton,
  Drawer,
  Grid,
  Group,
  NativeSelect,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ORG_TYPE_LABELS, SME_CATEGORY_LABELS } from "../../../shared/organizations";
import { tagLabel } from "../../../shared/tags";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { UnverifiedBadge } from "../verification/UnverifiedBadge";
import { Facets } from "./Facets";
import { descriptionOf, facetLabel, orgInitials, placeOf, StatusBadges, useLocale } from "./labels";
import { directoryQueries } from "./queries";
import {
  activeFilterCount,
  type DirectoryState,
  directorySearch,
  EMPTY_FILTERS,
  parseDirectoryParams,
} from "./searchParams";
import { FACETS, type FacetName, type OrganizationPublic, SORTS } from "./types";

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;
const TAGS_ON_CARD = 4;

function ResultCard({ org }: { org: OrganizationPublic }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const place = placeOf(org, locale);
  const description = descriptionOf(org, locale).trim();
  const extraTags = org.tags.length - TAGS_ON_CARD;
  return (
    <Card withBorder padding="md" component="article">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Avatar src={org.logoUrl} alt="" radius="md" size={56} color="indigo" variant="light">
          <span aria-hidden="true">{orgInitials(org.shortName)}</span>
        </Avatar>
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Title order={2} size="h4" style={{ overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={`/directory/${org.id}`} underline="hover" c="indigo.9">
              {org.shortName}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {[ORG_TYPE_LABELS[org.type]?.[locale] ?? org.type, place].filter(Boolean).join(" · ")}
          </Text>
          <Group gap={6} wrap="wrap">
            <StatusBadges status={org.status} suspended={org.statusSuspended} />
            <UnverifiedBadge verified={org.verified} />
            {org.smeCategory && (
              <Badge color="gray" variant="outline">
                {SME_CATEGORY_LABELS[org.smeCategory][locale]}
              </Badge>
            )}
          </Group>
          {description && (
            <Text size="sm" lineClamp={2}>
              {description}
            </Text>
          )}
          {org.tags.length > 0 && (
            <Group gap={4} wrap="wrap">
              <span className="sr-only">{t("directory.card.tags")}</span>
              {org.tags.slice(0, TAGS_ON_CARD).map((tag) => (
                <Badge key={tag} color="dark" variant="light" tt="none" fw={500}>
                  {tagLabel(tag, locale)}
                </Badge>
              ))}
              {extraTags > 0 && (
                <Text size="xs" c="dimmed">
                  {t("directory.card.moreTags", { n: extraTags })}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

export default function DirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t("directory.title"));
  const locale = useLocale();
  const format = useFormat();
  const { user } = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const state = useMemo(() => parseDirectoryParams(params), [params]);
  const [filtersOpened, filtersDrawer] = useDisclosure(false);

  const [search, setSearch] = useState(state.q);
  const [debouncedSearch] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  /** The q this page put into the URL itself; any other change of q came from back/forward or a link. */
  const ownQ = useRef(state.q);
  /** Consecutive edits of the search text replace one history entry instead of adding one each. */
  const typing = useRef(false);

  function go(next: Partial<DirectoryState>, opts: { replace?: boolean } = {}) {
    const merged: DirectoryState = { ...state, page: 1, ...next };
    navigate({ search: directorySearch(merged) }, { replace: opts.replace ?? false });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: react only to the debounced text
  useEffect(() => {
    const q = debouncedSearch.trim();
    if (q === state.q) return;
    ownQ.current = q;
    go({ q }, { replace: typing.current });
    typing.current = true;
  }, [debouncedSearch]);

  // q changed by the browser's history or a link: show it in the field
  useEffect(() => {
    if (state.q !== ownQ.current) {
      ownQ.current = state.q;
      typing.current = false;
      setSearch(state.q);
    }
  }, [state.q]);

  const result = useQuery({
    ...directoryQueries.search({
      q: state.q || undefined,
      ...state.filters,
      sort: state.sort,
      page: state.page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const data = result.data;

  // The router applies a navigation as a transition; the boxes show a click at once from this copy.
  const [selected, setSelected] = useState(state.filters);
  useEffect(() => setSelected(state.filters), [state]);

  const filterCount = activeFilterCount(state);
  const onToggle = (facet: FacetName, value: string, checked: boolean) => {
    typing.current = false;
    const current = selected[facet];
    const nextValues = checked ? [...current, value] : current.filter((v) => v !== value);
    const filters = { ...selected, [facet]: nextValues };
    setSelected(filters);
    go({ filters });
  };
  const resetFilters = () => {
    typing.current = false;
    setSelected(EMPTY_FILTERS);
    go({ filters: EMPTY_FILTERS });
  };
  const resetAll = () => {
    typing.current = false;
    ownQ.current = "";
    setSearch("");
    navigate({ search: "" });
  };

  const facets = (
    <Facets
      facets={data?.facets}
      approximate={data?.approximate?.facets}
      selected={selected}
      loading={result.isPending}
      onToggle={onToggle}
    />
  );

  const chosen = FACETS.flatMap((f) => selected[f].map((value) => ({ facet: f, value })));

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t("directory.title")}</Title>
        <Text>{t("directory.lead")}</Text>
      </Stack>

      <search aria-label={t("directory.searchForm")}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const q = search.trim();
            if (q !== state.q) {
              ownQ.current = q;
              typing.current = false;
              go({ q });
            }
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t("directory.search")}
              description={t("directory.searchHint")}
              type="search"
              value={search}
              maxLength={200}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: "1 1 18rem" }}
            />
            <NativeSelect
              label={t("directory.sort.label")}
              value={state.sort}
              onChange={(e) => {
                const value = SORTS.find((s) => s === e.currentTarget.value);
                if (value) {
                  typing.current = false;
                  go({ sort: value });
                }
              }}
              data={SORTS.map((s) => ({ value: s, label: t(`directory.sort.${s}`) }))}
              style={{ flex: "0 1 13rem" }}
            />
          </Group>
        </form>
      </search>

      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text fw={600} role="status" aria-live="polite" aria-atomic="true">
          {data
            ? t(data.approximate?.total ? "directory.foundApprox" : "directory.found", {
                total: format.number(data.total),
              })
            : "\u00a0"}
        </Text>
        <Button variant="default" hiddenFrom="md" onClick={filtersDrawer.open} aria-haspopup="dialog">
          {filterCount > 0 ? t("directory.filtersWithCount", { n: filterCount }) : t("directory.filters")}
        </Button>
      </Group>

      {chosen.length > 0 && (
        <Group gap="xs" wrap="wrap" aria-label={t("directory.chosen")} role="group">
          {chosen.map(({ facet, value }) => {
            const label = facetLabel(facet, value, locale);
            return (
              <Badge
                key={`${facet}:${value}`}
                variant="outline"
                color="indigo"
                tt="none"
                size="lg"
                pr={2}
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t("directory.removeFilter", { label })}
                    onClick={() => onToggle(facet, value, false)}
                  />
                }
              >
                {label}
              </Badge>
            );
          })}
          <Button variant="subtle" size="compact-sm" onClick={resetFilters}>
            {t("common.resetFilters")}
          </Button>
        </Group>
      )}

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }} visibleFrom="md">
          <Box component="aside" aria-labelledby="directory-filters-title">
            <Title order={2} size="h4" id="directory-filters-title" mb="sm">
              {t("directory.filters")}
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
                <Skeleton height={120} />
              </Stack>
            )}
            {data && data.items.length === 0 && data.total > 0 && (
              <Card withBorder padding="lg">
                <Stack gap="sm" align="flex-start">
                  <Text>{t("directory.pageOutOfRange")}</Text>
                  <Button variant="default" onClick={() => go({ page: 1 })}>
                    {t("directory.firstPage")}
                  </Button>
                </Stack>
              </Card>
            )}
            {data && data.items.length === 0 && data.total === 0 && (
              <Card withBorder padding="lg">
                <Stack gap="sm" align="flex-start">
                  <Title order={2} size="h3">
                    {t("directory.empty.title")}
                  </Title>
                  <Text>
                    {filterCount > 0 || state.q ? t("directory.empty.filtered") : t("directory.empty.none")}
                  </Text>
                  <Group gap="sm">
                    {filterCount > 0 && (
                      <Button variant="default" onClick={resetFilters}>
                        {t("common.resetFilters")}
                      </Button>
                    )}
                    {filterCount === 0 && state.q && (
                      <Button variant="default" onClick={resetAll}>
                        {t("directory.empty.clearSearch")}
                      </Button>
                    )}
                    {user && (
                      <Button component={Link} to="/organizations/new">
                        {t("directory.registerOrganization")}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Card>
            )}
            {data && data.items.length > 0 && (
              <>
                {data.items.map((org) => (
                  <ResultCard key={org.id} org={org} />
                ))}
                <Pager
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onChange={(p) => {
                    typing.current = false;
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
        title={t("directory.filters")}
        position="bottom"
        size="85%"
        hiddenFrom="md"
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <Stack gap="lg">
          {facets}
          <Stack
            gap="xs"
            style={{ position: "sticky", bottom: 0, background: "var(--mantine-color-body)" }}
            py="sm"
          >
            <Button onClick={filtersDrawer.close} fullWidth>
              {data ? t("directory.showResults", { total: format.number(data.total) }) : t("common.close")}
            </Button>
            {filterCount > 0 && (
              <Button variant="default" fullWidth onClick={resetFilters}>
                {t("common.resetFilters")}
              </Button>
            )}
          </Stack>
        </Stack>
      </Drawer>
    </Stack>
  );
}
