import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../../core/context.js";
import {
  NotificationIdParams,
  NotificationPage,
  NotificationsQuery,
  Preferences,
  SetPreferencesBody,
  UnreadCount,
} from "./notifications.contract.js";
import * as svc from "./notifications.service.js";

const tags = ["notifications"];
const config = { policy: "notifications.own" as const };

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/notifications",
    {
      config,
      schema: {
        tags,
        summary: "My notifications, newest first",
        querystring: NotificationsQuery,
        response: { 200: NotificationPage },
      },
    },
    async (req) => svc.listNotifications(ctxOf(req), req.query),
  );
  app.get(
    "/notifications/unread-count",
    {
      config,
      schema: { tags, summary: "How many notifications are unread", response: { 200: UnreadCount } },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return { unread: await svc.unreadCount(ctxOf(req)) };
    },
  );
  app.post(
    "/notifications/:id/read",
    { config, schema: { tags, summary: "Mark one as read", params: NotificationIdParams } },
    async (req, reply) => {
      await svc.markRead(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    "/notifications/read-all",
    { config, schema: { tags, summary: "Mark all as read" } },
    async (req, reply) => {
      await svc.markAllRead(ctxOf(req));
      return reply.code(204).send();
    },
  );
  app.get(
    "/notifications/preferences",
    {
      config,
      schema: {
        tags,
        summary: "Channel per kind: in-app, e-mail, daily digest or off",
        response: { 200: Preferences },
      },
    },
    async (req) => svc.getPreferences(ctxOf(req)),
  );
  app.put(
    "/notifications/preferences",
    {
      config,
      schema: {
        tags,
        summary: "Set channels per kind",
        body: SetPreferencesBody,
        response: { 200: Preferences },
      },
    },
    async (req) => svc.setPreferences(ctxOf(req), req.body),
  );
};
