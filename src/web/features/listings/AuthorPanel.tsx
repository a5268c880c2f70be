// The author's panel of a listing's page (its organization's members only): a chunk of its own, so
// that guests' pages do not carry it.
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LISTING_VALIDITY_DAYS } from "../../../shared/listings";
import { client, unwrap } from "../../api/client";
import { ConfirmModal } from "../../components/modal";
import { toast, toastError } from "../../components/toast";
import { useFormat } from "../../format";
import { listingKeys } from "./queries";
import type { Listing } from "./types";

/** The author's view: where the listing stands and what to do next. */
export default function AuthorPanel({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const format = useFormat();
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
  const prolong = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/listings/{id}/prolong", {
          params: { path: { id: listing.id } },
          body: { version: listing.version },
        }),
      ),
    onSuccess: (l) =>
      done(l, t("listings.page.prolonged", { date: l.expiresAt ? format.date(l.expiresAt) : "" })),
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
  // Its validity, its views, and (an order, a technology request) how many organizations were told of it.
  const facts = [
    listing.expiresAt && t("listings.page.validUntil", { date: format.date(listing.expiresAt) }),
    listing.views !== null && t("listings.page.views", { count: listing.views }),
    listing.matched !== null && t(`listings.page.matched.${listing.kind}`, { count: listing.matched }),
  ].filter(Boolean);
  const rejected = s === "rejected" || listing.pending?.state === "rejected";
  // It may be prolonged while less than one validity period is left (the server says so otherwise).
  const prolongable =
    s === "published" &&
    listing.expiresAt !== null &&
    new Date(listing.expiresAt).getTime() - Date.now() < LISTING_VALIDITY_DAYS * 24 * 3600 * 1000;
  return (
    <Stack gap="sm">
      {s === "published" && <Text size="sm">{facts.join(" · ")}</Text>}
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
        {prolongable && (
          <Button variant="light" onClick={() => prolong.mutate()} loading={prolong.isPending}>
            {t("listings.page.prolong", { days: LISTING_VALIDITY_DAYS })}
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
