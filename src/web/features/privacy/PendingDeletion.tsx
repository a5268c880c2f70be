import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../format";

/**
 * Shown at sign-in when the account waits for its deletion: when it goes, and the one thing the
 * password still allows — cancelling the request (which signs in).
 */
export function PendingDeletion({
  erasesAt,
  loading,
  onCancel,
}: {
  erasesAt: string;
  loading: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert color="indigo" variant="light" title={t("privacy.signIn.title")} role="status">
      <Stack gap="sm">
        <Text size="sm">{t("privacy.signIn.lead", { date: format.date(erasesAt) })}</Text>
        <Button onClick={onCancel} loading={loading} style={{ alignSelf: "flex-start" }}>
          {t("privacy.signIn.cancel")}
        </Button>
      </Stack>
    </Alert>
  );
}
