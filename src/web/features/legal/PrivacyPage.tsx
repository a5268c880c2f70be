import { List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PRIVACY_POLICY_VERSION } from "../../../shared/constants";
import { usePageTitle } from "../../components/usePageTitle";

interface PolicySection {
  title: string;
  paragraphs: string[];
  items: string[];
}

export default function PrivacyPage() {
  const { t } = useTranslation();
  usePageTitle(t("legal.privacy.title"));
  const sections = t("legal.privacy.sections", { returnObjects: true }) as unknown as PolicySection[];

  return (
    <Stack gap="sm" maw={820} className="policy" component="article">
      <Title order={1}>{t("legal.privacy.title")}</Title>
      <Text fw={600}>{t("legal.privacy.version", { version: PRIVACY_POLICY_VERSION })}</Text>
      <Text>{t("legal.privacy.intro")}</Text>
      {Array.isArray(sections) &&
        sections.map((section) => (
          <section key={section.title}>
            <Title order={2} size="h3" mb="xs">
              {section.title}
            </Title>
            <Stack gap="xs">
              {section.paragraphs.map((p) => (
                <Text key={p}>{p}</Text>
              ))}
              {section.items.length > 0 && (
                <List spacing={4}>
                  {section.items.map((item) => (
                    <List.Item key={item}>{item}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </section>
        ))}
    </Stack>
  );
}
