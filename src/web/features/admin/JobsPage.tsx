import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api";
import { client, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { type Column, DataTable, TableEmpty } from "../../components/table/DataTable";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { adminKeys, adminQueries } from "./queries";

type Overview = Awaited<ReturnType<NonNullable<ReturnType<typeof adminQueries.jobs>["queryFn"]>>>;
type QueueRow = Overview["queues"][number];
type FailureRow = Overview["failures"][number];

/** The overview's lists as the one page DataTable shows. */
const whole = <T,>(items: T[]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: Math.max(1, items.length),
});

export default function JobsPage() {
  const { t } = useTranslation();
  usePageTitle(t("admin.jobs.title"));
  const format = useFormat();
  const queryClient = useQueryClient();
  const queues = useQuery({ ...adminQueries.jobs(), select: (d) => whole(d.queues) });
  const failures = useQuery({ ...adminQueries.jobs(), select: (d) => whole(d.failures) });

  const act = useMutation({
    mutationFn: ({ job, action }: { job: FailureRow; action: "retry" | "discard" }) => {
      const path = { queue: job.queue, id: job.id };
      return unwrap(
        action === "retry"
          ? client.POST("/api/admin/jobs/{queue}/{id}/retry", { params: { path } })
          : client.DELETE("/api/admin/jobs/{queue}/{id}", { params: { path } }),
      );
    },
    onSuccess: (_d, { action }) => {
      notifications.show({
        color: "indigo",
        message: t(action === "retry" ? "admin.jobs.retried" : "admin.jobs.discarded"),
      });
      void queryClient.invalidateQueries({ queryKey: adminKeys.jobs });
    },
    onError: (error) => {
      notifications.show({ color: "red", title: t("common.errors.title"), message: errorMessage(error) });
      void queryClient.invalidateQueries({ queryKey: adminKeys.jobs });
    },
  });
  const busy = (job: FailureRow, action: "retry" | "discard") =>
    act.isPending && act.variables?.job.id === job.id && act.variables.action === action;

  const count = (n: number, color: string) => (
    <Badge color={n > 0 ? color : "gray"} variant={n > 0 ? "filled" : "outline"}>
      {n}
    </Badge>
  );
  const queueColumns: Column<QueueRow>[] = [
    { key: "name", header: t("admin.jobs.queue"), cell: (q) => <Text ff="monospace">{q.name}</Text> },
    { key: "waiting", header: t("admin.jobs.waiting"), cell: (q) => count(q.waiting, "blue") },
    { key: "active", header: t("admin.jobs.active"), cell: (q) => count(q.active, "teal") },
    { key: "failed", header: t("admin.jobs.failed"), cell: (q) => count(q.failed, "red") },
  ];
  const failureColumns: Column<FailureRow>[] = [
    {
      key: "job",
      header: t("admin.jobs.job"),
      cell: (f) => (
        <>
          <Text ff="monospace" size="sm">
            {f.queue}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
            {f.id}
          </Text>
        </>
      ),
    },
    {
      key: "error",
      header: t("admin.jobs.error"),
      cell: (f) => <Text size="sm">{f.error || t("admin.jobs.noError")}</Text>,
    },
    {
      key: "when",
      header: t("admin.jobs.when"),
      cell: (f) => <Text size="sm">{format.dateTime(f.failedAt)}</Text>,
    },
    { key: "attempts", header: t("admin.jobs.attempts"), cell: (f) => <Text size="sm">{f.attempts}</Text> },
    {
      key: "actions",
      header: t("admin.jobs.actions"),
      cell: (f) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            loading={busy(f, "retry")}
            onClick={() => act.mutate({ job: f, action: "retry" })}
            aria-label={t("admin.jobs.retryFor", { queue: f.queue, id: f.id })}
          >
            {t("admin.jobs.retry")}
          </Button>
          <Button
            size="xs"
            color="red"
            variant="outline"
            loading={busy(f, "discard")}
            onClick={() => act.mutate({ job: f, action: "discard" })}
            aria-label={t("admin.jobs.discardFor", { queue: f.queue, id: f.id })}
          >
            {t("admin.jobs.discard")}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="lg">
      <PageHeader title={t("admin.jobs.title")} subtitle={t("admin.jobs.lead")} />
      <Title order={2} size="h3">
        {t("admin.jobs.queues")}
      </Title>
      <DataTable
        label={t("admin.jobs.queuesLabel")}
        minWidth={520}
        columns={queueColumns}
        query={queues}
        rowKey={(q) => q.name}
        onPage={() => {}}
        empty={<TableEmpty text={<Text>{t("admin.jobs.noQueues")}</Text>} />}
      />
      <Title order={2} size="h3">
        {t("admin.jobs.failures")}
      </Title>
      <DataTable
        label={t("admin.jobs.failuresLabel")}
        minWidth={860}
        columns={failureColumns}
        query={failures}
        rowKey={(f) => f.id}
        onPage={() => {}}
        empty={<TableEmpty text={<Text>{t("admin.jobs.noFailures")}</Text>} />}
      />
    </Stack>
  );
}
