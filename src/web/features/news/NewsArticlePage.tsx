import { Badge, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { ArticleBody } from "./ArticleBody";
import { newsQueries } from "./queries";

/** A news article: date, title, tags, cover, lead and body. */
export default function NewsArticlePage() {
  const { ref = "" } = useParams();
  const { t } = useTranslation();
  const { can } = useMe();
  const format = useFormat();
  const article = useQuery(newsQueries.article(ref));
  const a = article.data;
  usePageTitle(a?.titleRu ?? t("news.title"));
  if (article.error) return <ProblemAlert error={article.error} />;
  if (!a) return <Skeleton height={320} />;
  return (
    <Stack gap="md" maw={820} component="article">
      <PageHeader
        back={{ to: "/news", label: t("news.back") }}
        title={a.titleRu}
        actions={
          can("operator.news.manage") && (
            <Button component={Link} to={`/operator/news/${a.id}`} variant="default">
              {t("news.manage.edit")}
            </Button>
          )
        }
      >
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {a.state === "published" ? format.date(a.publishedAt) : t(`news.states.${a.state}`)}
          </Text>
          {a.tags.map((tag) => (
            <Badge
              key={tag}
              variant="outline"
              color="indigo.9"
              component={Link}
              to={`/news?tag=${encodeURIComponent(tag)}`}
            >
              {tag}
            </Badge>
          ))}
        </Group>
      </PageHeader>
      {a.coverUrl && (
        <img src={a.coverUrl} alt={a.coverAlt ?? ""} width={640} height={360} className="news-cover" />
      )}
      <Text size="lg" fw={500}>
        {a.leadRu}
      </Text>
      <ArticleBody body={a.bodyRu.startsWith(a.leadRu) ? a.bodyRu.slice(a.leadRu.length) : a.bodyRu} />
    </Stack>
  );
}
