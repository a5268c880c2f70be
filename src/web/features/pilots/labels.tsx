import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLORS: Record<string, string> = {
  completed: "green",
  running: "blue",
  agreed: "teal",
  rejected: "red",
  withdrawn: "gray",
};

/** A pilot's state as a badge (the states under review in yellow with black text, for AA contrast). */
export function PilotStateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const color = COLORS[state];
  return (
    <Badge variant="light" color={color ?? "yellow"} c={color ? undefined : "black"}>
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
