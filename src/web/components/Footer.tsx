import { Anchor, Container, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function Footer() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  return (
    <footer className="app-footer">
      <Container size="lg">
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t("common.footer.copyright", { year })}</Text>
          <Anchor component={Link} to="/privacy" size="sm">
            {t("common.footer.privacy")}
          </Anchor>
        </Group>
      </Container>
    </footer>
  );
}
