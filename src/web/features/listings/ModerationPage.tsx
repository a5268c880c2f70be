import { Anchor, Badge, Button, Card, Checkbox, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast, toastError } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { ReasonModal } from "../organizations/modals";
import { KindSettings } from "./KindSettings";
import { badgeColors, FieldList } from "./labels";
import { listingKeys, listingQueries } from "./queries";
import type { QueueItem } from "./types";

type Rejecting = { items: QueueItem[] } | null;

// What a change changes and the files (a chunk of its own, shared with the listing's page).
const ListingDiff = lazy(() => import("./ListingDiff"));

/** The operators' moderation queue of every kind, oldest first: approve, reject with a reason, in bulk too. */
export default function ModerationPage() {
  const { t } = useTranslation();
  usePageTitle(t("listings.moderation.title"));
  const format = useFormat();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const queue = useQuery({ ...listingQueries.queue(page), placeholderData: keepPreviousData });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<Rejecting>(null);
  const items = queue.data?.items ?? [];
  const chosen = items.filter((i) => selected.has(i.id));

  const refresh = async () => {
    setSelected(new Set());
    await queryClient.invalidateQueries({ queryKey: listingKeys.all });
  };

  /** One decision, or the same one on several (the bulk route reports the ones changed meanwhile). */
  async function decide(list: QueueItem[], decision: "approve" | "reject", reason?: string) {
    if (list.length === 1) {
      const [item] = list;
      try {
        await unwrap(
          client.POST("/api/operator/listings/{id}/decision", {
            params: { path: { id: item!.id } },
            body: { decision, version: item!.version, reason: reason ?? null },
          }),
        );
        toast(t(decision === "approve" ? "listings.moderation.approved" : "listings.moderation.rejected"));
      } catch (error) {
        if (error instanceof ApiError && error.is("listing-changed"))
          toast(t("listings.moderation.changed"), "yellow");
        else throw error;
      }
    } else {
      const r = await unwrap(
        client.POST("/api/operator/listings/decisions", {
          body: {
            decision,
            reason: reason ?? null,
            items: list.map((i) => ({ id: i.id, version: i.version })),
          },
        }),
      );
      toast(t("listings.moderation.bulkDone", { decided: r.decided.length, conflicts: r.conflicts.length }));
    }
    await refresh();
  }

  const approve = async (list: QueueItem[]) => {
    setBusy(true);
    try {
      await decide(list, "approve");
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Stack gap="lg">
      <PageHeader title={t("listings.moderation.title")} subtitle={t("listings.moderation.lead")} />
      <KindSettings />
      {queue.isPending ? (
        <Skeleton height={240} />
      ) : queue.error ? (
        <ProblemAlert error={queue.error} />
      ) : items.length === 0 ? (
        <Card withBorder padding="lg">
          <Text>{t("listings.moderation.empty")}</Text>
        </Card>
      ) : (
        <>
          <Group gap="sm" wrap="wrap">
            <Checkbox
              label={t("listings.moderation.selectAll")}
              checked={chosen.length === items.length}
              indeterminate={chosen.length > 0 && chosen.length < items.length}
              onChange={(e) =>
                setSelected(e.currentTarget.checked ? new Set(items.map((i) => i.id)) : new Set())
              }
            />
            <Text size="sm" aria-live="polite">
              {t("listings.moderation.selected", { n: chosen.length })}
            </Text>
            <Button
              size="compact-md"
              disabled={!chosen.length}
              loading={busy}
              onClick={() => approve(chosen)}
            >
              {t("listings.moderation.approveSelected")}
            </Button>
            <Button
              size="compact-md"
              color="red"
              variant="light"
              disabled={!chosen.length}
              onClick={() => setRejecting({ items: chosen })}
            >
              {t("listings.moderation.rejectSelected")}
            </Button>
          </Group>
          <Stack
            component="ul"
            gap="md"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-busy={queue.isFetching}
          >
            {items.map((item) => (
              <Card key={item.id} component="li" withBorder padding="md">
                <Stack gap="sm">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Checkbox
                      aria-label={t("listings.moderation.select", { title: item.content.titleRu })}
                      checked={selected.has(item.id)}
                      onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                      mt={4}
                    />
                    <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                      <Title order={2} size="h4" style={{ overflowWrap: "anywhere" }}>
                        <Anchor component={Link} to={`/listings/${item.id}`} c="indigo.9">
                          {item.content.titleRu}
                        </Anchor>
                      </Title>
                      <Group gap="xs">
                        <Badge {...badgeColors(item.isChange ? "yellow" : "blue")}>
                          {t(item.isChange ? "listings.moderation.change" : "listings.moderation.new")}
                        </Badge>
                        <Text size="sm" c="dimmed">
                          {t(`listings.kinds.${item.kind}.title`)} · {item.organization.shortName} ·{" "}
                          {t("listings.moderation.submitted", { date: format.dateTime(item.submittedAt) })}
                        </Text>
                      </Group>
                    </Stack>
                  </Group>
                  {!item.published && (
                    <Text size="sm" style={{ whiteSpace: "pre-line" }} lineClamp={4}>
                      {item.content.descriptionRu}
                    </Text>
                  )}
                  {/* a change: what it changes, the published value beside the proposed one; the files */}
                  <Suspense fallback={<Skeleton height={60} />}>
                    <ListingDiff
                      listingId={item.id}
                      kind={item.kind}
                      published={item.published}
                      proposed={item.content}
                      files={item.files}
                    />
                  </Suspense>
                  <details>
                    <summary>{t("listings.moderation.details")}</summary>
                    {item.published && (
                      <Text size="sm" style={{ whiteSpace: "pre-line" }} mt="xs">
                        {item.content.descriptionRu}
                      </Text>
                    )}
                    <FieldList kind={item.kind} values={item.content.values} />
                  </details>
                  <Group gap="sm">
                    <Button loading={busy} onClick={() => approve([item])}>
                      {t("listings.moderation.approve")}
                    </Button>
                    <Button color="red" variant="light" onClick={() => setRejecting({ items: [item] })}>
                      {t("listings.moderation.reject")}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
          {queue.data && queue.data.total > queue.data.pageSize && (
            <Pager
              page={page}
              pageSize={queue.data.pageSize}
              total={queue.data.total}
              onChange={(p) => setParams(p > 1 ? { page: String(p) } : {})}
            />
          )}
        </>
      )}
      <ReasonModal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t(
          rejecting && rejecting.items.length > 1
            ? "listings.moderation.rejectManyTitle"
            : "listings.moderation.rejectTitle",
        )}
        lead={rejecting?.items.length === 1 ? rejecting.items[0]!.content.titleRu : undefined}
        label={t("listings.moderation.reason")}
        hint={t("listings.moderation.reasonHint")}
        requiredMessage={t("common.validation.required")}
        submitLabel={t("listings.moderation.reject")}
        onSubmit={(reason) => decide(rejecting?.items ?? [], "reject", reason)}
      />
    </Stack>
  );
}
