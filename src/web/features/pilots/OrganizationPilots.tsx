import { Anchor, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { SectionCard } from "../../components/SectionCard";
import { useFormat } from "../../format";

/**
 * A company's successful pilots whose results it agreed to publish, on its public page (a chunk of its
 * own with its texts: the directory's page carries neither): the site, the dates, the measured effect
 * and the site owner's feedback letter. Nothing is shown when it has none.
 */
export default function OrganizationPilots({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery({
    // (the key spelled here: importing the pilots' queries would split them out of the sites' first chunk)
    queryKey: ["pilots", "of-organization", organizationId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET("/api/organizations/{id}/pilots", { params: { path: { id: organizationId } }, signal }),
      ),
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <SectionCard titleGap="sm" id="org-pilots" title={t("pilotsResults.company.title")}>
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((p) => (
          <Stack component="li" key={p.id} gap={2}>
            <Anchor component={Link} to={`/pilot-sites/${p.site.id}`} fw={600}>
              {p.site.name}
            </Anchor>
            <Text size="sm">
              {t("pilotsResults.company.dates", { from: format.date(p.dateFrom), to: format.date(p.dateTo) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-line" }}>
              {t("pilotsResults.company.measured", { effect: p.measuredEffect })}
            </Text>
            {p.letterUrl && (
              <Anchor href={p.letterUrl} size="sm">
                {t("pilotsResults.company.letter")}
              </Anchor>
            )}
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  );
}
