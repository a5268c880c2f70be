import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Shown next to the status of an organization the operator has not verified from a document yet. */
export function UnverifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  if (verified) return null;
  return (
    <Badge color="red.9" variant="outline" title={t("common.unverifiedBadge.hint")}>
      {t("common.unverifiedBadge.unverified")}
    </Badge>
  );
}
