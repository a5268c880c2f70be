import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { LatestNews } from "./LatestNews";
import { NextEvents } from "./NextEvents";

/** The services that exist, each with the page it opens (a guest is asked to sign in on private ones). */
const SERVICES = [
  { key: "directory", to: "/directory" },
  { key: "navigator", to: "/measures" },
  { key: "exchanges", to: "/exchanges" },
  { key: "challenges", to: "/challenges" },
  { key: "pilotSites", to: "/pilot-sites" },
  { key: "projects", to: "/projects" },
  { key: "clusters", to: "/clusters" },
  { key: "organizations", to: "/organizations" },
  { key: "messaging", to: "/messages" },
] as const;

/**
 * The cluster in numbers (GET /api/public/numbers), the key of features/numbers/queries.ts: declared here
 * so that the home page shares no chunk with the numbers page (its first load stays as small).
 */
const numbersQuery = queryOptions({
  queryKey: ["public", "numbers"] as const,
  queryFn: ({ signal }) => unwrap(client.GET("/api/public/numbers", { signal })),
  staleTime: 60_000,
});

/** The cluster's key figures, linking to the whole «Кластер в цифрах» page. */
function ClusterInNumbers() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const numbers = useQuery(numbersQuery);
  const n = numbers.data;
  const rubles = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "ru-RU", {
    style: "currency",
    currency: "RUB",
    notation: "compact",
    maximumFractionDigits: 1,
  });

  const figures = [
    {
      key: "organizations",
      label: t("home.numbers.organizations"),
      value: n && format.number(n.organizations.total),
      link: { to: "/directory", label: t("home.numbers.toDirectory") },
    },
    {
      key: "participants",
      label: t("home.numbers.participants"),
      value: n && format.number(n.organizations.byStatus.participant),
      link: null,
    },
    {
      key: "projects",
      label: t("home.numbers.projects"),
      value: n && format.number(n.projects.total),
      link: { to: "/projects", label: t("home.numbers.toProjects") },
    },
    {
      key: "investment",
      label: t("home.numbers.investment"),
      value: n && rubles.format(n.investment.total),
      link: null,
    },
  ];

  return (
    <section aria-labelledby="numbers-title">
      <Title order={2} id="numbers-title" mb="md">
        {t("home.numbers.title")}
      </Title>
      {numbers.isError ? (
        <Text>{t("home.numbers.unavailable")}</Text>
      ) : (
        <div className="tile-grid tile-grid--xs" aria-busy={numbers.isPending}>
          {figures.map((f) => (
            <Card key={f.key} withBorder padding="lg">
              {f.value === undefined ? (
                <Skeleton height={44} width="60%" mb="xs" />
              ) : (
                <Text className="stat-value">{f.value}</Text>
              )}
              <Text fw={500}>{f.label}</Text>
              {f.link && (
                <Anchor component={Link} to={f.link.to} size="sm" mt="xs" display="inline-block">
                  {f.link.label}
                </Anchor>
              )}
            </Card>
          ))}
        </div>
      )}
      <Anchor component={Link} to="/numbers" mt="md" display="inline-block" fw={500}>
        {t("home.numbers.toNumbers")}
      </Anchor>
    </section>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const { user, can } = useMe();
  usePageTitle("");

  return (
    <Stack gap={48}>
      <section aria-labelledby="hero-title">
        <Stack gap="md" maw={760}>
          <Title order={1} id="hero-title">
            {t("home.hero.title")}
          </Title>
          <Text size="lg">{t("home.hero.lead")}</Text>
          <Group gap="sm">
            {user ? (
              <>
                <Button component={Link} to="/cabinet" size="md">
                  {t("home.hero.toCabinet")}
                </Button>
                {can("desk.read") && (
                  <Button component={Link} to="/desk" size="md" variant="default">
                    {t("home.hero.toDesk")}
                  </Button>
                )}
              </>
            ) : (
              <>
                <Button component={Link} to="/signup" size="md">
                  {t("home.hero.join")}
                </Button>
                <Button component={Link} to="/signin" size="md" variant="default">
                  {t("home.hero.signIn")}
                </Button>
              </>
            )}
            <Button component={Link} to="/directory" size="md" variant="default">
              {t("home.hero.directory")}
            </Button>
          </Group>
        </Stack>
      </section>

      <section aria-labelledby="services-title">
        <Title order={2} id="services-title" mb="xs">
          {t("home.services.title")}
        </Title>
        <Text mb="lg">{t("home.services.lead")}</Text>
        <div className="tile-grid tile-grid--sm">
          {SERVICES.map(({ key, to }) => (
            <Card key={key} withBorder padding="lg" component="article" aria-labelledby={`service-${key}`}>
              <Title order={3} size="h4" mb="xs" id={`service-${key}`}>
                <Anchor component={Link} to={to}>
                  {t(`home.services.items.${key}.title`)}
                </Anchor>
              </Title>
              <Text size="sm">{t(`home.services.items.${key}.text`)}</Text>
            </Card>
          ))}
        </div>
      </section>

      <LatestNews />
      <NextEvents />

      <ClusterInNumbers />
    </Stack>
  );
}
