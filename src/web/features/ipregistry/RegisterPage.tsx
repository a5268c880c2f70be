import { Anchor, Button, Card, Group, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { LazyPager as Pager } from "../../components/LazyPager";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";

const PAGE_SIZE = 20;

/** The public register of deposits: title, holder, date (never the file), with Russian search. */
export default function RegisterPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("ipregistry.register.title"));
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ["ipregistry", "register", q, page],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET("/api/public/iplog/register", {
          params: { query: { ...(q ? { q } : {}), page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("ipregistry.register.title")}
        subtitle={t("ipregistry.register.lead")}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/ipregistry/verify" variant="default">
              {t("ipregistry.verify.title")}
            </Button>
            <Button component={Link} to="/ipregistry/mine">
              {t("ipregistry.mine.deposit")}
            </Button>
          </Group>
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
          setPage(1);
        }}
      >
        <Group align="end">
          <TextInput
            label={t("ipregistry.register.search")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1 }}
            maxLength={200}
          />
          <Button type="submit">{t("ipregistry.register.find")}</Button>
        </Group>
      </form>
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={200} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("ipregistry.register.empty")} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("ipregistry.register.found", { count: list.data.total })}
          </Text>
          {list.data.items.map((d) => (
            <Card key={d.id} withBorder component="article">
              <Stack gap={4}>
                <Text fw={600} component="h2" size="md">
                  {d.title}
                </Text>
                <Text size="sm">
                  {t(`ipregistry.types.${d.type}`)} · {d.holderName}
                  {d.holderInn ? ` (${t("ipregistry.inn")} ${d.holderInn})` : ""}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("ipregistry.register.entry", {
                    index: d.leafIndex,
                    date: new Date(d.timestamp).toLocaleString(i18n.language, { timeZone: "Europe/Moscow" }),
                  })}
                </Text>
              </Stack>
            </Card>
          ))}
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />
        </Stack>
      )}
      <Text size="sm">
        <Anchor href="/.well-known/innocluster-log-key">{t("ipregistry.register.key")}</Anchor>
      </Text>
    </Stack>
  );
}
