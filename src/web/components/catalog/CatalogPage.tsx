import {
  Badge,
  Box,
  Button,
  Card,
  CloseButton,
  Grid,
  Group,
  NativeSelect,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { UseQueryResult } from "@tanstack/react-query";
import { Fragment, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { LazyDrawer } from "../lazyOverlays";
import { lazyPart } from "../lazyPart";
import { PageHeader } from "../PageHeader";
import { ProblemAlert } from "../ProblemAlert";

// under the results: fetched after the page (Mantine's Pagination is ~3 kB)
const Pager = lazyPart(() => import("../Pager").then((m) => m.Pager));

/** A page of results as every catalog endpoint answers. */
export interface CatalogResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface Props<D extends CatalogResult<unknown>> {
  title: string;
  lead: ReactNode;
  /** Alerts between the header and the search box. */
  notices?: ReactNode;
  search: {
    /** The landmark's name, e.g. "Search the directory". */
    formLabel: string;
    label: string;
    hint: ReactNode;
    text: string;
    onText: (text: string) => void;
    onSubmit: () => void;
  };
  /** The order's choice; left out when the catalog has one order (no select that changes nothing). */
  sort?: {
    label: string;
    value: string;
    options: { value: string; label: string }[];
    onChange: (value: string) => void;
  };
  /** Controls under the search box (e.g. "only what my organization may get"). */
  belowSearch?: ReactNode;
  /** The live "N found" line. */
  status: ReactNode;
  /** Buttons next to the status (save the search, reset filters…). */
  toolbar?: ReactNode;
  /** The chosen filters as removable chips. */
  chosen?: ReactNode;
  filters: {
    title: string;
    /** The phone's "Filters (2)" button. */
    buttonLabel: string;
    /** The facet list; the same node shows in the side column and in the phone's drawer. */
    content: ReactNode;
    /** The drawer's close button label ("Show 120 results"). */
    showResults: string;
    /** Given while filters are chosen: the drawer offers "Reset filters" under its close button. */
    onReset?: () => void;
  };
  query: UseQueryResult<D>;
  renderItem: (item: D["items"][number]) => ReactNode;
  itemKey: (item: D["items"][number]) => string;
  /** Shown when nothing matches at all. */
  empty: ReactNode;
  /**
   * Shown when the page is past the last one (the URL asked for it), with a button to the first page;
   * without it the empty state shows.
   */
  outOfRange?: { text: string; firstPage: string };
  onPage: (page: number) => void;
}

/**
 * A catalog: header, search box with sort, live count, the chosen filters, facets (a side column on
 * a desktop, a bottom drawer on a phone), results with pages and an empty state. The page keeps its
 * state in the URL (useCatalogUrl) and says what a result and a facet look like.
 */
export function CatalogPage<D extends CatalogResult<unknown>>(props: Props<D>) {
  const { t } = useTranslation();
  const titleId = useId();
  const [filtersOpened, filtersDrawer] = useDisclosure(false);
  const { query, search, sort, filters } = props;
  const data = query.data;

  return (
    <Stack gap="lg">
      <PageHeader title={props.title} subtitle={props.lead} />
      {props.notices}

      <search aria-label={search.formLabel}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            search.onSubmit();
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={search.label}
              description={search.hint}
              type="search"
              value={search.text}
              maxLength={200}
              onChange={(e) => search.onText(e.currentTarget.value)}
              style={{ flex: "1 1 18rem" }}
            />
            {sort && (
              <NativeSelect
                label={sort.label}
                value={sort.value}
                onChange={(e) => sort.onChange(e.currentTarget.value)}
                data={sort.options}
                style={{ flex: "0 1 13rem" }}
              />
            )}
          </Group>
        </form>
      </search>

      {props.belowSearch}

      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text fw={600} role="status" aria-live="polite" aria-atomic="true">
          {props.status}
        </Text>
        <Group gap="xs">
          {props.toolbar}
          <Button variant="default" hiddenFrom="md" onClick={filtersDrawer.open} aria-haspopup="dialog">
            {filters.buttonLabel}
          </Button>
        </Group>
      </Group>

      {props.chosen}

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }} visibleFrom="md">
          <Box component="aside" aria-labelledby={titleId}>
            <Title order={2} size="h4" id={titleId} mb="sm">
              {filters.title}
            </Title>
            {filters.content}
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack gap="md" aria-busy={query.isFetching}>
            {query.isError && <ProblemAlert error={query.error} />}
            {query.isPending && (
              <Stack gap="md" aria-hidden="true">
                <Skeleton height={120} />
                <Skeleton height={120} />
                <Skeleton height={120} />
              </Stack>
            )}
            {data &&
              data.items.length === 0 &&
              (data.total > 0 && props.outOfRange ? (
                <CatalogOutOfRange {...props.outOfRange} onFirst={() => props.onPage(1)} />
              ) : (
                props.empty
              ))}
            {data && data.items.length > 0 && (
              <>
                {data.items.map((item) => (
                  <Fragment key={props.itemKey(item)}>{props.renderItem(item)}</Fragment>
                ))}
                <Pager
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onChange={(p) => {
                    props.onPage(p);
                    window.scrollTo(0, 0);
                  }}
                />
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      <LazyDrawer
        opened={filtersOpened}
        onClose={filtersDrawer.close}
        title={filters.title}
        position="bottom"
        size="85%"
        hiddenFrom="md"
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <Stack gap="lg">
          {filters.content}
          <Stack
            gap="xs"
            style={{ position: "sticky", bottom: 0, background: "var(--mantine-color-body)" }}
            py="sm"
          >
            <Button onClick={filtersDrawer.close} fullWidth>
              {filters.showResults}
            </Button>
            {filters.onReset && (
              <Button variant="default" fullWidth onClick={filters.onReset}>
                {t("common.resetFilters")}
              </Button>
            )}
          </Stack>
        </Stack>
      </LazyDrawer>
    </Stack>
  );
}

/** The card shown when nothing matches: a heading, a sentence, and what to do next. */
export function CatalogEmpty({ title, text, actions }: { title: string; text: string; actions?: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text>{text}</Text>
        {actions && <Group gap="sm">{actions}</Group>}
      </Stack>
    </Card>
  );
}

/** The page asked for is past the results: say so and offer the first page. */
function CatalogOutOfRange({
  text,
  firstPage,
  onFirst,
}: {
  text: string;
  firstPage: string;
  onFirst: () => void;
}) {
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm" align="flex-start">
        <Text>{text}</Text>
        <Button variant="default" onClick={onFirst}>
          {firstPage}
        </Button>
      </Stack>
    </Card>
  );
}

export interface ChosenFilter {
  facet: string;
  value: string;
  label: string;
}

/**
 * A catalog's chosen filter values as badges, each with a button that removes it, and "reset filters";
 * nothing when none is chosen.
 */
export function ChosenFilters({
  chosen,
  groupLabel,
  removeLabel,
  onRemove,
  onReset,
}: {
  chosen: readonly ChosenFilter[];
  /** The group's accessible name ("Chosen filters"). */
  groupLabel: string;
  /** The remove button's accessible name for a value's label. */
  removeLabel: (label: string) => string;
  onRemove: (facet: string, value: string) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  if (chosen.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" aria-label={groupLabel} role="group">
      {chosen.map(({ facet, value, label }) => (
        <Badge
          key={`${facet}:${value}`}
          variant="outline"
          color="indigo"
          tt="none"
          size="lg"
          pr={2}
          rightSection={
            <CloseButton size="xs" aria-label={removeLabel(label)} onClick={() => onRemove(facet, value)} />
          }
        >
          {label}
        </Badge>
      ))}
      <Button variant="subtle" size="compact-sm" onClick={onReset}>
        {t("common.resetFilters")}
      </Button>
    </Group>
  );
}
