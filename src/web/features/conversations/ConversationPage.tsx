import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { isSameSitePath } from "../../../shared/next";
import { client, multipart, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { AppModal, ModalFormActions } from "../../components/modal";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast, toastError } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { counterpartOf } from "./MessagesPage";
import { conversationQueries, invalidateConversation } from "./queries";
import type { ConversationMessage, ConversationView } from "./types";

const MESSAGE_MAX = 4000;
const FILES_MAX = 5;

/** "2,4 МБ" / "2.4 MB". */
function useSize() {
  const format = useFormat();
  const { t } = useTranslation();
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? t("conversations.sizeMb", { n: format.number(Math.round((bytes / 1024 / 1024) * 10) / 10) })
      : t("conversations.sizeKb", { n: format.number(Math.max(1, Math.ceil(bytes / 1024))) });
}

function MessageItem({
  m,
  conversationId,
  onChanged,
}: {
  m: ConversationMessage;
  conversationId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = useSize();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(m.body ?? "");
  const [confirm, setConfirm] = useState(false);
  const editable = m.editableUntil !== null && new Date(m.editableUntil).getTime() > Date.now();
  const path = { id: conversationId, messageId: m.id };
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PATCH("/api/conversations/{id}/messages/{messageId}", {
          params: { path },
          body: { body: text.trim(), version: m.version },
        }),
      ),
    onSuccess: () => {
      setEditing(false);
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(client.DELETE("/api/conversations/{id}/messages/{messageId}", { params: { path } })),
    onSuccess: () => {
      setConfirm(false);
      toast(t("conversations.deletedToast"));
      onChanged();
    },
    onError: (e) => {
      setConfirm(false);
      toastError(e);
    },
  });
  const system = m.event !== null;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      bg={system ? "gray.0" : m.mine ? "indigo.0" : undefined}
      style={{ alignSelf: m.mine ? "flex-end" : "flex-start", maxWidth: "min(100%, 44rem)", width: "100%" }}
      aria-label={t("conversations.messageFrom", { name: m.author.name })}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {m.author.name}
          </Text>
          <Text size="xs" c="dimmed">
            <time dateTime={m.createdAt}>{format.dateTime(m.createdAt)}</time>
            {m.editedAt && !m.deleted && ` · ${t("conversations.edited")}`}
          </Text>
        </Group>
        {m.deleted ? (
          <Text fs="italic" c="dimmed">
            {t("conversations.deleted")}
          </Text>
        ) : editing ? (
          <MutationForm gap="xs" error={save.error} onSubmit={() => save.mutate()}>
            <Textarea
              label={t("conversations.editLabel")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={MESSAGE_MAX}
              autosize
              minRows={2}
              data-autofocus
            />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={save.isPending} disabled={!text.trim()}>
                {t("conversations.save")}
              </Button>
              <Button variant="default" size="xs" onClick={() => setEditing(false)}>
                {t("common.cancel")}
              </Button>
            </Group>
          </MutationForm>
        ) : (
          <>
            {system && (
              <Badge variant="light" color="gray" size="sm" style={{ alignSelf: "flex-start" }}>
                {t(`conversations.event.${m.event}`, { defaultValue: m.event ?? "" })}
              </Badge>
            )}
            {m.body && <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{m.body}</Text>}
          </>
        )}
        {m.attachments.length > 0 && (
          <Stack gap={2} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {m.attachments.map((a) => (
              <li key={a.id}>
                <Anchor href={a.url} download={a.name} size="sm">
                  📎 {a.name}
                </Anchor>{" "}
                <Text span size="xs" c="dimmed">
                  ({size(a.size)})
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {editable && !editing && (
          <Group gap="xs">
            <Button
              variant="default"
              size="compact-sm"
              onClick={() => {
                setText(m.body ?? "");
                setEditing(true);
              }}
            >
              {t("conversations.edit")}
            </Button>
            <Button variant="default" size="compact-sm" onClick={() => setConfirm(true)}>
              {t("conversations.delete")}
            </Button>
          </Group>
        )}
      </Stack>
      <AppModal opened={confirm} onClose={() => setConfirm(false)} title={t("conversations.deleteTitle")}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate();
          }}
        >
          <Stack>
            <Text>{t("conversations.deleteText")}</Text>
            <ModalFormActions
              onCancel={() => setConfirm(false)}
              submitLabel={t("conversations.delete")}
              color="red.9"
              loading={remove.isPending}
            />
          </Stack>
        </form>
      </AppModal>
    </Paper>
  );
}

function Composer({ conversationId, onSent }: { conversationId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const send = useMutation({
    mutationFn: async () => {
      const fileIds: string[] = [];
      for (const file of files) {
        const up = await unwrap(
          client.POST("/api/conversations/{id}/files", {
            params: { path: { id: conversationId } },
            body: multipart({ file }),
          }),
        );
        fileIds.push(up.id);
      }
      return unwrap(
        client.POST("/api/conversations/{id}/messages", {
          params: { path: { id: conversationId } },
          body: { body: text.trim(), fileIds },
        }),
      );
    },
    onSuccess: () => {
      setText("");
      setFiles([]);
      onSent();
    },
    onError: (e) => setError(e),
  });
  const submit = () => {
    setError(null);
    if (!text.trim() && files.length === 0) return;
    send.mutate();
  };
  return (
    <Card withBorder padding="md">
      <MutationForm
        onSubmit={submit}
        error={error}
        aria-labelledby="composer-title"
        lead={
          <Title order={2} size="h4" id="composer-title">
            {t("conversations.composerTitle")}
          </Title>
        }
      >
        <Textarea
          label={t("conversations.messageLabel")}
          description={t("conversations.messageHint")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit();
          }}
          maxLength={MESSAGE_MAX}
          autosize
          minRows={3}
          maxRows={12}
        />
        <FileInput
          label={t("conversations.filesLabel")}
          description={t("conversations.filesHint", { max: FILES_MAX })}
          placeholder={t("conversations.filesPlaceholder")}
          multiple
          clearable
          value={files}
          onChange={(list) => setFiles(list.slice(0, FILES_MAX))}
          accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.zip"
        />
        <Button
          type="submit"
          loading={send.isPending}
          disabled={!text.trim() && files.length === 0}
          style={{ alignSelf: "flex-start" }}
        >
          {t("conversations.send")}
        </Button>
      </MutationForm>
    </Card>
  );
}

function ReadMarks({ view }: { view: ConversationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const others = view.reads.filter((r) => r.side !== view.mySide);
  if (others.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      {t("conversations.readBy")}{" "}
      {others.map((r, i) => (
        <span key={r.userId ?? `operator-${i}`}>
          {i > 0 && ", "}
          {r.name} (<time dateTime={r.lastReadAt}>{format.dateTime(r.lastReadAt)}</time>)
        </span>
      ))}
    </Text>
  );
}

/** One conversation: its messages (live), the composer, read marks; reading it marks it read. */
export default function ConversationPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(conversationQueries.one(id));
  const view = query.data;
  const [older, setOlder] = useState<ConversationMessage[]>([]);
  const [olderMore, setOlderMore] = useState<boolean | null>(null);
  usePageTitle(view ? `${t("conversations.title")}: ${view.title}` : t("conversations.title"));
  const refresh = () => invalidateConversation(queryClient, id, "content");

  // Reading the page marks the conversation read (again whenever a new message arrives while open).
  const unread = view?.unread ?? 0;
  useEffect(() => {
    if (!id || unread === 0) return;
    void client
      .POST("/api/conversations/{id}/read", { params: { path: { id } } })
      .then(() => invalidateConversation(queryClient, id, "content"))
      .catch(() => {});
  }, [id, unread, queryClient]);

  const loadOlder = useMutation({
    mutationFn: () => {
      const first = older[0] ?? view?.messages[0];
      return unwrap(
        client.GET("/api/conversations/{id}", {
          params: { path: { id }, query: { before: first?.createdAt, beforeId: first?.id } },
        }),
      );
    },
    onSuccess: (page) => {
      setOlder((o) => [...page.messages, ...o]);
      setOlderMore(page.hasMore);
    },
    onError: (e) => toastError(e),
  });

  if (query.isError)
    return (
      <Stack gap="lg">
        <PageHeader title={t("conversations.title")} />
        <ProblemAlert error={query.error} />
        <Anchor component={Link} to="/messages">
          {t("conversations.backToList")}
        </Anchor>
      </Stack>
    );
  if (!view)
    return (
      <Stack gap="sm" aria-hidden="true">
        <Skeleton height={40} />
        <Skeleton height={120} />
        <Skeleton height={120} />
      </Stack>
    );

  const other = counterpartOf(view);
  const seen = new Set(view.messages.map((m) => m.id));
  const messages = [...older.filter((m) => !seen.has(m.id)), ...view.messages];
  const hasMore = olderMore ?? view.hasMore;
  const subjectLink = isSameSitePath(view.subject.link) ? view.subject.link : null;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/messages" size="sm">
        {t("conversations.backToList")}
      </Anchor>
      <PageHeader
        title={view.title}
        subtitle={`${view.subject.label} · ${t("conversations.with", { name: other?.name ?? "" })}`}
        actions={
          subjectLink ? (
            <Button component={Link} to={subjectLink} variant="default">
              {t("conversations.toSubject")}
            </Button>
          ) : undefined
        }
      />
      <section aria-labelledby="thread-title">
        <Title order={2} size="h3" id="thread-title" mb="sm">
          {t("conversations.threadTitle")}
        </Title>
        {hasMore && (
          <Button
            variant="default"
            size="xs"
            mb="sm"
            loading={loadOlder.isPending}
            onClick={() => loadOlder.mutate()}
          >
            {t("conversations.showOlder")}
          </Button>
        )}
        {messages.length === 0 ? (
          <Text c="dimmed">{t("conversations.noMessagesYet")}</Text>
        ) : (
          <div role="log" aria-live="polite" aria-label={t("conversations.threadTitle")}>
            <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {messages.map((m) => (
                <MessageItem key={m.id} m={m} conversationId={id} onChanged={refresh} />
              ))}
            </Stack>
          </div>
        )}
        <ReadMarks view={view} />
      </section>
      <Composer conversationId={id} onSent={refresh} />
    </Stack>
  );
}
