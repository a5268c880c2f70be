import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client } from "../../api/client";
import { SavedSearches, SavedSection } from "../../components/savedPage";
import { usePageTitle } from "../../components/usePageTitle";
import { MeasureCardView } from "./MeasureCardView";
import { measureKeys } from "./queries";
import { searchOf, useFavourites, useSubscriptions } from "./subscriptions";

/** The signed-in user's favourite measures and saved searches. */
export default function SavedPage() {
  const { t } = useTranslation();
  usePageTitle(t("measuresWork.saved.title"));
  const favourites = useFavourites();
  const subscriptions = useSubscriptions();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/measures" size="sm">
        {t("measures.page.back")}
      </Anchor>
      <Title order={1}>{t("measuresWork.saved.title")}</Title>

      <SavedSearches
        id="saved-searches"
        texts={{
          title: t("measuresWork.saved.searches"),
          hint: t("measuresWork.saved.searchesHint"),
          savedOn: (date) => t("measuresWork.saved.createdAt", { date }),
          remove: (name) => t("measuresWork.saved.deleteSearch", { name }),
        }}
        searches={subscriptions}
        list={measureKeys.subscriptions}
        remove={(id) => client.DELETE("/api/measures/subscriptions/{id}", { params: { path: { id } } })}
        linkOf={(s) => `/measures${searchOf(s.query)}`}
        empty={
          <Text>
            {t("measuresWork.saved.noSearches")}{" "}
            <Anchor component={Link} to="/measures">
              {t("measuresWork.saved.toNavigator")}
            </Anchor>
          </Text>
        }
      />

      <SavedSection
        id="saved-favourites"
        title={t("measuresWork.saved.favourites")}
        hint={t("measuresWork.saved.favouritesHint")}
        query={favourites}
        items={favourites.data?.items}
        skeleton={120}
        empty={<Text>{t("measuresWork.saved.noFavourites")}</Text>}
      >
        {(items) => items.map((m) => <MeasureCardView key={m.id} measure={m} headingLevel={3} />)}
      </SavedSection>
    </Stack>
  );
}
