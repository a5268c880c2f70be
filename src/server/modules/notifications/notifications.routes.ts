import { routes } from "../../core/route.js";
import {
  NotificationIdParams,
  NotificationPage,
  NotificationsQuery,
  Preferences,
  SetPreferencesBody,
  UnreadCount,
} from "./notifications.contract.js";
import * as svc from "./notifications.service.js";

const action = "notifications.own";

export const notificationsRoutes = routes(["notifications"], (r) => {
  r.get("/notifications", {
    action,
    summary: "My notifications, newest first",
    query: NotificationsQuery,
    response: NotificationPage,
    handler: (ctx, { query }) => svc.listNotifications(ctx, query),
  });
  r.get("/notifications/unread-count", {
    action,
    summary: "How many notifications are unread",
    response: UnreadCount,
    noStore: true,
    handler: async (ctx) => ({ unread: await svc.unreadCount(ctx) }),
  });
  r.post("/notifications/:id/read", {
    action,
    summary: "Mark one as read",
    params: NotificationIdParams,
    status: 204,
    handler: (ctx, { params }) => svc.markRead(ctx, params.id),
  });
  r.post("/notifications/read-all", {
    action,
    summary: "Mark all as read",
    status: 204,
    handler: (ctx) => svc.markAllRead(ctx),
  });
  r.get("/notifications/preferences", {
    action,
    summary: "Channel per kind: in-app, e-mail, daily digest or off",
    response: Preferences,
    handler: (ctx) => svc.getPreferences(ctx),
  });
  r.put("/notifications/preferences", {
    action,
    summary: "Set channels per kind",
    body: SetPreferencesBody,
    response: Preferences,
    handler: (ctx, { body }) => svc.setPreferences(ctx, body),
  });
});
