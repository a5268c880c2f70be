import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EXCHANGES } from "../../../shared/listings";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { useMe } from "../../session";

/** The exchanges: a section per exchange, a card per listing kind in it, each opening its catalog. */
export default function ExchangesPage() {
  const { t } = useTranslation();
  usePageTitle(t("listings.title"));
  const { user } = useMe();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("listings.title")}
        subtitle={t("listings.lead")}
        actions={
          user && (
            <Group gap="sm">
              <Button component={Link} to="/listings/mine" variant="default">
                {t("listings.myListings")}
              </Button>
              <Button component={Link} to="/responses" variant="default">
                {t("listings.myResponses")}
              </Button>
              <Button component={Link} to="/listings/saved" variant="default">
                {t("listings.savedLink")}
              </Button>
            </Group>
          )
        }
      />
      {EXCHANGES.map((exchange) => (
        <Stack key={exchange.key} gap="sm" component="section" aria-labelledby={`exchange-${exchange.key}`}>
          <Title order={2} size="h3" id={`exchange-${exchange.key}`}>
            {t(`listings.exchanges.${exchange.key}`)}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            {exchange.kinds.map((kind) => (
              <Card key={kind} withBorder padding="lg" component="article">
                <Stack gap="sm" align="flex-start">
                  <Title order={3} size="h4">
                    <Anchor component={Link} to={`/exchanges/${kind}`} c="indigo.9">
                      {t(`listings.kinds.${kind}.title`)}
                    </Anchor>
                  </Title>
                  <Text>{t(`listings.kinds.${kind}.lead`)}</Text>
                  {user && (
                    <Button component={Link} to={`/listings/new?kind=${kind}`} variant="light">
                      {t(`listings.kinds.${kind}.new`)}
                    </Button>
                  )}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
