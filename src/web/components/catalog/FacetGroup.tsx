import { Button, Checkbox, Fieldset, Group, Stack, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useFormat } from "../../format";

export interface FacetRow {
  value: string;
  label: string;
  count: number;
}

interface Props {
  legend: string;
  /** In display order; a chosen value with no count still belongs here (count 0). */
  rows: FacetRow[];
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  /** How many values show before "Show all". */
  top: number;
  /** Counts are estimates ("≈"). */
  approximate?: boolean;
  /** Read before a count by screen readers, e.g. "Organizations:". */
  countPrefix: string;
  showAll: (n: number) => string;
  showLess: string;
}

/**
 * One facet of a catalog: a checkbox per value with its count, the first `top` values and the chosen
 * ones shown, the rest behind "Show all".
 */
export function FacetGroup({
  legend,
  rows,
  selected,
  onToggle,
  top,
  approximate = false,
  countPrefix,
  showAll,
  showLess,
}: Props) {
  const format = useFormat();
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  if (rows.length === 0) return null;
  const long = rows.length > top;
  const shown = expanded || !long ? rows : rows.filter((r, i) => i < top || selected.includes(r.value));
  const listId = `${id}-list`;
  return (
    <Fieldset variant="unstyled" legend={legend} styles={{ legend: { fontWeight: 600, padding: 0 } }}>
      <Stack gap={8} mt={6} id={listId}>
        {shown.map((row, i) => (
          <Group key={row.value} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Checkbox
              label={row.label}
              checked={selected.includes(row.value)}
              onChange={(e) => onToggle(row.value, e.currentTarget.checked)}
              // by position: values (provider names) may hold spaces, which an id list cannot
              aria-describedby={`${id}-count-${i}`}
              styles={{ label: { wordBreak: "break-word" } }}
            />
            <Text id={`${id}-count-${i}`} size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              <span className="sr-only">{countPrefix}</span>
              {approximate && row.count > 0 ? "≈\u00a0" : ""}
              {format.number(row.count)}
            </Text>
          </Group>
        ))}
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
          {expanded ? showLess : showAll(rows.length)}
        </Button>
      )}
    </Fieldset>
  );
}

/** Rows of a facet from the server's counts, with the chosen values kept (0 when nothing matches). */
export function facetRows(
  values: readonly { value: string; count: number }[],
  selected: readonly string[],
  label: (value: string) => string,
): FacetRow[] {
  const rows = new Map<string, FacetRow>();
  for (const v of values) rows.set(v.value, { value: v.value, label: label(v.value), count: v.count });
  for (const s of selected) if (!rows.has(s)) rows.set(s, { value: s, label: label(s), count: 0 });
  return [...rows.values()];
}
