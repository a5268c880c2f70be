import { Alert, Anchor, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { InRussian } from "../../components/InRussian";
import { ConfirmModal } from "../../components/modal";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast, toastError } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { descriptionOf, FieldList, StateBadge, titleOf, useLocale } from "./labels";
import { listingKeys, listingQueries } from "./queries";
import type { Listing } from "./types";

/** The author's view: where the listing stands and what to do next. */
function AuthorPanel({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirmClose, setConfirmClose] = useState(false);
  const done = (l: Listing, message: string) => {
    queryClient.setQueryData(listingKeys.listing(l.id), l);
    void queryClient.invalidateQueries({ queryKey: listingKeys.all });
    toast(message);
  };
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/listings/{id}/submit", {
          params: { path: { id: listing.id } },
          body: { version: listing.version },
        }),
      ),
    onSuccess: (l) => done(l, t("listings.page.submitted")),
    onError: toastError,
  });
  const close = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/listings/{id}/close", {
          params: { path: { id: listing.id } },
          body: { version: listing.version },
        }),
      ),
    onSuccess: (l) => {
      setConfirmClose(false);
      done(l, t("listings.page.closed"));
    },
    onError: (e) => {
      setConfirmClose(false);
      toastError(e);
    },
  });
  const s = listing.state;
  const note =
    s === "draft"
      ? t("listings.page.draft")
      : s === "moderation"
        ? t("listings.page.onModeration")
        : listing.pending?.state === "moderation"
          ? t("listings.page.pending")
          : null;
  const rejected = s === "rejected" || listing.pending?.state === "rejected";
  return (
    <Stack gap="sm">
      {note && (
        <Alert color="blue" variant="light">
          {note}
        </Alert>
      )}
      {rejected && (
        <Alert
          color="red"
          variant="light"
          title={t(s === "rejected" ? "listings.page.rejected" : "listings.page.pendingRejected")}
        >
          {listing.rejectReason && t("listings.page.reason", { reason: listing.rejectReason })}
        </Alert>
      )}
      <Group gap="sm">
        {(s === "draft" || s === "rejected" || s === "published") && (
          <Button
            component={Link}
            to={`/listings/${listing.id}/edit`}
            variant={s === "published" ? "default" : "filled"}
          >
            {t("listings.page.edit")}
          </Button>
        )}
        {(s === "draft" || s === "rejected") && (
          <Button onClick={() => submit.mutate()} loading={submit.isPending} variant="light">
            {t("listings.page.submit")}
          </Button>
        )}
        {s === "published" && (
          <Button color="red" variant="subtle" onClick={() => setConfirmClose(true)}>
            {t("listings.page.close")}
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={confirmClose}
        onClose={() => setConfirmClose(false)}
        title={t("listings.page.close")}
        confirmLabel={t("listings.page.close")}
        loading={close.isPending}
        onConfirm={() => close.mutate()}
      >
        {t("listings.page.closeConfirm")}
      </ConfirmModal>
    </Stack>
  );
}

export default function ListingPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const locale = useLocale();
  const format = useFormat();
  const query = useQuery(listingQueries.listing(id));
  const l = query.data;
  usePageTitle(l ? titleOf(l, locale) : t("listings.title"));
  if (query.isPending) return <Skeleton height={320} />;
  if (query.error || !l) return <ProblemAlert error={query.error} />;
  const hasEnglish = locale === "en" && Boolean(l.titleEn);
  return (
    <Stack gap="lg">
      <PageHeader
        title={<InRussian russian={!hasEnglish}>{titleOf(l, locale)}</InRussian>}
        subtitle={
          <>
            <Anchor component={Link} to={`/exchanges/${l.kind}`}>
              {t(`listings.kinds.${l.kind}.title`)}
            </Anchor>
            {" · "}
            <Anchor component={Link} to={`/directory/${l.organization.id}`}>
              {l.organization.shortName}
            </Anchor>
          </>
        }
      >
        <Group gap="xs">
          {/* its author and the staff (who may open any listing) see where it stands */}
          {(l.mine || l.state !== "published") && <StateBadge state={l.state} />}
          {l.publishedAt && (
            <Text size="sm" c="dimmed">
              {t("listings.page.published", { date: format.date(l.publishedAt) })}
            </Text>
          )}
        </Group>
      </PageHeader>
      {l.mine && <AuthorPanel listing={l} />}
      <SectionCard id="listing-description" title={t("listings.page.description")} titleGap="sm">
        <InRussian block russian={!(locale === "en" && l.descriptionEn)}>
          <Text style={{ whiteSpace: "pre-line" }}>{descriptionOf(l, locale)}</Text>
        </InRussian>
      </SectionCard>
      <SectionCard id="listing-details" title={t("listings.page.details")} titleGap="sm">
        <FieldList kind={l.kind} values={l.values} />
      </SectionCard>
      {l.pending && (
        <SectionCard id="listing-pending" title={t("listings.page.pendingTitle")} titleGap="sm">
          <Stack gap="sm">
            <Text fw={600}>{l.pending.titleRu}</Text>
            <Text style={{ whiteSpace: "pre-line" }}>{l.pending.descriptionRu}</Text>
            <FieldList kind={l.kind} values={l.pending.values} />
          </Stack>
        </SectionCard>
      )}
    </Stack>
  );
}
