import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { LazyPager as Pager } from "../../components/LazyPager";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { newsQueries } from "./queries";
import type { NewsCard } from "./types";

/** An article's card: cover, date, title (the link), lead, tags. */
export function NewsCardView({ a, headingLevel = 2 }: { a: NewsCard; headingLevel?: 2 | 3 }) {
  const format = useFormat();
  return (
    <Card withBorder component="article" padding="lg" aria-labelledby={`news-${a.id}`}>
      {a.coverUrl && (
        <Card.Section mb="sm">
          <img
            src={a.coverUrl}
            alt={a.coverAlt ?? ""}
            width={640}
            height={360}
            className="news-cover"
            loading="lazy"
          />
        </Card.Section>
      )}
      <Text size="sm" c="dimmed">
        {format.date(a.publishedAt)}
      </Text>
      <Title order={headingLevel} size="h4" id={`news-${a.id}`} my={4}>
        <Anchor component={Link} to={`/news/${a.slug}`}>
          {a.titleRu}
        </Anchor>
      </Title>
      <Text size="sm">{a.leadRu}</Text>
      {a.tags.length > 0 && (
        <Group gap={6} mt="xs">
          {a.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="indigo.9">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  );
}

/** Published news, newest first: a tag, words of the text, pages; the feeds linked. */
export default function NewsListPage() {
  const { t } = useTranslation();
  usePageTitle(t("news.title"));
  const { can } = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const tag = params.get("tag") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [text, setText] = useState(q);
  const list = useQuery(newsQueries.list(q, tag, page));
  const go = (next: { q?: string; tag?: string; page?: number }) => {
    const merged = { q, tag, page: 1, ...next };
    const p = new URLSearchParams();
    if (merged.q) p.set("q", merged.q);
    if (merged.tag) p.set("tag", merged.tag);
    if (merged.page > 1) p.set("page", String(merged.page));
    setParams(p);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim() });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("news.title")}
        subtitle={t("news.lead")}
        actions={
          can("operator.news.manage") && (
            <Button component={Link} to="/operator/news">
              {t("news.manage.title")}
            </Button>
          )
        }
      />
      <search>
        <form onSubmit={submit}>
          <Group align="end" gap="xs">
            <TextInput
              label={t("news.search")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maw={420}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default">
              {t("news.find")}
            </Button>
          </Group>
        </form>
      </search>
      {list.data && list.data.tags.length > 0 && (
        <Group gap={6}>
          <Text size="sm" fw={500}>
            {t("news.tags")}:
          </Text>
          {list.data.tags.map((x) => (
            <Button
              key={x.value}
              size="compact-sm"
              variant={x.value === tag ? "filled" : "default"}
              aria-pressed={x.value === tag}
              onClick={() => go({ tag: x.value === tag ? "" : x.value })}
            >
              {x.value} · {x.count}
            </Button>
          ))}
        </Group>
      )}
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={240} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("news.empty")} />
      ) : (
        <>
          <div className="tile-grid tile-grid--sm">
            {list.data.items.map((a) => (
              <NewsCardView key={a.id} a={a} />
            ))}
          </div>
          <Pager
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onChange={(p) => go({ page: p })}
          />
        </>
      )}
      <Text size="sm">
        {t("news.feeds")} <Anchor href="/news/rss.xml">RSS</Anchor> ·{" "}
        <Anchor href="/news/atom.xml">Atom</Anchor>
      </Text>
    </Stack>
  );
}
