import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { pilots } from "./pilots.schema.js";

/**
 * The pilot applications the user wrote and the ones they scored as the expert. Erasure keeps them:
 * they are their organizations' records (the person stays an id, whose account is anonymized).
 */
export const pilotsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    return {
      applications: await ownRows(tx, pilots, "authorId", userId, [
        "id",
        "siteId",
        "organizationId",
        "state",
        "createdAt",
      ]),
      scored: await ownRows(tx, pilots, "expertId", userId, ["id", "scores", "scoreComment", "scoredAt"]),
    };
  },
  async erase() {},
};
