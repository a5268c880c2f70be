import { Anchor, Badge, Button, Group, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { lazyPart } from "../../components/lazyPart";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { Topics } from "../../components/Topics";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { withNext } from "../../next";
import { useMe } from "../../session";
import { StageBadges, useRubles } from "../projects/labels";
import { clusterQueries } from "./queries";
import type { Cluster } from "./types";

// The apply and membership panels: a part of the signed-in chunk, fetched for a signed-in reader only.
const ApplyPanel = lazyPart(() => import("./pages.signed").then((m) => m.ApplyPanel));
const MemberPanel = lazyPart(() => import("./pages.signed").then((m) => m.MemberPanel));

function Figures({ c }: { c: Cluster }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rubles = useRubles();
  const figures = [
    ["members", format.number(c.totals.members)],
    ["projects", format.number(c.totals.projects)],
    ["joint", format.number(c.totals.joint)],
    ["investment", rubles(c.totals.investment)],
    ["support", rubles(c.totals.support)],
  ] as const;
  return (
    <SectionCard titleGap="sm" id="cluster-totals" title={t("clusters.page.totals")}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="md" component="dl" m={0}>
          {figures.map(([key, value]) => (
            <div key={key}>
              <Text component="dt" size="sm" c="dimmed">
                {t(`clusters.page.${key}`)}
              </Text>
              <Text component="dd" m={0} fw={700} size="lg">
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t("clusters.page.totalsNote")}
        </Text>
      </Stack>
    </SectionCard>
  );
}

function Members({ c }: { c: Cluster }) {
  const { t } = useTranslation();
  const hidden = c.totals.members - c.namedMembers.length;
  return (
    <SectionCard titleGap="sm" id="cluster-members" title={t("clusters.page.membersTitle")}>
      <Stack gap="xs">
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
          {c.namedMembers.map((m) => (
            <li key={m.id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/directory/${m.id}`}>
                  {m.shortName}
                </Anchor>
                {m.id === c.lead?.id && (
                  <Badge color="blue.9" variant="filled" tt="none">
                    {t("clusters.page.leadBadge")}
                  </Badge>
                )}
              </Group>
            </li>
          ))}
        </Stack>
        {hidden > 0 && (
          <Text size="sm" c="dimmed">
            {t("clusters.page.hidden", { count: hidden })}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}

function Projects({ c }: { c: Cluster }) {
  const { t } = useTranslation();
  return (
    <SectionCard titleGap="sm" id="cluster-projects" title={t("clusters.page.projectsTitle")}>
      {c.projectsList.length === 0 ? (
        <Text>{t("clusters.page.noProjects")}</Text>
      ) : (
        <Stack gap="sm">
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {c.projectsList.map((p) => (
              <li key={p.id}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/projects/${p.id}`} fw={600}>
                    {p.titleRu}
                  </Anchor>
                  <StageBadges stage={p.stage} trl={p.trl} />
                </Group>
                <Text size="sm" c="dimmed">
                  {p.lead.shortName}
                </Text>
              </li>
            ))}
          </Stack>
          <Anchor component={Link} to={`/projects?cluster=${c.id}`}>
            {t("clusters.page.allProjects")}
          </Anchor>
        </Stack>
      )}
    </SectionCard>
  );
}

/** A cluster's public page: lead, theme, totals of confirmed money, named members and projects. */
export default function ClusterPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { user } = useMe();
  const q = useQuery(clusterQueries.cluster(id));
  usePageTitle(q.data?.nameRu ?? t("clusters.page.title"));
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Skeleton height={400} />;
  const c = q.data;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/clusters", label: t("clusters.catalog.title") }}
        title={c.nameRu}
        subtitle={
          c.lead ? (
            <Anchor component={Link} to={`/directory/${c.lead.id}`}>
              {t("clusters.card.lead", { name: c.lead.shortName })}
            </Anchor>
          ) : (
            t("clusters.card.noLead")
          )
        }
        actions={
          (c.me.operate || c.me.lead) && (
            <Group gap="sm">
              {c.me.lead && (
                <Button component={Link} to={`/clusters/${c.id}/applications`} variant="light">
                  {t("clusters.page.applications")}
                </Button>
              )}
              {c.me.operate && (
                <Button component={Link} to={`/clusters/${c.id}/edit`} variant="light">
                  {t("clusters.page.edit")}
                </Button>
              )}
            </Group>
          )
        }
      />
      <SectionCard titleGap="sm" id="cluster-theme" title={t("clusters.page.theme")}>
        <Stack gap="sm">
          <Text style={{ whiteSpace: "pre-line" }}>{c.themeRu}</Text>
          <Topics industries={c.industries} tags={[]} label={t("clusters.card.industries")} />
        </Stack>
      </SectionCard>
      <Figures c={c} />
      {c.me.memberships.length > 0 && <MemberPanel cluster={c} />}
      <Members c={c} />
      <Projects c={c} />
      {user ? (
        (c.me.memberships.length === 0 || c.me.mayApply.length > 0 || c.me.pending.length > 0) && (
          <ApplyPanel cluster={c} />
        )
      ) : (
        <SectionCard titleGap="sm" id="cluster-apply" title={t("clusters.apply.title")}>
          <Text>
            {t("clusters.apply.signIn")}{" "}
            <Anchor component={Link} to={withNext("/signin", `/clusters/${c.id}`)}>
              {t("clusters.apply.signInLink")}
            </Anchor>
          </Text>
        </SectionCard>
      )}
    </Stack>
  );
}
