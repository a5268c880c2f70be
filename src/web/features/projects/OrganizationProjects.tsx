import { Anchor, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../components/SectionCard";
import { projectQueries } from "./queries";

/**
 * An organization's projects on its public page (led or partnered; a chunk of its own, loaded below the
 * fold with the projects' texts: the directory's page carries neither). Nothing shows without projects.
 */
export default function OrganizationProjects({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const q = useQuery(projectQueries.search({ organization: organizationId, page: 1, pageSize: 10 }));
  const data = q.data;
  if (!data || data.total === 0) return null;
  return (
    <SectionCard titleGap="sm" id="org-projects" title={t("projects.org.title", { count: data.total })}>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {data.items.map((p) => (
          <li key={p.id}>
            <Anchor component={Link} to={`/projects/${p.id}`} fw={600}>
              {p.titleRu}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t(`projects.stages.${p.stage}`)} · {t("projects.card.trl", { trl: p.trl })}
              {p.joint ? ` · ${t("projects.org.joint")}` : ""}
              {p.lead.id !== organizationId
                ? ` · ${t("projects.org.partnerOf", { lead: p.lead.shortName })}`
                : ""}
            </Text>
          </li>
        ))}
      </Stack>
      {data.total > data.items.length && (
        <Anchor
          component={Link}
          to={`/projects?organization=${organizationId}`}
          mt="sm"
          display="inline-block"
        >
          {t("projects.org.all", { count: data.total })}
        </Anchor>
      )}
    </SectionCard>
  );
}
