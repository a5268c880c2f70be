import { ActionIcon, Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { QueryList } from "../../components/QueryList";
import { toastError } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { catalogLink, useListingFavourites, useSavedSearches } from "./follow";
import { ListingCardView } from "./ListingCardView";
import { listingKeys } from "./queries";

function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {children}
    </Stack>
  );
}

/** The signed-in user's saved searches and favourite listings of the exchanges (/listings/saved). */
export default function SavedListingsPage() {
  const { t } = useTranslation();
  usePageTitle(t("listingsSaved.title"));
  const format = useFormat();
  const queryClient = useQueryClient();
  const favourites = useListingFavourites();
  const searches = useSavedSearches();
  const remove = useMutation({
    mutationFn: async (id: string) => {
      const { error } = await client.DELETE("/api/listing-searches/{id}", { params: { path: { id } } });
      if (error) throw error;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listingKeys.savedSearches }),
    onError: toastError,
  });
  const unstar = useMutation({
    mutationFn: async (id: string) => {
      const { error } = await client.DELETE("/api/listings/{id}/favourite", { params: { path: { id } } });
      if (error) throw error;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listingKeys.favourites }),
    onError: toastError,
  });
  const toExchanges = (
    <Button component={Link} to="/exchanges" variant="light">
      {t("listingsSaved.toExchanges")}
    </Button>
  );

  return (
    <Stack gap="lg">
      <PageHeader title={t("listingsSaved.title")} subtitle={t("listingsSaved.lead")} />
      <Section
        id="saved-listing-searches"
        title={t("listingsSaved.searches")}
        hint={t("listingsSaved.searchesHint")}
      >
        <QueryList
          query={searches}
          items={searches.data?.items}
          skeleton={60}
          empty={
            <Stack gap="sm" align="flex-start">
              <Text>{t("listingsSaved.noSearches")}</Text>
              {toExchanges}
            </Stack>
          }
        >
          {(items) =>
            items.map((s) => (
              <Card key={s.id} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Anchor
                      component={Link}
                      to={catalogLink(s.kind, s.query)}
                      style={{ overflowWrap: "anywhere" }}
                    >
                      {s.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`listings.kinds.${s.kind}.title`)} ·{" "}
                      {t("listingsSaved.createdAt", { date: format.date(s.createdAt) })}
                    </Text>
                  </Stack>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t("listingsSaved.deleteSearch", { name: s.name })}
                    loading={remove.isPending && remove.variables === s.id}
                    onClick={() => remove.mutate(s.id)}
                  >
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                </Group>
              </Card>
            ))
          }
        </QueryList>
      </Section>
      <Section
        id="saved-listing-favourites"
        title={t("listingsSaved.favourites")}
        hint={t("listingsSaved.favouritesHint")}
      >
        <QueryList
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
        </QueryList>
      </Section>
    </Stack>
  );
}
