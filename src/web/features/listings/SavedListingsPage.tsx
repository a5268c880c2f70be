import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client } from "../../api/client";
import { useSavedChange } from "../../components/follow";
import { PageHeader } from "../../components/PageHeader";
import { SavedSearches, SavedSection } from "../../components/savedPage";
import { usePageTitle } from "../../components/usePageTitle";
import { catalogLink, useListingFavourites, useSavedSearches } from "./follow";
import { ListingCardView } from "./ListingCardView";
import { listingKeys } from "./queries";

/** The signed-in user's saved searches and favourite listings of the exchanges (/listings/saved). */
export default function SavedListingsPage() {
  const { t } = useTranslation();
  usePageTitle(t("listingsSaved.title"));
  const favourites = useListingFavourites();
  const searches = useSavedSearches();
  const unstar = useSavedChange(async (id: string) => {
    const { error } = await client.DELETE("/api/listings/{id}/favourite", { params: { path: { id } } });
    if (error) throw error;
  }, listingKeys.favourites);
  const toExchanges = (
    <Button component={Link} to="/exchanges" variant="light">
      {t("listingsSaved.toExchanges")}
    </Button>
  );

  return (
    <Stack gap="lg">
      <PageHeader title={t("listingsSaved.title")} subtitle={t("listingsSaved.lead")} />
      <SavedSearches
        id="saved-listing-searches"
        texts={{
          title: t("listingsSaved.searches"),
          hint: t("listingsSaved.searchesHint"),
          savedOn: (date) => t("listingsSaved.createdAt", { date }),
          remove: (name) => t("listingsSaved.deleteSearch", { name }),
        }}
        searches={searches}
        list={listingKeys.savedSearches}
        remove={async (id) => {
          const { error } = await client.DELETE("/api/listing-searches/{id}", { params: { path: { id } } });
          if (error) throw error;
        }}
        linkOf={(s) => catalogLink(s.kind, s.query)}
        about={(s) => t(`listings.kinds.${s.kind}.title`)}
        empty={
          <Stack gap="sm" align="flex-start">
            <Text>{t("listingsSaved.noSearches")}</Text>
            {toExchanges}
          </Stack>
        }
      />
      <SavedSection
        id="saved-listing-favourites"
        title={t("listingsSaved.favourites")}
        hint={t("listingsSaved.favouritesHint")}
        query={favourites}
        items={favourites.data?.items}
        skeleton={120}
        empty={
          <Stack gap="sm" align="flex-start">
            <Text>{t("listingsSaved.noFavourites")}</Text>
            {toExchanges}
          </Stack>
        }
      >
        {(items) =>
          items.map((l) => (
            <ListingCardView
              key={l.id}
              item={l}
              headingLevel={3}
              action={
                <Group>
                  <Button
                    size="compact-sm"
                    variant="default"
                    loading={unstar.isPending && unstar.variables === l.id}
                    onClick={() => unstar.mutate(l.id)}
                  >
                    {t("listingsSaved.removeFavourite")}
                  </Button>
                </Group>
              }
            />
          ))
        }
      </SavedSection>
    </Stack>
  );
}
