import { Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { OKVED_SECTION_LETTERS } from "../../../shared/okved";
import { CatalogEmpty, CatalogPage, ChosenFilters } from "../../components/catalog/CatalogPage";
import { FacetGroup, facetRows } from "../../components/catalog/FacetGroup";
import { useCatalogUrl } from "../../components/catalog/useCatalogUrl";
import { industryLabel, Topics, useLocale } from "../../components/Topics";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { clusterQueries } from "./queries";
import type { ClusterCard, ClustersQuery } from "./types";

const PAGE_SIZE = 20;

interface State {
  q: string;
  page: number;
  industry: string[];
}

function parse(params: URLSearchParams): State {
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
    industry: [
      ...new Set(
        params
          .getAll("industry")
          .flatMap((v) => v.split(","))
          .filter((v) => (OKVED_SECTION_LETTERS as readonly string[]).includes(v)),
      ),
    ],
  };
}

function toSearch(s: State): string {
  const parts: string[] = [];
  if (s.q) parts.push(`q=${encodeURIComponent(s.q)}`);
  if (s.industry.length) parts.push(`industry=${s.industry.join(",")}`);
  if (s.page > 1) parts.push(`page=${s.page}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function ClusterCardView({ item }: { item: ClusterCard }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Anchor component={Link} to={`/clusters/${item.id}`} fw={600} size="lg">
          {item.nameRu}
        </Anchor>
        <Text size="sm" c="dimmed">
          {item.lead ? t("clusters.card.lead", { name: item.lead.shortName }) : t("clusters.card.noLead")}
        </Text>
        <Text size="sm" lineClamp={3}>
          {item.themeRu}
        </Text>
        <Group gap="md">
          <Text size="sm">{t("clusters.card.members", { count: item.members })}</Text>
          <Text size="sm">{t("clusters.card.projects", { count: item.projects })}</Text>
        </Group>
        <Topics industries={item.industries} tags={[]} label={t("clusters.card.industries")} />
      </Stack>
    </Card>
  );
}

/** The public catalog of clusters: words of the name or theme, industries; by name. */
export default function ClustersPage() {
  const { t } = useTranslation();
  usePageTitle(t("clusters.catalog.title"));
  const format = useFormat();
  const { can } = useMe();
  const locale = useLocale();
  const { state, view, text, setText, go, submit } = useCatalogUrl(
    useCallback(parse, []),
    useCallback(toSearch, []),
  );
  const query: ClustersQuery = {
    q: state.q || undefined,
    industry: state.industry.length ? (state.industry as ClustersQuery["industry"]) : undefined,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
  const result = useQuery({ ...clusterQueries.search(query), placeholderData: keepPreviousData });
  const data = result.data;
  const filterCount = view.industry.length;
  const toggle = (value: string, on: boolean) =>
    go({ industry: on ? [...view.industry, value] : view.industry.filter((v) => v !== value) });
  const label = (value: string) => industryLabel(value, locale);
  const values = data?.facets.find((f) => f.field === "industry")?.values ?? [];
  return (
    <CatalogPage
      title={t("clusters.catalog.title")}
      lead={t("clusters.catalog.lead")}
      search={{
        formLabel: t("clusters.catalog.searchForm"),
        label: t("clusters.catalog.search"),
        hint: t("clusters.catalog.searchHint"),
        text,
        onText: setText,
        onSubmit: submit,
      }}
      toolbar={
        can("operator.clusters.manage") && (
          <Button component={Link} to="/clusters/new" variant="light">
            {t("clusters.catalog.new")}
          </Button>
        )
      }
      status={
        data ? t("clusters.catalog.found", { count: data.total, total: format.number(data.total) }) : "\u00a0"
      }
      chosen={
        <ChosenFilters
          chosen={view.industry.map((value) => ({ facet: "industry", value, label: label(value) }))}
          groupLabel={t("clusters.catalog.chosen")}
          removeLabel={(l) => t("clusters.catalog.removeFilter", { label: l })}
          onRemove={(_f, value) => toggle(value, false)}
          onReset={() => go({ industry: [] })}
        />
      }
      filters={{
        title: t("clusters.catalog.filters"),
        buttonLabel: filterCount
          ? t("clusters.catalog.filtersWithCount", { n: filterCount })
          : t("clusters.catalog.filters"),
        content: (
          <FacetGroup
            legend={t("clusters.catalog.industry")}
            rows={facetRows(values, view.industry, label)}
            selected={view.industry}
            onToggle={(value, checked) => toggle(value, checked)}
            top={8}
            countPrefix={t("clusters.catalog.countPrefix")}
            showAll={(n) => t("clusters.catalog.showAll", { n })}
            showLess={t("clusters.catalog.showLess")}
          />
        ),
        showResults: data
          ? t("clusters.catalog.showResults", { total: format.number(data.total) })
          : t("common.close"),
        onReset: filterCount > 0 ? () => go({ industry: [] }) : undefined,
      }}
      query={result}
      itemKey={(item) => item.id}
      renderItem={(item) => <ClusterCardView item={item} />}
      onPage={(page) => go({ page })}
      outOfRange={{ text: t("clusters.catalog.pageOutOfRange"), firstPage: t("clusters.catalog.firstPage") }}
      empty={
        <CatalogEmpty
          title={t("clusters.catalog.emptyTitle")}
          text={
            filterCount > 0 || state.q ? t("clusters.catalog.emptyFiltered") : t("clusters.catalog.emptyNone")
          }
        />
      }
    />
  );
}
