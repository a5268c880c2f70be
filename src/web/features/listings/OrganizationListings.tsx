import { Anchor, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { SectionCard } from "../../components/SectionCard";
import { titleOf, useLocale } from "./labels";
import { listingKeys } from "./queries";

/**
 * An organization's published listings on its public page (a chunk of its own, loaded with the
 * listings' texts: the directory's page carries neither). Nothing is shown when it has none.
 */
export default function OrganizationListings({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useQuery({
    queryKey: [...listingKeys.all, "published-of", organizationId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET("/api/organizations/{id}/published-listings", {
          params: { path: { id: organizationId } },
          signal,
        }),
      ),
  });
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  return (
    <SectionCard titleGap="sm" id="org-listings" title={t("listings.ofOrganization")}>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((l) => (
          <li key={l.id}>
            <Anchor component={Link} to={`/listings/${l.id}`}>
              {titleOf(l, locale)}
            </Anchor>
            <Text span size="sm" c="dimmed">
              {" · "}
              {t(`listings.kinds.${l.kind}.title`)}
            </Text>
          </li>
        ))}
      </Stack>
    </SectionCard>
  );
}
