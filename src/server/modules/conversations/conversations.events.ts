import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Role } from "../../../shared/constants.js";
import { rows } from "../../core/db.js";
import { RateLimitedError } from "../../core/errors.js";
import { openEventStream, type RealtimeEvent } from "../../core/realtime.js";
import { memberOrgIds } from "../organizations/access.js";
import { CONVERSATION_TOPIC } from "./conversations.api.js";
import { isStaff, organizationsOf } from "./conversations.service.js";

/** How often a stream sends a comment line (and checks that its session still holds). */
export const HEARTBEAT_MS = 25_000;
/** Open streams per user on one app server; one more is refused with 429. */
export const STREAMS_PER_USER = 10;

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
  /** Open streams per user on this app server. */
  const streamsByUser = new Map<string, number>();
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
      // A user holds a few tabs, not hundreds of streams (each one is a socket and a filter per event).
      const open = streamsByUser.get(actor.id) ?? 0;
      if (open >= STREAMS_PER_USER) throw new RateLimitedError(HEARTBEAT_MS);
      streamsByUser.set(actor.id, open + 1);
      let counted = true;
      const release = () => {
        if (!counted) return;
        counted = false;
        const n = (streamsByUser.get(actor.id) ?? 1) - 1;
        if (n > 0) streamsByUser.set(actor.id, n);
        else streamsByUser.delete(actor.id);
      };
      let staffRole = isStaff(actor);
      let orgs: Set<string>;
      try {
        orgs = await organizationsOf(db, actor.id);
      } catch (err) {
        release();
        throw err;
      }
      const stream = openEventStream(req, reply, realtime, { heartbeatMs: HEARTBEAT_MS });
      stream.onClose(release);
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
      // Subscribed: the timer starts only now, and whoever ends the stream stops both.
      const check = setInterval(() => {
        void (async () => {
          const [alive] = await rows<{ role: Role }>(
            db,
            sql`select u.role from sessions s join users u on u.id = s.user_id
                where s.id = ${actor.sessionId} and s.expires_at > now() and u.blocked_at is null`,
          );
          if (!alive) return stream.close();
          // A role taken away (or given) since the stream opened counts from this heartbeat on.
          staffRole = isStaff({ ...actor, role: alive.role });
          orgs = await organizationsOf(db, actor.id);
        })().catch(() => {});
      }, HEARTBEAT_MS);
      check.unref();
      stream.onClose(() => {
        clearInterval(check);
        unsubscribe();
      });
      stream.send("ready", {});
    },
  );
};
