/** Shapes of the notifications API, from the generated contract (src/web/api). */
import type { ResponseOf, Schemas } from "../../api/types";

export {
  NOTIFICATION_CHANNELS as CHANNELS,
  type NotificationChannel as Channel,
} from "../../../shared/vocabularies";

export type NotificationItem = Schemas["Notification"];
export type NotificationPage = ResponseOf<"/api/notifications", "get">;
export type UnreadCount = ResponseOf<"/api/notifications/unread-count", "get">;
export type Preferences = ResponseOf<"/api/notifications/preferences", "get">;
export type Preference = Preferences["items"][number];
