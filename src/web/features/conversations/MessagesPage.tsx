import { Anchor, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { QueryPagedList } from "../../components/PagedList";
import { PageHeader } from "../../components/PageHeader";
import { pageFrom } from "../../components/pageFrom";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { conversationQueries } from "./queries";
import type { ConversationSummary } from "./types";

const PAGE_SIZE = 20;

/** The other party as the reader sees it: the organization, or the cluster's operator. */
export function counterpartOf(c: ConversationSummary) {
  return c.parties.find((p) => p.side !== c.mySide) ?? c.parties[0];
}

function ConversationCard({ c }: { c: ConversationSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const other = counterpartOf(c);
  const unread = c.unread > 0;
  return (
    <Card
      withBorder
      padding="md"
      component="li"
      style={{
        borderLeft: unread ? "4px solid var(--mantine-color-indigo-9)" : undefined,
        background: unread ? "var(--mantine-color-indigo-0)" : undefined,
      }}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" c="dimmed">
              {c.subject.label} · {t("conversations.with", { name: other?.name ?? "" })}
            </Text>
            <Anchor
              component={Link}
              to={`/messages/${c.id}`}
              fw={unread ? 700 : 500}
              c="indigo.9"
              style={{ overflowWrap: "anywhere" }}
            >
              {c.title}
            </Anchor>
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <Text size="sm" c="dimmed">
              <time dateTime={c.lastMessageAt}>{format.dateTime(c.lastMessageAt)}</time>
            </Text>
            {unread && (
              <Badge color="indigo" variant="filled" size="sm">
                {t("conversations.unreadBadge", { n: c.unread })}
              </Badge>
            )}
          </Stack>
        </Group>
        {c.lastMessage ? (
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            <Text span fw={500}>
              {c.lastMessage.authorName}:
            </Text>{" "}
            {c.lastMessage.deleted ? (
              <Text span fs="italic" c="dimmed">
                {t("conversations.deleted")}
              </Text>
            ) : (
              c.lastMessage.preview
            )}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("conversations.noMessagesYet")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** «Сообщения»: the user's conversations, newest first, with unread counts. */
export default function MessagesPage() {
  const { t } = useTranslation();
  usePageTitle(t("conversations.title"));
  const format = useFormat();
  const { can } = useMe();
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);
  const list = useQuery({ ...conversationQueries.list(page, PAGE_SIZE), placeholderData: keepPreviousData });
  const data = list.data;
  const operator = can("operator.status.queue");
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("conversations.title")}
        subtitle={
          data ? (
            <span role="status" aria-live="polite">
              {t("conversations.unreadSummary", { n: format.number(data.unreadTotal) })}
            </span>
          ) : undefined
        }
      />
      <QueryPagedList
        query={list}
        skeleton={80}
        rows={2}
        empty={
          <EmptyState
            text={t("conversations.empty")}
            hint={operator ? t("conversations.emptyOperatorHint") : t("conversations.emptyHint")}
            action={
              <Button
                component={Link}
                to={operator ? "/operator/applications" : "/organizations"}
                variant="default"
              >
                {operator ? t("conversations.toQueue") : t("conversations.toOrganizations")}
              </Button>
            }
          />
        }
        label={t("conversations.listLabel")}
        onPage={(p) => setParams(p > 1 ? { page: String(p) } : {})}
      >
        {(c) => <ConversationCard key={c.id} c={c} />}
      </QueryPagedList>
    </Stack>
  );
}
