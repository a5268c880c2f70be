import { eq } from "drizzle-orm";
import type { PersonalDataPart } from "../../core/module.js";
import { listings } from "./listings.schema.js";

/**
 * The listings the user created. Erasure keeps them (they are their organization's listings); the author
 * stays an id, whose account is anonymized, and decisions notify no one.
 */
export const listingsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    const list = await tx
      .select({
        id: listings.id,
        kind: listings.kind,
        state: listings.state,
        organizationId: listings.organizationId,
        titleRu: listings.titleRu,
        createdAt: listings.createdAt,
        updatedAt: listings.updatedAt,
      })
      .from(listings)
      .where(eq(listings.authorId, userId));
    return {
      listings: list.map((l) => ({
        ...l,
        createdAt: l.createdAt.toISOString(),
        updatedAt: l.updatedAt.toISOString(),
      })),
    };
  },
  async erase() {},
};
