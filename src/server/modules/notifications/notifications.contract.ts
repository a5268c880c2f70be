import { z } from "zod";
import { NOTIFICATION_CHANNELS } from "../../../shared/vocabularies.js";
import { IdParams, Page, PageSize } from "../../core/contract.js";

export const Channel = z.enum(NOTIFICATION_CHANNELS);

export const NotificationsQuery = z
  .object({ unread: z.enum(["true", "false"]).optional(), page: Page, pageSize: PageSize })
  .strict();

export const NotificationItem = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: "Notification" });

export const NotificationPage = z.object({
  items: z.array(NotificationItem),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const UnreadCount = z.object({ unread: z.number().int() });

export const Preferences = z.object({
  items: z.array(
    z.object({ kind: z.string(), label: z.string(), channel: Channel, defaultChannel: Channel }),
  ),
});
export const SetPreferencesBody = z
  .object({
    items: z
      .array(z.object({ kind: z.string().min(1).max(100), channel: Channel }))
      .min(1)
      .max(100),
  })
  .strict();
export const NotificationIdParams = IdParams;
