import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { listingResponses } from "./listings.responses.schema.js";
import { listings } from "./listings.schema.js";

/**
 * The listings and the responses the user created (with what they wrote in a response). Erasure keeps
 * them (they are their organization's); the author stays an id, whose account is anonymized.
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
    };
  },
  async erase() {},
};
