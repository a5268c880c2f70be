import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { descriptionOf, fieldLabel, hasValue, kindOf, titleOf, useLocale, useValueText } from "./labels";
import type { ListingCard } from "./types";

/** A listing in a list (the catalog, favourites): title, organization, description, a few facts. */
export function ListingCardView({
  item,
  headingLevel = 2,
  action,
}: {
  item: ListingCard;
  headingLevel?: 2 | 3;
  /** A control under the facts (e.g. unstarring it in the favourites). */
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useValueText();
  const kind = kindOf(item.kind);
  // The card shows the kind's first few public values (the page shows them all).
  const facts = kind.fields.filter((f) => hasValue(item.values[f.key]) && f.type !== "longText").slice(0, 4);
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Title order={headingLevel} size="h4" style={{ overflowWrap: "anywhere" }}>
          <Anchor component={Link} to={`/listings/${item.id}`} underline="hover" c="indigo.9">
            {titleOf(item, locale)}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {item.organization.shortName}
        </Text>
        {/* Behind an NDA the card carries no description: say why. */}
        {item.descriptionRu === "" && item.values.ndaRequired === true ? (
          <Text size="sm" c="dimmed">
            {t("listings.nda.title")}
          </Text>
        ) : (
          <Text size="sm" lineClamp={2}>
            {descriptionOf(item, locale)}
          </Text>
        )}
        <Text size="sm" component="ul" m={0} pl="md">
          {facts.map((f) => (
            <li key={f.key}>
              {fieldLabel(t, item.kind, f.key)}: {text(f, item.values[f.key]!)}
            </li>
          ))}
        </Text>
        {action}
      </Stack>
    </Card>
  );
}
