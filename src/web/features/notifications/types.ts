/**
 * Shapes of the notifications API, written by hand from
 * src/server/modules/notifications/notifications.contract.ts.
 */

export const CHANNELS = ["in_app", "email", "digest", "off"] as const;
export type Channel = (typeof CHANNELS)[number];

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export interface UnreadCount {
  unread: number;
}

export interface Preference {
  kind: string;
  label: string;
  channel: Channel;
  defaultChannel: Channel;
}

export interface Preferences {
  items: Preference[];
}
