import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../components/usePageTitle";

export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("legal.notFound.title"));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t("legal.notFound.title")}</Title>
      <Text>{t("legal.notFound.text")}</Text>
      <Button component={Link} to="/" style={{ alignSelf: "flex-start" }}>
        {t("common.backHome")}
      </Button>
    </Stack>
  );
}
