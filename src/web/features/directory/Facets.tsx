import { Button, Checkbox, Fieldset, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/constants";
import { ORG_STATUSES, ORG_TYPES, SME_CATEGORIES } from "../../../shared/organizations";
import { useFormat } from "../../format";
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

interface Row {
  value: string;
  label: string;
  count: number;
}

function rowsOf(facet: FacetName, values: FacetValue[], selected: string[], locale: Locale): Row[] {
  const rows = new Map<string, Row>();
  for (const v of values)
    rows.set(v.value, { value: v.value, label: facetLabel(facet, v.value, locale), count: v.count });
  // a chosen value stays visible (with 0) even when the other filters leave nothing for it
  for (const s of selected) {
    if (!rows.has(s)) rows.set(s, { value: s, label: facetLabel(facet, s, locale), count: 0 });
  }
  const list = [...rows.values()];
  const order = FIXED_ORDER[facet];
  if (order) return list.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  return list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale));
}

function FacetGroup({
  facet,
  values,
  selected,
  approximate,
  onToggle,
}: {
  facet: FacetName;
  values: FacetValue[];
  selected: string[];
  approximate: boolean;
  onToggle: (facet: FacetName, value: string, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormat();
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const rows = rowsOf(facet, values, selected, locale);
  if (rows.length === 0) return null;

  const long = rows.length > TOP;
  const shown = expanded || !long ? rows : rows.filter((r, i) => i < TOP || selected.includes(r.value));
  const listId = `${id}-list`;

  return (
    <Fieldset
      variant="unstyled"
      legend={t(`directory.facets.${facet}`)}
      styles={{ legend: { fontWeight: 600, padding: 0 } }}
    >
      <Stack gap={8} mt={6} id={listId}>
        {shown.map((row) => {
          const countId = `${id}-${row.value}-count`;
          return (
            <Group key={row.value} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Checkbox
                label={row.label}
                checked={selected.includes(row.value)}
                onChange={(e) => onToggle(facet, row.value, e.currentTarget.checked)}
                aria-describedby={countId}
                styles={{ label: { wordBreak: "break-word" } }}
              />
              <Text id={countId} size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                <span className="sr-only">{t("directory.facets.countPrefix")}</span>
                {approximate && row.count > 0 ? "≈\u00a0" : ""}
                {format.number(row.count)}
              </Text>
            </Group>
          );
        })}
      </Stack>
      {long && (
        <Button
          variant="subtle"
          size="compact-sm"
          mt={6}
          px={4}
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? t("directory.facets.showLess") : t("directory.facets.showAll", { n: rows.length })}
        </Button>
      )}
    </Fieldset>
  );
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
          facet={f}
          values={facets[f] ?? []}
          selected={selected[f]}
          approximate={approximate.includes(f)}
          onToggle={onToggle}
        />
      ))}
    </Stack>
  );
}
