// The pieces of a "saved" page (the navigator's /measures/saved, the exchanges' /listings/saved): a
// section with its list in every state, and the section of saved searches, each leading to its
// catalog and removable (the buttons that save are in follow.tsx).
import { ActionIcon, Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { QueryKey } from "@tanstack/react-query";
import type { ComponentProps, ReactNode } from "react";
import { Link } from "react-router";
import { useFormat } from "../format";
import { useSavedChange } from "./follow";
import { QueryList } from "./QueryList";

/** One list of a saved page: its h2, a line on where its entries come from, the list in its states. */
export function SavedSection<T>({
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

/** A saved search as the saved pages list it. */
interface SavedSearch {
  id: string;
  name: string;
  createdAt: string;
}

/**
 * The user's saved searches: each leads to the catalog as searched (`linkOf`), says when it was saved
 * (after `about`, when given) and is removed by `remove` (then `list` is read again). The texts are the
 * feature's, translated (see follow.tsx).
 */
export function SavedSearches<S extends SavedSearch>({
  id,
  texts,
  searches,
  list,
  remove,
  linkOf,
  about,
  empty,
}: {
  id: string;
  texts: {
    title: string;
    hint: string;
    savedOn: (date: string) => string;
    remove: (name: string) => string;
  };
  searches: ComponentProps<typeof QueryList<S>>["query"] & { data?: { items: S[] } };
  list: QueryKey;
  remove: (id: string) => Promise<unknown>;
  linkOf: (s: S) => string;
  about?: (s: S) => string;
  empty: ReactNode;
}) {
  const format = useFormat();
  const removal = useSavedChange(remove, list);
  return (
    <SavedSection
      id={id}
      title={texts.title}
      hint={texts.hint}
      query={searches}
      items={searches.data?.items}
      skeleton={60}
      empty={empty}
    >
      {(items) =>
        items.map((s) => (
          <Card key={s.id} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={linkOf(s)} style={{ overflowWrap: "anywhere" }}>
                  {s.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {about ? `${about(s)} · ` : ""}
                  {texts.savedOn(format.date(s.createdAt))}
                </Text>
              </Stack>
              <ActionIcon
                variant="subtle"
                color="red.9"
                aria-label={texts.remove(s.name)}
                loading={removal.isPending && removal.variables === s.id}
                onClick={() => removal.mutate(s.id)}
              >
                <span aria-hidden="true">✕</span>
              </ActionIcon>
            </Group>
          </Card>
        ))
      }
    </SavedSection>
  );
}
