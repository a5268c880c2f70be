// Favourites and saved searches of the exchanges: the star on a listing's page and the "save this
// search" button of a kind's catalog (both for signed-in readers), and the queries of /listings/saved.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ListingKindName } from "../../../shared/listings";
import { client } from "../../api/client";
import { FavouriteToggle, SaveSearchButton as SavedSearchButton } from "../../components/follow";
import { listingKeys, listingQueries } from "./queries";

export const useListingFavourites = (enabled = true) => useQuery({ ...listingQueries.favourites(), enabled });
export const useSavedSearches = (enabled = true) => useQuery({ ...listingQueries.savedSearches(), enabled });

/** Star / unstar a published listing, with the way to the saved listings. */
export function FavouriteButton({ listingId }: { listingId: string }) {
  const { t } = useTranslation();
  const favourites = useListingFavourites();
  return (
    <FavouriteToggle
      on={favourites.data?.items.some((l) => l.id === listingId) ?? false}
      checking={favourites.isPending}
      toggle={async (on) => {
        const path = { params: { path: { id: listingId } } };
        const { error } = on
          ? await client.DELETE("/api/listings/{id}/favourite", path)
          : await client.PUT("/api/listings/{id}/favourite", path);
        if (error) throw error;
      }}
      list={listingKeys.favourites}
      texts={{
        add: t("listingsSaved.addFavourite"),
        added: t("listingsSaved.inFavourites"),
        saved: t("listingsSaved.title"),
      }}
      savedTo="/listings/saved"
    />
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
  return (
    <SavedSearchButton
      texts={{
        button: t("listingsSaved.saveSearch"),
        title: t("listingsSaved.saveSearchTitle"),
        name: t("listingsSaved.name"),
        nameHint: t("listingsSaved.nameHint"),
        save: t("listingsSaved.save"),
        saved: t("listingsSaved.searchSaved"),
      }}
      defaultName={() => search.q || t(`listings.kinds.${search.kind}.title`)}
      save={async (name) => {
        const filters = Object.fromEntries(Object.entries(search.filters).filter(([, v]) => v.length > 0));
        const { error } = await client.POST("/api/listing-searches", {
          body: { name, query: { kind: search.kind, ...(search.q ? { q: search.q } : {}), ...filters } },
        });
        if (error) throw error;
      }}
      list={listingKeys.savedSearches}
    />
  );
}
