import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { listings } from "./listings.schema.js";

/**
 * The listings the user created. Erasure keeps them (they are their organization's listings); the author
 * stays an id, whose account is anonymized.
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
    };
  },
  async erase() {},
};
