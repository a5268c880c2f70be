import { Checkbox, Radio, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FacetGroup, facetRows } from "../../components/catalog/FacetGroup";
import { useFormat } from "../../format";
import { useMeasureText } from "./labels";
import type { ListFacet, NavigatorState } from "./searchParams";
import { AMOUNT_BUCKETS, type FacetValue, type SearchPage } from "./types";

const TOP = 8;

function ListFacetGroup({
  facet,
  values,
  selected,
  onToggle,
}: {
  facet: ListFacet;
  values: FacetValue[];
  selected: string[];
  onToggle: (facet: ListFacet, value: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const text = useMeasureText();
  return (
    <FacetGroup
      legend={t(`measures.facets.${facet}`)}
      rows={facetRows(values, selected, (v) => text.facetLabel(facet, v))}
      selected={selected}
      onToggle={(value, checked) => onToggle(facet, value, checked)}
      top={TOP}
      countPrefix={t("measures.facets.countPrefix")}
      showAll={(n) => t("measures.facets.showAll", { n })}
      showLess={t("measures.facets.showLess")}
    />
  );
}

/**
 * The navigator's facets: eligibility (for a member), open now, level and form, the amount, provider,
 * industry and technology. The page fetches them after its own code (lazyPart): the results come first.
 */
export function NavigatorFacets({
  data,
  member,
  view,
  go,
  onToggle,
}: {
  data: SearchPage;
  member: boolean;
  view: NavigatorState;
  go: (next: Partial<NavigatorState>) => void;
  onToggle: (facet: ListFacet, value: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useMeasureText();
  const openCount = data.facets.openNow?.find((f) => f.value === "true")?.count ?? 0;
  const listFacet = (facet: Exclude<ListFacet, "eligibility">) => (
    <ListFacetGroup
      key={facet}
      facet={facet}
      values={data.facets[facet] ?? []}
      selected={view.filters[facet]}
      onToggle={onToggle}
    />
  );
  return (
    <Stack gap="lg">
      {member && (
        <ListFacetGroup
          facet="eligibility"
          values={data.facets.eligibility ?? []}
          selected={view.filters.eligibility}
          onToggle={onToggle}
        />
      )}
      <Checkbox
        label={`${t("measures.facets.openNowYes")} (${format.number(openCount)})`}
        checked={view.openNow}
        onChange={(e) => go({ openNow: e.currentTarget.checked })}
      />
      {(["level", "form"] as const).map(listFacet)}
      <Radio.Group
        label={t("measures.facets.amount")}
        value={view.amount ?? ""}
        onChange={(v) => go({ amount: v || null })}
        styles={{ label: { fontWeight: 600 } }}
      >
        <Stack gap={8} mt={6}>
          <Radio value="" label={t("measures.amountBucket.any")} />
          {AMOUNT_BUCKETS.map((b) => {
            const count = data.facets.amount?.find((f) => f.value === b.key)?.count ?? 0;
            return (
              <Radio
                key={b.key}
                value={b.key}
                label={`${text.facetLabel("amount", b.key)} (${format.number(count)})`}
              />
            );
          })}
        </Stack>
      </Radio.Group>
      {(["provider", "industry", "tag"] as const).map(listFacet)}
    </Stack>
  );
}
