// Favourites and saved searches of the exchanges: the star on a listing's page and the "save this
// search" button of a kind's catalog (both for signed-in readers), and the queries of /listings/saved.
import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ListingKindName } from "../../../shared/listings";
import { ApiError } from "../../api";
import { client } from "../../api/client";
import { LazyModal } from "../../components/lazyOverlays";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast, toastError } from "../../components/toast";
import { listingKeys, listingQueries } from "./queries";

export const useListingFavourites = (enabled = true) => useQuery({ ...listingQueries.favourites(), enabled });
export const useSavedSearches = (enabled = true) => useQuery({ ...listingQueries.savedSearches(), enabled });

/** Star / unstar a published listing, with the way to the saved listings. */
export function FavouriteButton({ listingId }: { listingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const favourites = useListingFavourites();
  const on = favourites.data?.items.some((l) => l.id === listingId) ?? false;
  const toggle = useMutation({
    mutationFn: async () => {
      const path = { params: { path: { id: listingId } } };
      const { error } = on
        ? await client.DELETE("/api/listings/{id}/favourite", path)
        : await client.PUT("/api/listings/{id}/favourite", path);
      if (error) throw error;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listingKeys.favourites }),
    onError: toastError,
  });
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        variant={on ? "filled" : "default"}
        aria-pressed={on}
        loading={toggle.isPending || favourites.isPending}
        onClick={() => toggle.mutate()}
        leftSection={<span aria-hidden="true">{on ? "★" : "☆"}</span>}
      >
        {on ? t("listingsSaved.inFavourites") : t("listingsSaved.addFavourite")}
      </Button>
      <Button component={Link} to="/listings/saved" variant="subtle">
        {t("listingsSaved.title")}
      </Button>
    </Group>
  );
}

/** A kind's catalog search as it is saved: its text and chosen facet values. */
export interface CatalogSearch {
  kind: ListingKindName;
  q: string;
  filters: Record<string, string[]>;
}

/** The catalog's address of a saved search. */
export function catalogLink(kind: string, query: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    const list = Array.isArray(v) ? v : [v];
    if (list.length) parts.push(`${k}=${list.map(encodeURIComponent).join(",")}`);
  }
  return `/exchanges/${kind}${parts.length ? `?${parts.join("&")}` : ""}`;
}

/** "Save this search": a name, then notifications of newly published listings that match it. */
export function SaveSearchButton({ search }: { search: CatalogSearch }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: async () => {
      const filters = Object.fromEntries(Object.entries(search.filters).filter(([, v]) => v.length > 0));
      const { error } = await client.POST("/api/listing-searches", {
        body: {
          name: name.trim(),
          query: { kind: search.kind, ...(search.q ? { q: search.q } : {}), ...filters },
        },
      });
      if (error) throw error;
    },
    onSuccess: () => {
      close();
      toast(t("listingsSaved.searchSaved"), "green");
      void queryClient.invalidateQueries({ queryKey: listingKeys.savedSearches });
    },
  });
  // The limit of saved searches is the name's error ("at most 20…"): said next to the field.
  const nameError =
    save.error instanceof ApiError ? save.error.errors.find((e) => e.field === "name")?.message : undefined;
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setName(search.q || t(`listings.kinds.${search.kind}.title`));
          save.reset();
          open();
        }}
        aria-haspopup="dialog"
      >
        {t("listingsSaved.saveSearch")}
      </Button>
      <LazyModal
        opened={opened}
        onClose={close}
        title={t("listingsSaved.saveSearchTitle")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save.mutate();
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t("listingsSaved.name")}
              description={t("listingsSaved.nameHint")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={200}
              required
              data-autofocus
              error={nameError}
            />
            {save.isError && !nameError && <ProblemAlert error={save.error} />}
            <Group gap="sm">
              <Button type="submit" loading={save.isPending}>
                {t("listingsSaved.save")}
              </Button>
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      </LazyModal>
    </>
  );
}
