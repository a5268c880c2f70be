import { Anchor, Avatar, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ORG_TYPE_LABELS, SME_CATEGORY_LABELS } from "../../../shared/organizations";
import { tagLabel } from "../../../shared/tags";
import { CatalogEmpty, CatalogPage, ChosenFilters } from "../../components/catalog/CatalogPage";
import { useCatalogUrl } from "../../components/catalog/useCatalogUrl";
import { lazyPart } from "../../components/lazyPart";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { UnverifiedBadge } from "../verification/UnverifiedBadge";
import { descriptionOf, facetLabel, orgInitials, placeOf, StatusBadges, useLocale } from "./labels";
import { directoryQueries } from "./queries";
import { activeFilterCount, directorySearch, EMPTY_FILTERS, parseDirectoryParams } from "./searchParams";
import { FACETS, type FacetName, type OrganizationPublic, SORTS } from "./types";

// the facets (checkboxes in fieldsets) are fetched after the page: the results come first
const Facets = lazyPart(() => import("./Facets").then((m) => m.Facets));

const PAGE_SIZE = 20;
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
  const { state, view, text, setText, go, submit, reset } = useCatalogUrl(
    parseDirectoryParams,
    directorySearch,
  );

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

  const selected = view.filters;
  const filterCount = activeFilterCount(state);
  const onToggle = (facet: FacetName, value: string, checked: boolean) => {
    const current = selected[facet];
    const nextValues = checked ? [...current, value] : current.filter((v) => v !== value);
    go({ filters: { ...selected, [facet]: nextValues } });
  };
  const resetFilters = () => go({ filters: EMPTY_FILTERS });
  const chosen = FACETS.flatMap((f) => selected[f].map((value) => ({ facet: f, value })));
  const resetButton = (
    <Button variant="default" onClick={resetFilters}>
      {t("common.resetFilters")}
    </Button>
  );

  return (
    <CatalogPage
      title={t("directory.title")}
      lead={t("directory.lead")}
      search={{
        formLabel: t("directory.searchForm"),
        label: t("directory.search"),
        hint: t("directory.searchHint"),
        text,
        onText: setText,
        onSubmit: submit,
      }}
      sort={{
        label: t("directory.sort.label"),
        value: state.sort,
        options: SORTS.map((s) => ({ value: s, label: t(`directory.sort.${s}`) })),
        onChange: (value) => {
          const sort = SORTS.find((s) => s === value);
          if (sort) go({ sort });
        },
      }}
      status={
        data
          ? t(data.approximate?.total ? "directory.foundApprox" : "directory.found", {
              total: format.number(data.total),
            })
          : "\u00a0"
      }
      chosen={
        <ChosenFilters
          chosen={chosen.map(({ facet, value }) => ({
            facet,
            value,
            label: facetLabel(facet, value, locale),
          }))}
          groupLabel={t("directory.chosen")}
          removeLabel={(label) => t("directory.removeFilter", { label })}
          onRemove={(facet, value) => onToggle(facet as FacetName, value, false)}
          onReset={resetFilters}
        />
      }
      filters={{
        title: t("directory.filters"),
        buttonLabel:
          filterCount > 0 ? t("directory.filtersWithCount", { n: filterCount }) : t("directory.filters"),
        content: (
          <Facets
            facets={data?.facets}
            approximate={data?.approximate?.facets}
            selected={selected}
            loading={result.isPending}
            onToggle={onToggle}
          />
        ),
        showResults: data
          ? t("directory.showResults", { total: format.number(data.total) })
          : t("common.close"),
        onReset: filterCount > 0 ? resetFilters : undefined,
      }}
      query={result}
      itemKey={(org) => org.id}
      renderItem={(org) => <ResultCard org={org} />}
      onPage={(page) => go({ page })}
      outOfRange={{ text: t("directory.pageOutOfRange"), firstPage: t("directory.firstPage") }}
      empty={
        <CatalogEmpty
          title={t("directory.empty.title")}
          text={filterCount > 0 || state.q ? t("directory.empty.filtered") : t("directory.empty.none")}
          actions={
            <>
              {filterCount > 0 && resetButton}
              {filterCount === 0 && state.q && (
                <Button variant="default" onClick={reset}>
                  {t("directory.empty.clearSearch")}
                </Button>
              )}
              {user && (
                <Button component={Link} to="/organizations/new">
                  {t("directory.registerOrganization")}
                </Button>
              )}
            </>
          }
        />
      }
    />
  );
}
