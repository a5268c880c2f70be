import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../components/SectionCard";
import { counterpartOf } from "./MessagesPage";
import { conversationQueries } from "./queries";

/**
 * The conversation about a subject (a status application) on the subject's page: with whom, the last
 * message, unread messages, and a link to the conversation. Nothing when the subject has none.
 */
export function SubjectConversation({ kind, subjectId }: { kind: string; subjectId: string }) {
  const { t } = useTranslation();
  const query = useQuery(conversationQueries.subject(kind, subjectId));
  const c = query.data;
  if (!c) return null;
  const other = counterpartOf(c);
  return (
    <SectionCard id={`conversation-${subjectId}-title`} title={t("conversations.subjectCardTitle")}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text>{t("conversations.with", { name: other?.name ?? "" })}</Text>
          {c.unread > 0 && (
            <Badge color="indigo" variant="filled" size="sm">
              {t("conversations.unreadBadge", { n: c.unread })}
            </Badge>
          )}
        </Group>
        {c.lastMessage && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {c.lastMessage.authorName}:{" "}
            {c.lastMessage.deleted ? t("conversations.deleted") : c.lastMessage.preview}
          </Text>
        )}
        <Button component={Link} to={`/messages/${c.id}`} variant="light" style={{ alignSelf: "flex-start" }}>
          {t("conversations.open")}
        </Button>
      </Stack>
    </SectionCard>
  );
}
