import { Skeleton, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/constants";
import { ORG_STATUSES, ORG_TYPES, SME_CATEGORIES } from "../../../shared/organizations";
import { FacetGroup, type FacetRow, facetRows } from "../../components/catalog/FacetGroup";
import { facetLabel, useLocale } from "./labels";
import { FACETS, type FacetName, type FacetValue } from "./types";

/** How many values a long facet shows before "Show all". */
const TOP = 10;

/** Facets with a natural order keep it; the others go by count, then by name. */
const FIXED_ORDER: Partial<Record<FacetName, readonly string[]>> = {
  status: ORG_STATUSES,
  type: ORG_TYPES,
  sme: SME_CATEGORIES,
};

function rowsOf(facet: FacetName, values: FacetValue[], selected: string[], locale: Locale): FacetRow[] {
  // a chosen value stays visible (with 0) even when the other filters leave nothing for it
  const list = facetRows(values, selected, (v) => facetLabel(facet, v, locale));
  const order = FIXED_ORDER[facet];
  if (order) return list.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  return list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale));
}

export function Facets({
  facets,
  approximate = [],
  selected,
  loading,
  onToggle,
}: {
  facets: Record<FacetName, FacetValue[]> | undefined;
  approximate?: FacetName[];
  selected: Record<FacetName, string[]>;
  loading: boolean;
  onToggle: (facet: FacetName, value: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!facets) {
    return loading ? (
      <Stack gap="md" aria-hidden="true">
        <Skeleton height={120} />
        <Skeleton height={90} />
        <Skeleton height={90} />
      </Stack>
    ) : null;
  }
  return (
    <Stack gap="lg">
      {FACETS.map((f) => (
        <FacetGroup
          key={f}
          legend={t(`directory.facets.${f}`)}
          rows={rowsOf(f, facets[f] ?? [], selected[f], locale)}
          selected={selected[f]}
          approximate={approximate.includes(f)}
          onToggle={(value, checked) => onToggle(f, value, checked)}
          top={TOP}
          countPrefix={t("directory.facets.countPrefix")}
          showAll={(n) => t("directory.facets.showAll", { n })}
          showLess={t("directory.facets.showLess")}
        />
      ))}
    </Stack>
  );
}
