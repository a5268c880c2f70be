import { Alert, Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The operator belongs to the organization (or filed the request): another operator decides. */
export function OwnOrganizationNote() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t("verification.own.title")}>
      {t("verification.own.text")}
    </Alert>
  );
}

export function OwnOrganizationBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="yellow" variant="light" mt={4}>
      {t("verification.own.badge")}
    </Badge>
  );
}
