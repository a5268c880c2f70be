import { Anchor, Badge, Button, Group, SegmentedControl, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NEWS_STATES, type NewsState } from "../../../shared/news";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { newsQueries } from "./queries";

/** Every article (an operator): drafts, scheduled, published and archived, newest first. */
export default function ManageNewsPage() {
  const { t } = useTranslation();
  usePageTitle(t("news.manage.title"));
  const format = useFormat();
  const [state, setState] = useState<NewsState | "">("");
  const [page, setPage] = useState(1);
  const list = useQuery(newsQueries.manage(state, page));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/news", label: t("news.back") }}
        title={t("news.manage.title")}
        actions={
          <Button component={Link} to="/operator/news/new">
            {t("news.manage.new")}
          </Button>
        }
      />
      <SegmentedControl
        value={state}
        onChange={(v) => {
          setState(v as NewsState | "");
          setPage(1);
        }}
        data={[
          { value: "", label: t("news.manage.all") },
          ...NEWS_STATES.map((s) => ({ value: s, label: t(`news.states.${s}`) })),
        ]}
        aria-label={t("news.manage.state")}
      />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={240} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("news.empty")} />
      ) : (
        <>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("news.form.title")}</Table.Th>
                <Table.Th>{t("news.manage.state")}</Table.Th>
                <Table.Th>{t("news.form.publishedAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/operator/news/${a.id}`}>
                      {a.titleRu}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`news.states.${a.state}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.publishedAt ? format.dateTime(a.publishedAt) : "—"}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
          </Group>
        </>
      )}
    </Stack>
  );
}
