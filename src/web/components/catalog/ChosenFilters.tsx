import { Badge, Button, CloseButton, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

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
