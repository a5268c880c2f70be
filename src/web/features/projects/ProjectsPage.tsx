import { Anchor, Button, Card, Group, Radio, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { OKVED_SECTION_LETTERS } from "../../../shared/okved";
import { PROJECT_STAGES, PROJECT_TRLS } from "../../../shared/projects";
import { regionName } from "../../../shared/regions";
import { CatalogEmpty, CatalogPage, ChosenFilters } from "../../components/catalog/CatalogPage";
import { FacetGroup, facetRows } from "../../components/catalog/FacetGroup";
import { useCatalogUrl } from "../../components/catalog/useCatalogUrl";
import { industryLabel, Topics, useLocale } from "../../components/Topics";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { StageBadges, Totals, useRubles } from "./labels";
import { projectQueries } from "./queries";
import type { ProjectCard, ProjectsQuery } from "./types";

const PAGE_SIZE = 20;
const TRLS = PROJECT_TRLS.map(String);

interface State {
  q: string;
  page: number;
  industry: string[];
  stage: string[];
  trl: string[];
  joint: string;
  /** Cluster ids. */
  cluster: string[];
  /** The lead organization's region codes. */
  region: string[];
  /** One organization's projects (the link from its public page). */
  organization: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const listOf = (params: URLSearchParams, key: string, allowed: readonly string[]) => [
  ...new Set(
    params
      .getAll(key)
      .flatMap((v) => v.split(","))
      .filter((v) => allowed.includes(v)),
  ),
];

function parse(params: URLSearchParams): State {
  const joint = params.get("joint") ?? "";
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
    industry: listOf(params, "industry", OKVED_SECTION_LETTERS),
    stage: listOf(params, "stage", PROJECT_STAGES),
    trl: listOf(params, "trl", TRLS),
    joint: joint === "true" || joint === "false" ? joint : "",
    cluster: [
      ...new Set(
        params
          .getAll("cluster")
          .flatMap((v) => v.split(","))
          .filter((v) => UUID.test(v)),
      ),
    ].slice(0, 50),
    region: [
      ...new Set(
        params
          .getAll("region")
          .flatMap((v) => v.split(","))
          .filter((v) => /^\d{2}$/.test(v)),
      ),
    ],
    organization: UUID.test(params.get("organization") ?? "") ? params.get("organization")! : "",
  };
}

function toSearch(s: State): string {
  const parts: string[] = [];
  if (s.q) parts.push(`q=${encodeURIComponent(s.q)}`);
  for (const key of ["industry", "stage", "trl", "cluster", "region"] as const)
    if (s[key].length) parts.push(`${key}=${s[key].join(",")}`);
  if (s.joint) parts.push(`joint=${s.joint}`);
  if (s.organization) parts.push(`organization=${s.organization}`);
  if (s.page > 1) parts.push(`page=${s.page}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function ProjectCardView({ item }: { item: ProjectCard }) {
  const { t } = useTranslation();
  const rubles = useRubles();
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/projects/${item.id}`} fw={600} size="lg">
            {item.titleRu}
          </Anchor>
          <StageBadges stage={item.stage} trl={item.trl} />
        </Group>
        <Text size="sm" c="dimmed">
          {item.joint
            ? t("projects.card.consortium", {
                lead: item.lead.shortName,
                partners: item.partners.map((p) => p.shortName).join(", "),
              })
            : item.lead.shortName}
        </Text>
        {item.budget !== null && (
          <Text size="sm">{t("projects.card.budget", { amount: rubles(item.budget) })}</Text>
        )}
        {item.cluster && (
          <Anchor component={Link} to={`/clusters/${item.cluster.id}`} size="sm">
            {t("projects.card.cluster", { name: item.cluster.nameRu })}
          </Anchor>
        )}
        <Totals totals={item.totals} />
        <Topics industries={item.industries} tags={item.tags} label={t("projects.card.topics")} />
      </Stack>
    </Card>
  );
}

/**
 * The public catalog of projects: text, industry, stage, TRL, joint or not, cluster, the lead's region;
 * the latest changed first.
 */
export default function ProjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t("projects.catalog.title"));
  const format = useFormat();
  const { user } = useMe();
  const locale = useLocale();
  const { state, view, text, setText, go, submit } = useCatalogUrl(
    useCallback(parse, []),
    useCallback(toSearch, []),
  );
  const query: ProjectsQuery = {
    q: state.q || undefined,
    industry: state.industry.length ? (state.industry as ProjectsQuery["industry"]) : undefined,
    stage: state.stage.length ? (state.stage as ProjectsQuery["stage"]) : undefined,
    trl: state.trl.length ? state.trl : undefined,
    joint: state.joint ? (state.joint as "true" | "false") : undefined,
    cluster: state.cluster.length ? state.cluster : undefined,
    region: state.region.length ? state.region : undefined,
    organization: state.organization || undefined,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
  const result = useQuery({ ...projectQueries.search(query), placeholderData: keepPreviousData });
  const data = result.data;
  const filterCount =
    view.industry.length +
    view.stage.length +
    view.trl.length +
    view.cluster.length +
    view.region.length +
    (view.joint ? 1 : 0) +
    (view.organization ? 1 : 0);
  type ListKey = "industry" | "stage" | "trl" | "cluster" | "region";
  const toggle = (key: ListKey, value: string, on: boolean) =>
    go({ [key]: on ? [...view[key], value] : view[key].filter((v) => v !== value) } as Partial<State>);
  const reset = () =>
    go({ industry: [], stage: [], trl: [], cluster: [], region: [], joint: "", organization: "" });
  const clusterNames = new Map(
    (data?.facets.find((f) => f.field === "cluster")?.values ?? []).map((v) => [v.value, v.label ?? ""]),
  );
  const labelOf = (field: ListKey, value: string) =>
    field === "industry"
      ? industryLabel(value, locale)
      : field === "stage"
        ? t(`projects.stages.${value}`)
        : field === "cluster"
          ? clusterNames.get(value) || t("projects.catalog.cluster")
          : field === "region"
            ? (regionName(value, locale) ?? value)
            : t("projects.card.trl", { trl: value });
  const chosen = [
    ...(["industry", "stage", "trl", "cluster", "region"] as const).flatMap((facet) =>
      view[facet].map((value) => ({ facet, value, label: labelOf(facet, value) })),
    ),
    ...(view.joint
      ? [{ facet: "joint", value: view.joint, label: t(`projects.catalog.joint.${view.joint}`) }]
      : []),
    ...(view.organization
      ? [{ facet: "organization", value: view.organization, label: t("projects.catalog.oneOrganization") }]
      : []),
  ];
  const facet = (field: ListKey, legend: string, order?: readonly string[]) => {
    const values = data?.facets.find((f) => f.field === field)?.values ?? [];
    const sorted = order
      ? [...values].sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
      : values;
    return (
      <FacetGroup
        key={field}
        legend={legend}
        rows={facetRows(sorted, view[field], (value) => labelOf(field, value))}
        selected={view[field]}
        onToggle={(value, checked) => toggle(field, value, checked)}
        top={field === "stage" || field === "trl" ? 9 : 6}
        countPrefix={t("projects.catalog.countPrefix")}
        showAll={(n) => t("projects.catalog.showAll", { n })}
        showLess={t("projects.catalog.showLess")}
      />
    );
  };

  return (
    <CatalogPage
      title={t("projects.catalog.title")}
      lead={t("projects.catalog.lead")}
      search={{
        formLabel: t("projects.catalog.searchForm"),
        label: t("projects.catalog.search"),
        hint: t("projects.catalog.searchHint"),
        text,
        onText: setText,
        onSubmit: submit,
      }}
      toolbar={
        user && (
          <Button component={Link} to="/projects/new" variant="light">
            {t("projects.catalog.new")}
          </Button>
        )
      }
      status={
        data ? t("projects.catalog.found", { count: data.total, total: format.number(data.total) }) : "\u00a0"
      }
      chosen={
        <ChosenFilters
          chosen={chosen}
          groupLabel={t("projects.catalog.chosen")}
          removeLabel={(label) => t("projects.catalog.removeFilter", { label })}
          onRemove={(f, value) =>
            f === "joint" || f === "organization" ? go({ [f]: "" }) : toggle(f as ListKey, value, false)
          }
          onReset={reset}
        />
      }
      filters={{
        title: t("projects.catalog.filters"),
        buttonLabel: filterCount
          ? t("projects.catalog.filtersWithCount", { n: filterCount })
          : t("projects.catalog.filters"),
        content: (
          <Stack gap="md">
            <Radio.Group
              label={t("projects.catalog.jointLabel")}
              value={view.joint}
              onChange={(v) => go({ joint: v })}
            >
              <Stack gap={6} mt={6}>
                <Radio value="" label={t("projects.catalog.joint.any")} />
                <Radio value="true" label={t("projects.catalog.joint.true")} />
                <Radio value="false" label={t("projects.catalog.joint.false")} />
              </Stack>
            </Radio.Group>
            {facet("stage", t("projects.catalog.stage"), PROJECT_STAGES)}
            {facet("trl", t("projects.catalog.trl"), TRLS)}
            {facet("industry", t("projects.catalog.industry"))}
            {facet("cluster", t("projects.catalog.cluster"))}
            {facet("region", t("projects.catalog.region"))}
          </Stack>
        ),
        showResults: data
          ? t("projects.catalog.showResults", { total: format.number(data.total) })
          : t("common.close"),
        onReset: filterCount > 0 ? reset : undefined,
      }}
      query={result}
      itemKey={(item) => item.id}
      renderItem={(item) => <ProjectCardView item={item} />}
      onPage={(page) => go({ page })}
      outOfRange={{ text: t("projects.catalog.pageOutOfRange"), firstPage: t("projects.catalog.firstPage") }}
      empty={
        <CatalogEmpty
          title={t("projects.catalog.emptyTitle")}
          text={
            filterCount > 0 || state.q ? t("projects.catalog.emptyFiltered") : t("projects.catalog.emptyNone")
          }
        />
      }
    />
  );
}
