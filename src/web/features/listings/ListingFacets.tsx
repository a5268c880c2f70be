import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type facetFields, facetShown, type ListingKindName } from "../../../shared/listings";
import { FacetGroup, facetRows } from "../../components/catalog/FacetGroup";
import { fieldLabel, useLocale } from "./labels";
import type { ListingsPage } from "./types";

const TOP = 10;

/**
 * A kind's catalog facets: a group of checkboxes per filterable field, the values by count; a field
 * with a condition only under filters that meet it (Moscow's okrugs once Moscow is chosen).
 */
export function ListingFacets({
  kind,
  fields,
  facets,
  selected,
  onToggle,
  labelOf,
}: {
  kind: ListingKindName;
  fields: ReturnType<typeof facetFields>;
  facets: ListingsPage["facets"];
  selected: Record<string, string[]>;
  onToggle: (facet: string, value: string, checked: boolean) => void;
  labelOf: (facet: string, value: string) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="lg">
      {fields
        .filter((f) => facetShown(f, selected))
        .map((f) => {
          const values = facets.find((x) => x.field === f.key)?.values ?? [];
          const rows = facetRows(values, selected[f.key] ?? [], (v) => labelOf(f.key, v)).sort(
            (a, b) => b.count - a.count || a.label.localeCompare(b.label, locale),
          );
          return (
            <FacetGroup
              key={f.key}
              legend={fieldLabel(t, kind, f.key)}
              rows={rows}
              selected={selected[f.key] ?? []}
              onToggle={(value, checked) => onToggle(f.key, value, checked)}
              top={TOP}
              countPrefix={t("listings.catalog.countPrefix")}
              showAll={(n) => t("listings.catalog.showAll", { n })}
              showLess={t("listings.catalog.showLess")}
            />
          );
        })}
    </Stack>
  );
}
