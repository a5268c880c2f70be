import { Button, FileInput, Group, Select, Skeleton, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { NEWS_STATES, type NewsState } from "../../../shared/news";
import { client, multipart, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { newsKeys, newsQueries } from "./queries";
import type { Article } from "./types";

/** "2026-12-07T10:00" in the browser's time for an ISO time, and back. */
const localInput = (iso: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function ArticleForm({ article }: { article?: Article }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [titleRu, setTitle] = useState(article?.titleRu ?? "");
  const [leadRu, setLead] = useState(article?.leadRu ?? "");
  const [bodyRu, setBody] = useState(article?.bodyRu ?? "");
  const [tags, setTags] = useState(article?.tags.join(", ") ?? "");
  const [coverAlt, setCoverAlt] = useState(article?.coverAlt ?? "");
  const [state, setState] = useState<NewsState>(article?.state ?? "draft");
  const [publishedAt, setPublishedAt] = useState(localInput(article?.publishedAt ?? null));
  const [cover, setCover] = useState<File | null>(null);

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        titleRu,
        leadRu,
        bodyRu,
        tags: tags
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        coverAlt,
        state,
        publishedAt: publishedAt ? new Date(publishedAt).toISOString() : null,
      };
      let saved = article
        ? await unwrap(
            client.PATCH("/api/news/{id}", {
              params: { path: { id: article.id } },
              body: { ...body, version: article.version },
            }),
          )
        : await unwrap(client.POST("/api/news", { body }));
      if (cover)
        saved = await unwrap(
          client.PUT("/api/news/{id}/cover", {
            params: { path: { id: saved.id } },
            body: multipart({ file: cover }),
          }),
        );
      return saved;
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: newsKeys.all });
      navigate(saved.state === "published" ? `/news/${saved.slug}` : "/operator/news");
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={820}>
        {save.error && <ProblemAlert error={save.error} />}
        <TextInput
          label={t("news.form.title")}
          required
          value={titleRu}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Textarea
          label={t("news.form.lead")}
          required
          autosize
          minRows={2}
          value={leadRu}
          onChange={(e) => setLead(e.currentTarget.value)}
        />
        <Textarea
          label={t("news.form.body")}
          description={t("news.form.bodyHint")}
          required
          autosize
          minRows={8}
          value={bodyRu}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <TextInput
          label={t("news.form.tags")}
          description={t("news.form.tagsHint")}
          value={tags}
          onChange={(e) => setTags(e.currentTarget.value)}
        />
        <FileInput
          label={t("news.form.cover")}
          description={t("news.form.coverHint")}
          accept="image/png,image/jpeg,image/webp"
          value={cover}
          onChange={setCover}
          clearable
          clearButtonProps={{ "aria-label": t("news.form.clearCover") }}
        />
        {article?.coverUrl && !cover && <Text size="sm">{t("news.form.hasCover")}</Text>}
        <TextInput
          label={t("news.form.coverAlt")}
          value={coverAlt}
          onChange={(e) => setCoverAlt(e.currentTarget.value)}
        />
        <Group grow align="start">
          <Select
            label={t("news.manage.state")}
            data={NEWS_STATES.map((s) => ({ value: s, label: t(`news.states.${s}`) }))}
            value={state}
            onChange={(v) => v && setState(v as NewsState)}
            allowDeselect={false}
          />
          <TextInput
            type="datetime-local"
            label={t("news.form.publishedAt")}
            description={t("news.form.publishedAtHint")}
            value={publishedAt}
            onChange={(e) => setPublishedAt(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("news.form.save")}
          </Button>
          <Button component={Link} to="/operator/news" variant="default">
            {t("news.form.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new article (an operator). */
export function NewArticlePage() {
  const { t } = useTranslation();
  usePageTitle(t("news.manage.new"));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/operator/news", label: t("news.manage.title") }}
        title={t("news.manage.new")}
      />
      <ArticleForm />
    </Stack>
  );
}

/** An article's edit (an operator); a stale version is told with the article now (409). */
export function EditArticlePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  usePageTitle(t("news.manage.edit"));
  const article = useQuery(newsQueries.article(id));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/operator/news", label: t("news.manage.title") }}
        title={t("news.manage.edit")}
      />
      {article.error ? (
        <ProblemAlert error={article.error} />
      ) : !article.data ? (
        <Skeleton height={400} />
      ) : (
        <ArticleForm key={article.data.version} article={article.data} />
      )}
    </Stack>
  );
}
