import { eq } from "drizzle-orm";
import { columnsOf } from "../../core/columns.js";
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
    const favourites = await tx
      .select({ measureId: measureFavourites.measureId, createdAt: measureFavourites.createdAt })
      .from(measureFavourites)
      .where(eq(measureFavourites.userId, userId));
    const searches = await tx
      .select(columnsOf(measureSubscriptions, "name", "query", "createdAt"))
      .from(measureSubscriptions)
      .where(eq(measureSubscriptions.userId, userId));
    return { favourites, savedSearches: searches };
  },
  async erase(tx, userId) {
    await tx.delete(measureFavourites).where(eq(measureFavourites.userId, userId));
    await tx.delete(measureSubscriptions).where(eq(measureSubscriptions.userId, userId));
    await tx.delete(measureNotices).where(eq(measureNotices.userId, userId));
    await tx.delete(measureRemindersSent).where(eq(measureRemindersSent.userId, userId));
  },
};
