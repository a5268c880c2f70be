import { Anchor, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../components/SectionCard";
import { clusterQueries } from "./queries";

/**
 * The clusters an organization leads or is a named member of, on its public page (in the records' chunk
 * below the fold). Nothing shows without clusters.
 */
export default function OrganizationClusters({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const q = useQuery(clusterQueries.ofOrganization(organizationId));
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <SectionCard titleGap="sm" id="org-clusters" title={t("clusters.organization.title")}>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((c) => (
          <li key={c.id}>
            <Anchor component={Link} to={`/clusters/${c.id}`} fw={600}>
              {c.nameRu}
            </Anchor>
            {c.lead && (
              <Text span size="sm" c="dimmed">
                {" "}
                · {t("clusters.organization.lead")}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    </SectionCard>
  );
}
