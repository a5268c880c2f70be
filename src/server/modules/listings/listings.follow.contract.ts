// Favourites, saved searches and the validity of listings: request and response schemas.
import { z } from "zod";
import { SafeText } from "../../../shared/text.js";
import { ListingCard, ListingKind, ListingsQuery } from "./listings.contract.js";

/** A saved search: a kind's catalog query (text and facet filters) without sorting and paging. */
export const SavedListingQuery = ListingsQuery.omit({ sort: true, page: true, pageSize: true });

export const SavedSearchBody = z.object({ name: SafeText(1, 200), query: SavedListingQuery }).strict();

export const SavedSearch = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: ListingKind,
    /** The text (`q`) and the kind's facet filters (arrays of values). */
    query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    createdAt: z.string(),
  })
  .meta({ id: "ListingSavedSearch" });
export const SavedSearches = z.object({ items: z.array(SavedSearch) });

export const FavouriteListings = z.object({ items: z.array(ListingCard) });
