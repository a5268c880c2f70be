import { eq } from "drizzle-orm";
import { ownRows } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import {
  measureFavourites,
  measureNotices,
  measureRemindersSent,
  measureSubscriptions,
} from "./measures.subscriptions.schema.js";

/** Favourite measures and saved searches; erasure deletes them with the records of notices sent. */
export const measuresPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    const favourites = await ownRows(tx, measureFavourites, "userId", userId, ["measureId", "createdAt"]);
    const searches = await ownRows(tx, measureSubscriptions, "userId", userId, [
      "name",
      "query",
      "createdAt",
    ]);
    return { favourites, savedSearches: searches };
  },
  async erase(tx, userId) {
    await tx.delete(measureFavourites).where(eq(measureFavourites.userId, userId));
    await tx.delete(measureSubscriptions).where(eq(measureSubscriptions.userId, userId));
    await tx.delete(measureNotices).where(eq(measureNotices.userId, userId));
    await tx.delete(measureRemindersSent).where(eq(measureRemindersSent.userId, userId));
  },
};
