import { Anchor, Card, Skeleton, Text, Title } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { useFormat } from "../../format";

/**
 * The three newest published articles (GET /api/news), keyed as the news list's first page is not: declared
 * here so that the home page shares no chunk with the news pages.
 */
const latestNews = queryOptions({
  queryKey: ["news", "latest"] as const,
  queryFn: ({ signal }) => unwrap(client.GET("/api/news", { params: { query: { pageSize: 3 } }, signal })),
  staleTime: 60_000,
});

/** The home page's latest news, linking to each article and to the list. */
export function LatestNews() {
  const { t } = useTranslation();
  const format = useFormat();
  const news = useQuery(latestNews);
  if (news.data?.items.length === 0) return null;
  return (
    <section aria-labelledby="news-title">
      <Title order={2} id="news-title" mb="md">
        {t("home.news.title")}
      </Title>
      {news.isError ? (
        <Text>{t("home.news.unavailable")}</Text>
      ) : (
        <div className="tile-grid tile-grid--sm" aria-busy={news.isPending}>
          {news.data
            ? news.data.items.map((a) => (
                <Card
                  key={a.id}
                  withBorder
                  padding="lg"
                  component="article"
                  aria-labelledby={`home-news-${a.id}`}
                >
                  <Text size="sm" c="dimmed">
                    {format.date(a.publishedAt)}
                  </Text>
                  <Title order={3} size="h4" id={`home-news-${a.id}`} my={4}>
                    <Anchor component={Link} to={`/news/${a.slug}`}>
                      {a.titleRu}
                    </Anchor>
                  </Title>
                  <Text size="sm" lineClamp={3}>
                    {a.leadRu}
                  </Text>
                </Card>
              ))
            : [0, 1, 2].map((i) => <Skeleton key={i} height={140} />)}
        </div>
      )}
      <Anchor component={Link} to="/news" mt="md" display="inline-block" fw={500}>
        {t("home.news.all")}
      </Anchor>
    </section>
  );
}
