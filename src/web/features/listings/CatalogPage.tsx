import { Anchor, Button, Skeleton, Stack } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { facetFields, LISTING_SORTS, type ListingKindName } from "../../../shared/listings";
import { CatalogEmpty, CatalogPage, ChosenFilters } from "../../components/catalog/CatalogPage";
import { useCatalogUrl } from "../../components/catalog/useCatalogUrl";
import { lazyPart } from "../../components/lazyPart";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { ListingCardView } from "./ListingCardView";
import { isKind, kindOf, useLocale, valueLabel } from "./labels";
import { listingQueries } from "./queries";
import type { ListingsQuery } from "./types";

// Signed-in readers only: its code (a modal, a form) stays out of the public pages' chunk.
const SaveSearchButton = lazy(() => import("./follow").then((m) => ({ default: m.SaveSearchButton })));

// the facets (checkboxes in fieldsets) are fetched after the page: the results come first
const ListingFacets = lazyPart(() => import("./ListingFacets").then((m) => m.ListingFacets));

const PAGE_SIZE = 20;
const MAX_VALUES = 30;

type Sort = (typeof LISTING_SORTS)[number];

interface State {
  q: string;
  page: number;
  sort: Sort;
  filters: Record<string, string[]>;
}

/** The URL state of a kind's catalog: its facets are the kind's filterable fields. */
function urlState(kind: ListingKindName) {
  const fields = facetFields(kindOf(kind));
  const parse = (params: URLSearchParams): State => ({
    q: (params.get("q") ?? "").trim().slice(0, 200),
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
    sort: params.get("sort") === "newest" ? "newest" : "relevance",
    filters: Object.fromEntries(
      fields.map((f) => {
        const allowed = "values" in f ? f.values : ["true", "false"];
        const list = params
          .getAll(f.key)
          .flatMap((v) => v.split(","))
          .map((v) => v.trim())
          .filter((v) => allowed.includes(v));
        return [f.key, [...new Set(list)].slice(0, MAX_VALUES)];
      }),
    ),
  });
  const toSearch = (s: State): string => {
    const parts: string[] = [];
    if (s.q) parts.push(`q=${encodeURIComponent(s.q)}`);
    for (const f of fields)
      if (s.filters[f.key]?.length)
        parts.push(`${f.key}=${s.filters[f.key]!.map(encodeURIComponent).join(",")}`);
    if (s.sort !== "relevance") parts.push(`sort=${s.sort}`);
    if (s.page > 1) parts.push(`page=${s.page}`);
    return parts.length ? `?${parts.join("&")}` : "";
  };
  return { fields, parse, toSearch };
}

function KindCatalog({ kind }: { kind: ListingKindName }) {
  const { t } = useTranslation();
  const title = t(`listings.kinds.${kind}.title`);
  usePageTitle(title);
  const locale = useLocale();
  const format = useFormat();
  const { user } = useMe();
  const { fields, parse, toSearch } = useMemo(() => urlState(kind), [kind]);
  const { state, view, text, setText, go, submit, reset } = useCatalogUrl(
    useCallback(parse, [parse]),
    useCallback(toSearch, [toSearch]),
  );
  const query: ListingsQuery = {
    kind,
    q: state.q || undefined,
    ...Object.fromEntries(
      fields.map((f) => [f.key, state.filters[f.key]?.length ? state.filters[f.key] : undefined]),
    ),
    sort: state.sort,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
  const result = useQuery({ ...listingQueries.search(query), placeholderData: keepPreviousData });
  const data = result.data;
  const selected = view.filters;
  const filterCount = fields.reduce((n, f) => n + (selected[f.key]?.length ?? 0), 0);
  const onToggle = (facet: string, value: string, checked: boolean) => {
    const current = selected[facet] ?? [];
    go({
      filters: { ...selected, [facet]: checked ? [...current, value] : current.filter((v) => v !== value) },
    });
  };
  const resetFilters = () => go({ filters: Object.fromEntries(fields.map((f) => [f.key, []])) });
  const labelOf = (key: string, value: string) => {
    const f = fields.find((x) => x.key === key)!;
    return f.type === "boolean"
      ? t(value === "true" ? "listings.field.yes" : "listings.field.no")
      : valueLabel(f, value, locale);
  };
  const chosen = fields.flatMap((f) => (selected[f.key] ?? []).map((value) => ({ facet: f.key, value })));

  return (
    <CatalogPage
      title={title}
      lead={
        <>
          {t(`listings.kinds.${kind}.lead`)}{" "}
          <Anchor component={Link} to="/exchanges">
            {t("listings.catalog.toKinds")}
          </Anchor>
        </>
      }
      search={{
        formLabel: t("listings.catalog.searchForm"),
        label: t("listings.catalog.search"),
        hint: t("listings.catalog.searchHint"),
        text,
        onText: setText,
        onSubmit: submit,
      }}
      sort={{
        label: t("listings.catalog.sortLabel"),
        value: state.sort,
        options: LISTING_SORTS.map((s) => ({ value: s, label: t(`listings.catalog.sort.${s}`) })),
        onChange: (value) => {
          const sort = LISTING_SORTS.find((s) => s === value);
          if (sort) go({ sort });
        },
      }}
      toolbar={
        user && (
          <>
            <Button component={Link} to={`/listings/new?kind=${kind}`} variant="light">
              {t(`listings.kinds.${kind}.new`)}
            </Button>
            <Suspense fallback={null}>
              <SaveSearchButton search={{ kind, q: state.q, filters: state.filters }} />
            </Suspense>
            <Button component={Link} to="/listings/saved" variant="subtle">
              {t("listings.savedLink")}
            </Button>
          </>
        )
      }
      status={
        data ? t("listings.catalog.found", { count: data.total, total: format.number(data.total) }) : "\u00a0"
      }
      chosen={
        <ChosenFilters
          chosen={chosen.map(({ facet, value }) => ({ facet, value, label: labelOf(facet, value) }))}
          groupLabel={t("listings.catalog.chosen")}
          removeLabel={(label) => t("listings.catalog.removeFilter", { label })}
          onRemove={(facet, value) => onToggle(facet, value, false)}
          onReset={resetFilters}
        />
      }
      filters={{
        title: t("listings.catalog.filters"),
        buttonLabel:
          filterCount > 0
            ? t("listings.catalog.filtersWithCount", { n: filterCount })
            : t("listings.catalog.filters"),
        content: data ? (
          <ListingFacets
            kind={kind}
            fields={fields}
            facets={data.facets}
            selected={selected}
            onToggle={onToggle}
            labelOf={labelOf}
          />
        ) : result.isPending ? (
          <Stack gap="md" aria-hidden="true">
            <Skeleton height={120} />
            <Skeleton height={90} />
          </Stack>
        ) : null,
        showResults: data
          ? t("listings.catalog.showResults", { total: format.number(data.total) })
          : t("common.close"),
        onReset: filterCount > 0 ? resetFilters : undefined,
      }}
      query={result}
      itemKey={(item) => item.id}
      renderItem={(item) => <ListingCardView item={item} />}
      onPage={(page) => go({ page })}
      outOfRange={{ text: t("listings.catalog.pageOutOfRange"), firstPage: t("listings.catalog.firstPage") }}
      empty={
        <CatalogEmpty
          title={t("listings.catalog.emptyTitle")}
          text={
            filterCount > 0 || state.q ? t("listings.catalog.emptyFiltered") : t("listings.catalog.emptyNone")
          }
          actions={
            <>
              {filterCount > 0 && (
                <Button variant="default" onClick={resetFilters}>
                  {t("common.resetFilters")}
                </Button>
              )}
              {filterCount === 0 && state.q && (
                <Button variant="default" onClick={reset}>
                  {t("listings.catalog.clearSearch")}
                </Button>
              )}
              {user && (
                <Button component={Link} to={`/listings/new?kind=${kind}`}>
                  {t(`listings.kinds.${kind}.new`)}
                </Button>
              )}
            </>
          }
        />
      }
    />
  );
}

/** A kind's catalog (/exchanges/:kind); an unknown kind goes back to the exchanges. */
export default function ListingCatalogPage() {
  const { kind } = useParams();
  if (!isKind(kind)) return <Navigate to="/exchanges" replace />;
  return <KindCatalog key={kind} kind={kind} />;
}
