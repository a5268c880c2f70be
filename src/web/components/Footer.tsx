import { Anchor, Container, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

// Its texts are footer.json, loaded with this lazy chunk rather than with the entry.
export default function Footer() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  return (
    <footer className="app-footer">
      <Container size="lg">
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t("footer.copyright", { year })}</Text>
          <Group gap="md">
            <Anchor component={Link} to="/numbers" size="sm">
              {t("footer.numbers")}
            </Anchor>
            <Anchor component={Link} to="/open-data" size="sm">
              {t("footer.openData")}
            </Anchor>
            <Anchor component={Link} to="/privacy" size="sm">
              {t("footer.privacy")}
            </Anchor>
          </Group>
        </Group>
      </Container>
    </footer>
  );
}
