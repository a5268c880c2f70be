import { Anchor, Card, Skeleton, Text, Title } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { useFormat } from "../../format";

/** The next published events (GET /api/events/next), declared here so the home page shares no chunk with the catalog. */
const nextEventsQuery = queryOptions({
  queryKey: ["events", "next"] as const,
  queryFn: ({ signal }) => unwrap(client.GET("/api/events/next", { signal })),
  staleTime: 60_000,
});

/** The home page's block of the next events, linking to the catalog. */
export function NextEvents() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery(nextEventsQuery);
  const items = list.data?.items;
  return (
    <section aria-labelledby="next-events-title">
      <Title order={2} id="next-events-title" mb="md">
        {t("eventsHome.title")}
      </Title>
      {list.isError ? null : !items ? (
        <Skeleton height={120} />
      ) : items.length === 0 ? (
        <Text>{t("eventsHome.empty")}</Text>
      ) : (
        <div className="tile-grid tile-grid--sm">
          {items.map((e) => (
            <Card key={e.id} withBorder padding="lg" component="article">
              <Anchor component={Link} to={`/events/${e.id}`} fw={600}>
                {e.titleRu}
              </Anchor>
              <Text size="sm" mt="xs">
                {format.wallTime(e.startsAt)}
                {e.venueRu ? ` · ${e.venueRu}` : ""}
              </Text>
            </Card>
          ))}
        </div>
      )}
      <Anchor component={Link} to="/events" mt="md" display="inline-block" fw={500}>
        {t("eventsHome.all")}
      </Anchor>
    </section>
  );
}
