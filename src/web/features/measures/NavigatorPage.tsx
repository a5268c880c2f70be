import { Alert, Anchor, Button, Skeleton, Stack, Switch, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CatalogEmpty, CatalogPage } from "../../components/catalog/CatalogPage";
import { useCatalogUrl } from "../../components/catalog/useCatalogUrl";
import { lazyPart } from "../../components/lazyPart";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { DemoBanner, MeasureCardView } from "./MeasureCardView";
import { measureQueries } from "./queries";
import {
  activeFilterCount,
  apiQuery,
  defaultSort,
  EMPTY_FILTERS,
  type ListFacet,
  type NavigatorState,
  navigatorSearch,
  parseNavigatorParams,
} from "./searchParams";
import { SORTS } from "./types";

// a signed-in visitor's "save this search" (with its dialog): fetched after the page (guests never see it)
const SaveSearchButton = lazyPart(() => import("./subscriptions").then((m) => m.SaveSearchButton));

// the facets (checkboxes, radios) are fetched after the page: the results come first
const NavigatorFacets = lazyPart(() => import("./NavigatorFacets").then((m) => m.NavigatorFacets));

const PAGE_SIZE = 20;

export default function NavigatorPage() {
  const { t } = useTranslation();
  usePageTitle(t("measures.navigator.title"));
  const format = useFormat();
  const { user } = useMe();
  // a member with an active organization opens the navigator with the measures that fit it first
  const mine = useMyOrganizations();
  const orgsKnown = !user || mine.data !== undefined || mine.isError;
  const fallbackSort = defaultSort(Boolean(user && mine.data?.activeOrganizationId));
  const parse = useCallback((p: URLSearchParams) => parseNavigatorParams(p, fallbackSort), [fallbackSort]);
  const toSearch = useCallback((s: NavigatorState) => navigatorSearch(s, fallbackSort), [fallbackSort]);
  const { state, view, text: search, setText, go, submit, reset } = useCatalogUrl(parse, toSearch);

  const result = useQuery({
    ...measureQueries.search(user?.id ?? null, apiQuery(state, PAGE_SIZE)),
    placeholderData: keepPreviousData,
    // a signed-in user's order depends on their active organization: wait for it, not search twice
    enabled: orgsKnown,
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

  const facets = !data ? (
    result.isPending ? (
      <Stack gap="md" aria-hidden="true">
        <Skeleton height={120} />
        <Skeleton height={90} />
      </Stack>
    ) : null
  ) : (
    <NavigatorFacets data={data} member={member} view={view} go={go} onToggle={onToggle} />
  );

  return (
    <CatalogPage
      title={t("measures.navigator.title")}
      lead={t("measures.navigator.lead")}
      notices={
        <>
          {data?.items.some((m) => m.isDemo) && <DemoBanner />}
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
        </>
      }
      search={{
        formLabel: t("measures.navigator.searchForm"),
        label: t("measures.navigator.search"),
        hint: t("measures.navigator.searchHint"),
        text: search,
        onText: setText,
        onSubmit: submit,
      }}
      sort={{
        label: t("measures.sort.label"),
        value: view.sort,
        // "eligible first" means something only with an organization's verdicts
        options: SORTS.filter((s) => s !== "verdict" || member || view.sort === "verdict").map((s) => ({
          value: s,
          label: t(`measures.sort.${s}`),
        })),
        onChange: (value) => {
          const sort = SORTS.find((s) => s === value);
          if (sort) go({ sort });
        },
      }}
      belowSearch={
        member &&
        data?.organization && (
          <Switch
            checked={onlyEligible}
            onChange={(e) =>
              go({ filters: { ...view.filters, eligibility: e.currentTarget.checked ? ["eligible"] : [] } })
            }
            label={t("measures.navigator.onlyEligible")}
            description={t("measures.navigator.forOrg", { name: data.organization.shortName })}
          />
        )
      }
      status={data ? t("measures.navigator.found", { total: format.number(data.total) }) : "\u00a0"}
      toolbar={
        <>
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
        </>
      }
      filters={{
        title: t("measures.navigator.filters"),
        buttonLabel:
          filterCount > 0
            ? t("measures.navigator.filtersWithCount", { n: filterCount })
            : t("measures.navigator.filters"),
        content: facets,
        showResults: data
          ? t("measures.navigator.showResults", { total: format.number(data.total) })
          : t("common.close"),
      }}
      query={result}
      itemKey={(m) => m.id}
      renderItem={(m) => <MeasureCardView measure={m} />}
      onPage={(page) => go({ page })}
      empty={
        <CatalogEmpty
          title={t("measures.navigator.emptyTitle")}
          text={t("measures.navigator.emptyText")}
          actions={
            (filterCount > 0 || state.q) && (
              <Button variant="default" onClick={reset}>
                {t("measures.navigator.resetAll")}
              </Button>
            )
          }
        />
      }
    />
  );
}
