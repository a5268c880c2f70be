import { Anchor, Button, Card, Checkbox, Group, Stack, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PUBLIC_CHALLENGE_STATES, REWARD_TYPES } from "../../../shared/challenges";
import { OKVED_SECTION_LETTERS } from "../../../shared/okved";
import { TAG_SLUGS, tagLabel } from "../../../shared/tags";
import { CatalogEmpty, CatalogPage, ChosenFilters } from "../../components/catalog/CatalogPage";
import { FacetGroup, facetRows } from "../../components/catalog/FacetGroup";
import { useCatalogUrl } from "../../components/catalog/useCatalogUrl";
import { industryLabel, Topics, useLocale } from "../../components/Topics";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { StateBadge, useRewardText } from "./labels";
import { challengeQueries } from "./queries";
import type { ChallengeCard, ChallengesQuery } from "./types";

const PAGE_SIZE = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface State {
  q: string;
  page: number;
  reward: string[];
  status: string[];
  industry: string[];
  tag: string[];
  deadlineFrom: string;
  deadlineTo: string;
}

const listOf = (params: URLSearchParams, key: string, allowed: readonly string[]) => [
  ...new Set(
    params
      .getAll(key)
      .flatMap((v) => v.split(","))
      .filter((v) => allowed.includes(v)),
  ),
];

function parse(params: URLSearchParams): State {
  const day = (k: string) => (DAY.test(params.get(k) ?? "") ? params.get(k)! : "");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
    reward: listOf(params, "reward", REWARD_TYPES),
    status: listOf(params, "status", PUBLIC_CHALLENGE_STATES),
    industry: listOf(params, "industry", OKVED_SECTION_LETTERS),
    tag: listOf(params, "tag", TAG_SLUGS),
    deadlineFrom: day("deadlineFrom"),
    deadlineTo: day("deadlineTo"),
  };
}

function toSearch(s: State): string {
  const parts: string[] = [];
  if (s.q) parts.push(`q=${encodeURIComponent(s.q)}`);
  if (s.reward.length) parts.push(`reward=${s.reward.join(",")}`);
  if (s.status.length) parts.push(`status=${s.status.join(",")}`);
  if (s.industry.length) parts.push(`industry=${s.industry.join(",")}`);
  if (s.tag.length) parts.push(`tag=${s.tag.join(",")}`);
  if (s.deadlineFrom) parts.push(`deadlineFrom=${s.deadlineFrom}`);
  if (s.deadlineTo) parts.push(`deadlineTo=${s.deadlineTo}`);
  if (s.page > 1) parts.push(`page=${s.page}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function ChallengeCardView({ item }: { item: ChallengeCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reward = useRewardText();
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/challenges/${item.id}`} fw={600} size="lg">
            {item.titleRu}
          </Anchor>
          <StateBadge state={item.state} />
        </Group>
        <Text size="sm" c="dimmed">
          {item.organization.shortName}
        </Text>
        <Text size="sm">{reward(item.rewardType, item.rewardAmount)}</Text>
        <Text size="sm">
          {t("challenges.card.deadline", { deadline: format.wallTime(item.deadline) })} ·{" "}
          {t("challenges.card.submissions", { count: item.submissions })}
        </Text>
        <Topics industries={item.industries} tags={item.tags} label={t("challenges.topics.topicsLabel")} />
      </Stack>
    </Card>
  );
}

/** The public catalog of challenges: text, industry, technology, reward, state and deadline; open ones first. */
export default function ChallengesPage() {
  const { t } = useTranslation();
  usePageTitle(t("challenges.catalog.title"));
  const format = useFormat();
  const { user } = useMe();
  const locale = useLocale();
  const labelOf = (field: "industry" | "tag", value: string) =>
    field === "industry" ? industryLabel(value, locale) : tagLabel(value, locale);
  const { state, view, text, setText, go, submit } = useCatalogUrl(
    useCallback(parse, []),
    useCallback(toSearch, []),
  );
  const query: ChallengesQuery = {
    q: state.q || undefined,
    reward: state.reward.length ? (state.reward as ChallengesQuery["reward"]) : undefined,
    status: state.status.length ? (state.status as ChallengesQuery["status"]) : undefined,
    industry: state.industry.length ? (state.industry as ChallengesQuery["industry"]) : undefined,
    tag: state.tag.length ? (state.tag as ChallengesQuery["tag"]) : undefined,
    deadlineFrom: state.deadlineFrom || undefined,
    deadlineTo: state.deadlineTo || undefined,
    page: state.page,
    pageSize: PAGE_SIZE,
  };
  const result = useQuery({ ...challengeQueries.search(query), placeholderData: keepPreviousData });
  const data = result.data;
  const filterCount =
    view.reward.length +
    view.status.length +
    view.industry.length +
    view.tag.length +
    (view.deadlineFrom ? 1 : 0) +
    (view.deadlineTo ? 1 : 0);
  type ListKey = "reward" | "status" | "industry" | "tag";
  const toggle = (key: ListKey, value: string, on: boolean) =>
    go({ [key]: on ? [...view[key], value] : view[key].filter((v) => v !== value) } as Partial<State>);
  const reset = () => go({ reward: [], status: [], industry: [], tag: [], deadlineFrom: "", deadlineTo: "" });
  const chosen = [
    ...view.reward.map((value) => ({ facet: "reward", value, label: t(`challenges.rewards.${value}`) })),
    ...view.status.map((value) => ({ facet: "status", value, label: t(`challenges.states.${value}`) })),
    ...view.industry.map((value) => ({ facet: "industry", value, label: labelOf("industry", value) })),
    ...view.tag.map((value) => ({ facet: "tag", value, label: labelOf("tag", value) })),
  ];

  return (
    <CatalogPage
      title={t("challenges.catalog.title")}
      lead={t("challenges.catalog.lead")}
      search={{
        formLabel: t("challenges.catalog.searchForm"),
        label: t("challenges.catalog.search"),
        hint: t("challenges.catalog.searchHint"),
        text,
        onText: setText,
        onSubmit: submit,
      }}
      toolbar={
        user && (
          <Button component={Link} to="/challenges/new" variant="light">
            {t("challenges.catalog.new")}
          </Button>
        )
      }
      status={
        data
          ? t("challenges.catalog.found", { count: data.total, total: format.number(data.total) })
          : "\u00a0"
      }
      chosen={
        <ChosenFilters
          chosen={chosen}
          groupLabel={t("challenges.catalog.chosen")}
          removeLabel={(label) => t("challenges.catalog.removeFilter", { label })}
          onRemove={(facet, value) => toggle(facet as ListKey, value, false)}
          onReset={reset}
        />
      }
      filters={{
        title: t("challenges.catalog.filters"),
        buttonLabel: filterCount
          ? t("challenges.catalog.filtersWithCount", { n: filterCount })
          : t("challenges.catalog.filters"),
        content: (
          <Stack gap="md">
            {(["industry", "tag"] as const).map((field) => (
              <FacetGroup
                key={field}
                legend={t(field === "industry" ? "challenges.topics.industries" : "challenges.topics.tags")}
                rows={facetRows(
                  data?.facets.find((f) => f.field === field)?.values ?? [],
                  view[field],
                  (value) => labelOf(field, value),
                )}
                selected={view[field]}
                onToggle={(value, checked) => toggle(field, value, checked)}
                top={6}
                countPrefix={t("challenges.topics.countPrefix")}
                showAll={(n) => t("challenges.topics.showAll", { n })}
                showLess={t("challenges.topics.showLess")}
              />
            ))}
            <Checkbox.Group
              label={t("challenges.catalog.reward")}
              value={view.reward}
              onChange={(v) => go({ reward: v })}
            >
              <Stack gap={6} mt={6}>
                {REWARD_TYPES.map((r) => (
                  <Checkbox key={r} value={r} label={t(`challenges.rewards.${r}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Checkbox.Group
              label={t("challenges.catalog.state")}
              value={view.status}
              onChange={(v) => go({ status: v })}
            >
              <Stack gap={6} mt={6}>
                {PUBLIC_CHALLENGE_STATES.map((s) => (
                  <Checkbox key={s} value={s} label={t(`challenges.states.${s}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <TextInput
              type="date"
              label={t("challenges.catalog.deadlineFrom")}
              value={view.deadlineFrom}
              onChange={(e) => go({ deadlineFrom: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t("challenges.catalog.deadlineTo")}
              value={view.deadlineTo}
              onChange={(e) => go({ deadlineTo: e.currentTarget.value })}
            />
          </Stack>
        ),
        showResults: data
          ? t("challenges.catalog.showResults", { total: format.number(data.total) })
          : t("common.close"),
        onReset: filterCount > 0 ? reset : undefined,
      }}
      query={result}
      itemKey={(item) => item.id}
      renderItem={(item) => <ChallengeCardView item={item} />}
      onPage={(page) => go({ page })}
      outOfRange={{
        text: t("challenges.catalog.pageOutOfRange"),
        firstPage: t("challenges.catalog.firstPage"),
      }}
      empty={
        <CatalogEmpty
          title={t("challenges.catalog.emptyTitle")}
          text={
            filterCount > 0 || state.q
              ? t("challenges.catalog.emptyFiltered")
              : t("challenges.catalog.emptyNone")
          }
        />
      }
    />
  );
}
