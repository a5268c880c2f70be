import { Anchor, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { SectionCard } from "../../components/SectionCard";
import { useFormat } from "../../format";
import { titleOf, useLocale } from "./labels";
import { listingKeys } from "./queries";

/**
 * An organization's record on the exchanges (completed orders, its rating, the latest reviews) and its
 * published listings on its public page (a chunk of its own, loaded with the listings' texts: the
 * directory's page carries neither). Nothing is shown of what it has none of.
 */
export default function OrganizationListings({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormat();
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
  const record = useQuery({
    queryKey: [...listingKeys.all, "record", organizationId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET("/api/organizations/{id}/exchange-record", {
          params: { path: { id: organizationId } },
          signal,
        }),
      ),
  });
  const items = list.data?.items ?? [];
  const r = record.data;
  return (
    <>
      {r && r.completed > 0 && (
        <SectionCard titleGap="sm" id="org-exchange-record" title={t("listings.record.title")}>
          <Stack gap="sm">
            <Text fw={600}>
              {t("listings.record.completed", { count: r.completed })}
              {r.rating !== null &&
                ` · ${t("listings.record.rating", { rating: format.number(r.rating), count: r.ratings })}`}
            </Text>
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
              {r.reviews.map((v) => (
                <li key={`${v.at}-${v.customer.id}`}>
                  <Text size="sm">
                    <Text span fw={600}>
                      {t("listings.record.stars", { rating: v.rating })}
                    </Text>
                    {" · "}
                    {v.customer.shortName} · {format.date(v.at)}
                  </Text>
                  {v.review && (
                    <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                      {v.review}
                    </Text>
                  )}
                </li>
              ))}
            </Stack>
          </Stack>
        </SectionCard>
      )}
      {items.length > 0 && (
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
      )}
    </>
  );
}
