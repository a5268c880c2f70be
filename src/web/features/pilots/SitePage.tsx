import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { usePlace } from "./labels";
import { pilotQueries } from "./queries";

/** A site's page: what can be tested and on what terms, its completed pilots with published results, "Apply". */
export default function SitePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const site = useQuery(pilotQueries.site(id));
  usePageTitle(site.data?.name ?? t("pilots.catalog.title"));
  const place = usePlace();
  const format = useFormat();
  const { user } = useMe();
  if (site.error) return <ProblemAlert error={site.error} />;
  if (!site.data) return <Skeleton height={300} />;
  const s = site.data;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/pilot-sites", label: t("pilots.catalog.title") }}
        title={s.name}
        subtitle={`${s.organization.shortName} · ${place(s)}`}
        actions={
          <Button component={Link} to={user ? `/pilot-sites/${s.id}/apply` : "/login"}>
            {t("pilots.site.apply")}
          </Button>
        }
      />
      <Card withBorder>
        <Stack gap="xs">
          <Group gap="xs">
            <Badge variant="light">{t(`pilots.siteTypes.${s.type}`)}</Badge>
            <Text size="sm">
              {s.paid && s.price !== null
                ? t("pilots.site.paid", { price: format.number(s.price) })
                : t("pilots.site.free")}
            </Text>
            <Text size="sm">{t("pilots.site.places", { busy: s.busy, capacity: s.capacity })}</Text>
          </Group>
          <Text fw={600}>{t("pilots.site.testable")}</Text>
          <Text>{s.testable}</Text>
          {s.conditions && (
            <>
              <Text fw={600}>{t("pilots.site.conditions")}</Text>
              <Text>{s.conditions}</Text>
            </>
          )}
          {s.periodFrom && s.periodTo && (
            <Text size="sm">
              {t("pilots.site.period", { from: format.date(s.periodFrom), to: format.date(s.periodTo) })}
            </Text>
          )}
        </Stack>
      </Card>
      <Title order={2} size="h3">
        {t("pilots.site.completed")}
      </Title>
      {s.completed.length === 0 ? (
        <EmptyState text={t("pilots.site.noCompleted")} hint={t("pilots.site.noCompletedHint")} />
      ) : (
        s.completed.map((p) => (
          <Card key={p.id} withBorder component="article">
            <Stack gap={4}>
              <Group justify="space-between">
                <Text fw={600}>{p.organization.shortName}</Text>
                <Badge color={p.success ? "green" : "gray"} variant="light">
                  {p.success ? t("pilots.result.success") : t("pilots.result.failure")}
                </Badge>
              </Group>
              <Text size="sm">{p.solution}</Text>
              <Text size="sm">{t("pilots.result.measured", { effect: p.measuredEffect })}</Text>
              {p.letterUrl && (
                <Anchor href={p.letterUrl} size="sm">
                  {t("pilots.result.letter")}
                </Anchor>
              )}
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}
