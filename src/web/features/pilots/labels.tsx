import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

// Filled, dark shades with AA contrast, as components/badgeColors gives them (spelled here: importing it
// would split it into a chunk of its own on the sites' first paint); the reviews in yellow with black.
const COLORS: Record<string, string> = {
  completed: "teal.9",
  running: "blue.9",
  agreed: "indigo.9",
  rejected: "red.9",
  withdrawn: "gray.7",
};

/** A pilot's state as a badge (in colours with AA contrast: a light yellow one had too little). */
export function PilotStateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const color = COLORS[state];
  return (
    <Badge variant="filled" color={color ?? "yellow"} c={color ? undefined : "black"}>
      {t(`pilots.states.${state}`)}
    </Badge>
  );
}

/**
 * Where a site is: its okrug with the address, or its region (the okrugs' labels are the pilots' own texts,
 * so the public pages do not carry the exchanges' vocabularies).
 */
export function usePlace() {
  const { t } = useTranslation();
  return (s: { okrug: string | null; address: string | null; region: string | null }) =>
    [s.okrug ? t(`pilots.okrugs.${s.okrug}`) : null, s.address ?? s.region].filter(Boolean).join(", ");
}
