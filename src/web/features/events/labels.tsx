import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../format";
import type { EventCard } from "./types";

// filled dark shades keep WCAG AA contrast for a badge's small text
const STATE_COLOR = { draft: "gray.7", published: "teal.9", cancelled: "red.9" } as const;

/** An event's kind, format and (unless published) state as badges. */
export function EventBadges({ e }: { e: Pick<EventCard, "kind" | "format" | "state"> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge color="indigo.9" variant="filled">
        {t(`events.kind.${e.kind}`)}
      </Badge>
      <Badge color="gray.7" variant="outline">
        {t(`events.format.${e.format}`)}
      </Badge>
      {e.state !== "published" && (
        <Badge color={STATE_COLOR[e.state]} variant="filled">
          {t(`events.state.${e.state}`)}
        </Badge>
      )}
    </Group>
  );
}

/** When (Moscow time) and where; the places left. */
export function EventWhen({ e }: { e: EventCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const left = e.capacity === null ? null : Math.max(0, e.capacity - e.taken);
  return (
    <>
      <Text size="sm">
        {t("events.when", { start: format.wallTime(e.startsAt), end: format.wallTime(e.endsAt) })}
        {e.venueRu ? ` · ${e.venueRu}` : ""}
      </Text>
      {left !== null && (
        <Text size="sm" c="dimmed">
          {left > 0
            ? t("events.places.left", { left, capacity: e.capacity })
            : t("events.places.full", { waitlist: e.waitlist })}
        </Text>
      )}
    </>
  );
}

/** Events as cards: title (to the event's page), badges, when and where, and anything more per card. */
export function EventCards({ items, more }: { items: EventCard[]; more?: (e: EventCard) => ReactNode }) {
  return items.map((e) => (
    <Card key={e.id} withBorder component="article">
      <Stack gap={6}>
        <Anchor component={Link} to={`/events/${e.id}`} fw={600}>
          {e.titleRu}
        </Anchor>
        <EventBadges e={e} />
        <EventWhen e={e} />
        {more?.(e)}
      </Stack>
    </Card>
  ));
}
