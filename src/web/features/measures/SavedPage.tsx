import { ActionIcon, Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client } from "../../api/client";
import { QueryList } from "../../components/QueryList";
import { toastError } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { MeasureCardView } from "./MeasureCardView";
import { measureKeys } from "./queries";
import { searchOf, useFavourites, useSubscriptions } from "./subscriptions";

/** The signed-in user's favourite measures and saved searches. */
/** One list of the page: its h2, a line on where its entries come from, the list in its states. */
function SavedSection<T>({
  id,
  title,
  hint,
  ...list
}: { id: string; title: string; hint: string } & ComponentProps<typeof QueryList<T>>) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      <QueryList {...list} />
    </Stack>
  );
}

export default function SavedPage() {
  const { t } = useTranslation();
  usePageTitle(t("measures.saved.title"));
  const format = useFormat();
  const queryClient = useQueryClient();
  const favourites = useFavourites();
  const subscriptions = useSubscriptions();
  const remove = useMutation({
    mutationFn: (id: string) =>
      client.DELETE("/api/measures/subscriptions/{id}", { params: { path: { id } } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: measureKeys.subscriptions }),
    onError: (error) => toastError(error),
  });

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/measures" size="sm">
        {t("measures.page.back")}
      </Anchor>
      <Title order={1}>{t("measures.saved.title")}</Title>

      <SavedSection
        id="saved-searches"
        title={t("measures.saved.searches")}
        hint={t("measures.saved.searchesHint")}
        query={subscriptions}
        items={subscriptions.data?.items}
        skeleton={60}
        empty={
          <Text>
            {t("measures.saved.noSearches")}{" "}
            <Anchor component={Link} to="/measures">
              {t("measures.saved.toNavigator")}
            </Anchor>
          </Text>
        }
      >
        {(items) =>
          items.map((s) => (
            <Card key={s.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor
                    component={Link}
                    to={`/measures${searchOf(s.query)}`}
                    style={{ overflowWrap: "anywhere" }}
                  >
                    {s.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t("measures.saved.createdAt", { date: format.date(s.createdAt) })}
                  </Text>
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  aria-label={t("measures.saved.deleteSearch", { name: s.name })}
                  loading={remove.isPending && remove.variables === s.id}
                  onClick={() => remove.mutate(s.id)}
                >
                  <span aria-hidden="true">✕</span>
                </ActionIcon>
              </Group>
            </Card>
          ))
        }
      </SavedSection>

      <SavedSection
        id="saved-favourites"
        title={t("measures.saved.favourites")}
        hint={t("measures.saved.favouritesHint")}
        query={favourites}
        items={favourites.data?.items}
        skeleton={120}
        empty={<Text>{t("measures.saved.noFavourites")}</Text>}
      >
        {(items) => items.map((m) => <MeasureCardView key={m.id} measure={m} headingLevel={3} />)}
      </SavedSection>
    </Stack>
  );
}
