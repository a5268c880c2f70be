import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { rows } from "../../core/db.js";
import { openEventStream, type RealtimeEvent } from "../../core/realtime.js";
import { memberOrgIds } from "../organizations/access.js";
import { CONVERSATION_TOPIC } from "./conversations.api.js";
import { isStaff, organizationsOf } from "./conversations.service.js";

/** How often a stream sends a comment line (and checks that its session still holds). */
export const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/conversations/events`: a Server-Sent Events stream of the signed-in user's conversations.
 * Each event (`event: conversation`, `data: {conversationId, kind}` with kind message | changed | read)
 * says that something changed; the page reads it through the API. Only conversations the user may read
 * are announced: the event's parties are matched against the user's organizations (kept per stream,
 * refreshed at each heartbeat) and a match is confirmed against the database before it is sent.
 * A stream ends when the browser goes, when its session ends (checked at each heartbeat) or when the
 * server shuts down; the browser's EventSource reconnects and the page refetches on `open`.
 */
export const conversationEventsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/conversations/events",
    {
      config: { policy: "conversations.access" as const },
      schema: {
        tags: ["conversations"],
        summary:
          "Server-Sent Events (text/event-stream): `conversation` events {conversationId, kind} for the user's conversations",
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const { database, realtime } = req.server.services;
      const db = database.db;
      const staffRole = isStaff(actor);
      let orgs = await organizationsOf(db, actor.id);
      const stream = openEventStream(req, reply, realtime, { heartbeatMs: HEARTBEAT_MS });
      const check = setInterval(() => {
        void (async () => {
          const [alive] = await rows<{ ok: number }>(
            db,
            sql`select 1 as ok from sessions s join users u on u.id = s.user_id
                where s.id = ${actor.sessionId} and s.expires_at > now() and u.blocked_at is null`,
          );
          if (!alive) return stream.close();
          orgs = await organizationsOf(db, actor.id);
        })().catch(() => {});
      }, HEARTBEAT_MS);
      check.unref();
      const onEvent = (e: RealtimeEvent) => {
        if (e.topic !== CONVERSATION_TOPIC || stream.closed) return;
        const { conversationId, a, b, kind } = e.data as {
          conversationId: string;
          a: string;
          b: string | null;
          kind: string;
        };
        const parties = b ? [a, b] : [a];
        const operatorThread = !b && staffRole;
        if (!operatorThread && !parties.some((p) => orgs.has(p))) return;
        void (async () => {
          if (!operatorThread && (await memberOrgIds(db, actor.id, parties)).size === 0) return;
          stream.send("conversation", { conversationId, kind });
        })().catch(() => {});
      };
      // While LISTEN was lost events may have been missed: the page refetches on "resync".
      const unsubscribe = await realtime
        .subscribe(onEvent, () => stream.send("resync", {}))
        .catch((err) => {
          stream.close();
          throw err;
        });
      stream.onClose(() => {
        clearInterval(check);
        unsubscribe();
      });
      // Subscribed: anything committed from now on reaches this stream.
      stream.send("ready", {});
    },
  );
};
