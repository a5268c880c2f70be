import { queryOptions } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client";
import type { ListingsQuery } from "./types";

/** A listing's file, downloaded (a photo: shown) through the listing's authorization. */
export const fileUrl = (listingId: string, fileId: string) => `/api/listings/${listingId}/files/${fileId}`;

export const listingKeys = {
  all: ["listings"] as const,
  search: (query: ListingsQuery) => ["listings", "search", query] as const,
  listing: (id: string) => ["listings", "listing", id] as const,
  ofOrganization: (id: string) => ["listings", "organization", id] as const,
  queue: (page: number) => ["listings", "queue", page] as const,
  responses: (listingId: string) => ["listings", "responses", listingId] as const,
  awaiting: ["listings", "awaiting"] as const,
  favourites: ["listings", "favourites"] as const,
  savedSearches: ["listings", "saved-searches"] as const,
};

export const listingQueries = {
  search: (query: ListingsQuery) =>
    queryOptions({
      queryKey: listingKeys.search(query),
      queryFn: ({ signal }) => unwrap(client.GET("/api/listings", { params: { query }, signal })),
    }),
  listing: (id: string) =>
    queryOptions({
      queryKey: listingKeys.listing(id),
      queryFn: ({ signal }) => unwrap(client.GET("/api/listings/{id}", { params: { path: { id } }, signal })),
    }),
  ofOrganization: (id: string) =>
    queryOptions({
      queryKey: listingKeys.ofOrganization(id),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/organizations/{id}/listings", { params: { path: { id } }, signal })),
    }),
  /** A listing's responses: all for its organization, the reader's own organizations' for others. */
  responses: (listingId: string) =>
    queryOptions({
      queryKey: listingKeys.responses(listingId),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/listings/{id}/responses", { params: { path: { id: listingId } }, signal })),
    }),
  /** The responses waiting for one of the reader's organizations to move (the cabinet). */
  awaiting: () =>
    queryOptions({
      queryKey: listingKeys.awaiting,
      queryFn: ({ signal }) => unwrap(client.GET("/api/responses/awaiting", { signal })),
    }),
  queue: (page: number) =>
    queryOptions({
      queryKey: listingKeys.queue(page),
      queryFn: ({ signal }) =>
        unwrap(client.GET("/api/operator/listings", { params: { query: { page, pageSize: 20 } }, signal })),
    }),
  favourites: () =>
    queryOptions({
      queryKey: listingKeys.favourites,
      queryFn: ({ signal }) => unwrap(client.GET("/api/listings/favourites", { signal })),
    }),
  savedSearches: () =>
    queryOptions({
      queryKey: listingKeys.savedSearches,
      queryFn: ({ signal }) => unwrap(client.GET("/api/listing-searches", { signal })),
    }),
};
