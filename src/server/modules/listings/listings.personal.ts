import { eq } from "drizzle-orm";
import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { listingNdaAcceptances } from "./listings.details.schema.js";
import { listingFavourites, listingSavedSearches, listingSearchNotices } from "./listings.follow.schema.js";
import { listingResponses } from "./listings.responses.schema.js";
import { listings } from "./listings.schema.js";

/**
 * The listings and the responses the user created (with what they wrote in a response), their favourite
 * listings and saved searches, the NDAs they accepted for their organizations. Erasure keeps the listings,
 * responses and NDA acceptances (they are their organization's; the person stays an id, whose account is
 * anonymized) and deletes the favourites, the saved searches
 * and the record of the notices they sent.
 */
export const listingsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    return {
      listings: await ownRows(tx, listings, "authorId", userId, [
        "id",
        "kind",
        "state",
        "organizationId",
        "titleRu",
        "createdAt",
        "updatedAt",
      ]),
      responses: await ownRows(tx, listingResponses, "authorId", userId, [
        "id",
        "listingId",
        "organizationId",
        "type",
        "state",
        "values",
        "createdAt",
      ]),
      ndaAcceptances: await ownRows(tx, listingNdaAcceptances, "userId", userId, [
        "listingId",
        "organizationId",
        "acceptedAt",
        "textVersion",
      ]),
      favourites: await ownRows(tx, listingFavourites, "userId", userId, ["listingId", "createdAt"]),
      savedSearches: await ownRows(tx, listingSavedSearches, "userId", userId, [
        "name",
        "kind",
        "query",
        "createdAt",
      ]),
    };
  },
  async erase(tx, userId) {
    await tx.delete(listingSearchNotices).where(eq(listingSearchNotices.userId, userId));
    await tx.delete(listingSavedSearches).where(eq(listingSavedSearches.userId, userId));
    await tx.delete(listingFavourites).where(eq(listingFavourites.userId, userId));
  },
};
