import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/constants";
import { DISTRICT_LABELS, OKRUG_LABELS } from "../../../shared/listings";

const COLORS: Record<string, string> = {
  completed: "green",
  running: "blue",
  agreed: "teal",
  rejected: "red",
  withdrawn: "gray",
};

/** A pilot's state as a badge. */
export function PilotStateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[state] ?? "yellow"}>
      {t(`pilots.states.${state}`)}
    </Badge>
  );
}

/** Where a site is: its district and okrug with the address, or its region. */
export function usePlace() {
  const { i18n } = useTranslation();
  const l = (i18n.language === "en" ? "en" : "ru") as Locale;
  return (s: {
    okrug: string | null;
    district: string | null;
    address: string | null;
    region: string | null;
  }) =>
    [
      s.district ? DISTRICT_LABELS[s.district as keyof typeof DISTRICT_LABELS]?.[l] : null,
      s.okrug ? OKRUG_LABELS[s.okrug as keyof typeof OKRUG_LABELS]?.[l] : null,
      s.address ?? s.region,
    ]
      .filter(Boolean)
      .join(", ");
}
