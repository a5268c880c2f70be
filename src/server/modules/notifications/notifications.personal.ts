import { eq } from "drizzle-orm";
import { columnsOf } from "../../core/columns.js";
import type { PersonalDataPart } from "../../core/module.js";
import { digestRuns, notificationPreferences, notifications } from "./notifications.schema.js";

/** The user's notifications (kind, data, link, read) and channel preferences; erasure deletes them. */
export const notificationsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    const list = await tx
      .select(columnsOf(notifications, "kind", "data", "link", "createdAt", "readAt"))
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(notifications.createdAt);
    const prefs = await tx
      .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    return {
      notifications: list,
      preferences: prefs,
    };
  },
  async erase(tx, userId) {
    await tx.delete(notifications).where(eq(notifications.userId, userId));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    await tx.delete(digestRuns).where(eq(digestRuns.userId, userId));
  },
};
