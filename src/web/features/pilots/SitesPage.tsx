import {
  Anchor,
  Badge,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { MOSCOW_OKRUGS } from "../../../shared/moscow";
import { SITE_TYPES } from "../../../shared/pilots";
import { EmptyState } from "../../components/EmptyState";
import { LazyPager as Pager } from "../../components/LazyPager";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { usePlace } from "./labels";
import { pilotQueries } from "./queries";
import type { SiteCard, SitesQuery } from "./types";

const PAGE_SIZE = 20;

function SiteCardView({ s }: { s: SiteCard }) {
  const { t } = useTranslation();
  const place = usePlace();
  const format = useFormat();
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/pilot-sites/${s.id}`} fw={600} size="lg">
            {s.name}
          </Anchor>
          <Badge variant="light">{t(`pilots.siteTypes.${s.type}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {s.organization.shortName} · {place(s)}
        </Text>
        <Text size="sm">{s.testable}</Text>
        <Text size="sm">
          {s.paid && s.price !== null
            ? t("pilots.site.paid", { price: format.number(s.price) })
            : t("pilots.site.free")}{" "}
          · {t("pilots.site.places", { busy: s.busy, capacity: s.capacity })}
        </Text>
      </Stack>
    </Card>
  );
}

/** The public catalog of pilot-testing sites: text, type, okrug, free or paid; a list by district, no map. */
export default function SitesPage() {
  const { t } = useTranslation();
  usePageTitle(t("pilots.catalog.title"));
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? "";
  const page = Math.max(1, Number.parseInt(get("page") || "1", 10) || 1);
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete("page");
    setParams(next, { replace: true });
  };
  const query: SitesQuery = {
    q: get("q") || undefined,
    type: (SITE_TYPES as readonly string[]).includes(get("type"))
      ? ([get("type")] as SitesQuery["type"])
      : undefined,
    okrug: (MOSCOW_OKRUGS as readonly string[]).includes(get("okrug"))
      ? (get("okrug") as SitesQuery["okrug"])
      : undefined,
    price: get("price") === "free" || get("price") === "paid" ? (get("price") as "free" | "paid") : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const result = useQuery({ ...pilotQueries.sites(query), placeholderData: keepPreviousData });
  return (
    <Stack gap="lg">
      <PageHeader title={t("pilots.catalog.title")} subtitle={t("pilots.catalog.lead")} />
      <form
        aria-label={t("pilots.catalog.searchForm")}
        onSubmit={(e) => {
          e.preventDefault();
          set("q", String(new FormData(e.currentTarget).get("q") ?? "").trim());
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput name="q" label={t("pilots.catalog.search")} defaultValue={get("q")} />
          <NativeSelect
            label={t("pilots.catalog.type")}
            value={query.type?.[0] ?? ""}
            data={[
              { value: "", label: t("pilots.catalog.any") },
              ...SITE_TYPES.map((v) => ({ value: v, label: t(`pilots.siteTypes.${v}`) })),
            ]}
            onChange={(e) => set("type", e.currentTarget.value)}
          />
          <NativeSelect
            label={t("pilots.catalog.okrug")}
            value={query.okrug ?? ""}
            data={[
              { value: "", label: t("pilots.catalog.any") },
              ...MOSCOW_OKRUGS.map((v) => ({ value: v, label: t(`pilots.okrugs.${v}`) })),
            ]}
            onChange={(e) => set("okrug", e.currentTarget.value)}
          />
          <NativeSelect
            label={t("pilots.catalog.price")}
            value={query.price ?? ""}
            data={[
              { value: "", label: t("pilots.catalog.any") },
              { value: "free", label: t("pilots.site.free") },
              { value: "paid", label: t("pilots.catalog.paid") },
            ]}
            onChange={(e) => set("price", e.currentTarget.value)}
          />
        </SimpleGrid>
      </form>
      {result.error ? (
        <ProblemAlert error={result.error} />
      ) : !result.data ? (
        <Skeleton height={300} />
      ) : result.data.items.length === 0 ? (
        <EmptyState text={t("pilots.catalog.empty")} hint={t("pilots.catalog.emptyHint")} />
      ) : (
        <Stack gap="sm">
          {result.data.items.map((s) => (
            <SiteCardView key={s.id} s={s} />
          ))}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={result.data.total}
            onChange={(p) => {
              const next = new URLSearchParams(params);
              next.set("page", String(p));
              setParams(next);
            }}
          />
        </Stack>
      )}
    </Stack>
  );
}
