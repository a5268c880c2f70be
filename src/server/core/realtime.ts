import type { ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import pg from "pg";
import type { Database, Executor } from "./db.js";

/*
 * Realtime events across app servers: PostgreSQL LISTEN/NOTIFY (PGlite has it too, on its one
 * connection).
 *
 *   publish(tx, topic, data)       — inside the caller's transaction: `pg_notify` is delivered at
 *                                    commit, so a rolled-back change announces nothing;
 *   services.realtime.subscribe(fn) — every app server hears every committed event (its own too);
 *   openEventStream(req, reply)    — a Server-Sent Events response with heartbeats, ended on client
 *                                    disconnect and at server shutdown.
 *
 * An event carries ids, never content: the receiving module decides which of its streams may hear
 * of it, and the browser reads the content through the API (with its authorization).
 */

/** The one PostgreSQL channel every event travels on. */
export const REALTIME_CHANNEL = "innocluster_events";

/** A NOTIFY payload must stay under 8,000 bytes; events are a topic and a few ids. */
const MAX_PAYLOAD = 7_900;

export interface RealtimeEvent {
  topic: string;
  data: Record<string, string | number | boolean | null>;
}

/**
 * Announces an event to every app server once the caller's transaction commits (nothing on rollback).
 * Call it inside the transaction that made the change.
 */
export async function publish(ex: Executor, topic: string, data: RealtimeEvent["data"]): Promise<void> {
  const payload = JSON.stringify({ topic, data } satisfies RealtimeEvent);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`realtime event ${topic} too large`);
  await ex.execute(sql`select pg_notify(${REALTIME_CHANNEL}, ${payload})`);
}

type Listener = (event: RealtimeEvent) => void;
/** Told when events may have been missed (the listening connection was lost and is back). */
type ResyncListener = () => void;

/**
 * One app server's ear: a LISTEN on its own connection (PostgreSQL: a dedicated client outside the
 * pool, reconnected with back-off when lost; PGlite: `pglite.listen`), opened with the first
 * subscriber. In-process subscribers get every event; each filters what it wants.
 */
export class Realtime {
  private listeners = new Set<Listener>();
  private resyncListeners = new Set<ResyncListener>();
  private starting: Promise<void> | undefined;
  private client: pg.Client | undefined;
  private unlistenPglite: (() => Promise<void>) | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  /** Open event streams, ended when the server shuts down. */
  readonly streams = new Set<EventStream>();

  constructor(private readonly database: Database) {}

  /** Adds a subscriber once LISTEN is in place (so nothing committed after this resolves is missed). */
  async subscribe(listener: Listener, onResync?: ResyncListener): Promise<() => void> {
    this.listeners.add(listener);
    if (onResync) this.resyncListeners.add(onResync);
    try {
      await this.start();
    } catch (err) {
      this.listeners.delete(listener);
      if (onResync) this.resyncListeners.delete(onResync);
      throw err;
    }
    return () => {
      this.listeners.delete(listener);
      if (onResync) this.resyncListeners.delete(onResync);
    };
  }

  private start(): Promise<void> {
    this.starting ??= this.listen().catch((err) => {
      this.starting = undefined;
      throw err;
    });
    return this.starting;
  }

  private deliver(payload: string | undefined) {
    if (!payload) return;
    let event: RealtimeEvent;
    try {
      event = JSON.parse(payload) as RealtimeEvent;
    } catch {
      return;
    }
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // one subscriber's failure is not the others'
      }
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const { database } = this;
    if (database.pglite) {
      const unlisten = await database.pglite.listen(REALTIME_CHANNEL, (p) => this.deliver(p));
      if (this.stopped) {
        if (!database.pglite.closed) await unlisten().catch(() => {});
        throw new Error("realtime stopped");
      }
      this.unlistenPglite = unlisten;
      return;
    }
    if (!database.url) throw new Error("realtime needs the database URL");
    const client = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: 5000 });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners("notification");
      void client.end().catch(() => {});
      this.reconnect(1000);
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (n) => {
      if (n.channel === REALTIME_CHANNEL) this.deliver(n.payload);
    });
    try {
      await client.connect();
      // stop() may have run while connecting: it could not see this client, so it is ended here.
      if (this.stopped) throw new Error("realtime stopped");
      await client.query(`listen ${REALTIME_CHANNEL}`);
      if (this.stopped) throw new Error("realtime stopped");
    } catch (err) {
      // A connection that does not listen is closed, not left open (and not reconnected by `lost`).
      client.removeAllListeners();
      client.on("error", () => {});
      await client.end().catch(() => {});
      throw err;
    }
    this.client = client;
  }

  private reconnect(delayMs: number) {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.listen().then(
        () => {
          for (const r of this.resyncListeners) r();
        },
        () => this.reconnect(Math.min(delayMs * 2, 30_000)),
      );
    }, delayMs);
    this.retryTimer.unref();
  }

  /** Ends every open event stream (a server about to close must not wait for them). */
  endStreams() {
    for (const s of [...this.streams]) s.close();
  }

  /** Stops listening; subscribers hear nothing more. */
  async stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.endStreams();
    this.listeners.clear();
    this.resyncListeners.clear();
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => {});
    if (this.unlistenPglite && !this.database.pglite?.closed) await this.unlistenPglite().catch(() => {});
    this.unlistenPglite = undefined;
  }
}

/** One Server-Sent Events response. */
export interface EventStream {
  /** Sends one event (`event:` name, JSON `data:`). */
  send(event: string, data: unknown): void;
  /** Ends the response (the browser's EventSource reconnects after `retry`). */
  close(): void;
  /** Called once when the stream ends, whoever ended it. */
  onClose(fn: () => void): void;
  readonly closed: boolean;
}

export interface EventStreamOptions {
  /** A comment line this often keeps proxies and the browser from timing the connection out. */
  heartbeatMs?: number;
  /** How long the browser waits before reconnecting after the stream ends. */
  retryMs?: number;
}

/**
 * Turns the reply into an SSE stream (the route's handler must not send anything else). Keeps the
 * headers Fastify's hooks set (request id, helmet's), says `no-store` and `no-transform`, and ends at
 * client disconnect or when `realtime.endStreams()` runs at shutdown.
 */
export function openEventStream(
  req: FastifyRequest,
  reply: FastifyReply,
  realtime: Realtime,
  opts: EventStreamOptions = {},
): EventStream {
  reply.hijack();
  const res: ServerResponse = reply.raw;
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? v : String(v);
  }
  res.writeHead(200, {
    ...headers,
    "x-request-id": req.id,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store, no-transform",
    connection: "keep-alive",
    // nginx and similar proxies would otherwise buffer the stream
    "x-accel-buffering": "no",
  });
  res.write(`retry: ${opts.retryMs ?? 3000}\n: open\n\n`);
  const closers: (() => void)[] = [];
  let seq = 0;
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(": ping\n\n");
  }, opts.heartbeatMs ?? 25_000);
  heartbeat.unref();
  const stream: EventStream = {
    closed: false,
    send(event, data) {
      if (stream.closed || res.writableEnded) return;
      seq++;
      res.write(`id: ${seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      if (stream.closed) return;
      (stream as { closed: boolean }).closed = true;
      clearInterval(heartbeat);
      realtime.streams.delete(stream);
      if (!res.writableEnded) res.end();
      for (const fn of closers) {
        try {
          fn();
        } catch {
          // closing goes on
        }
      }
    },
    onClose(fn) {
      if (stream.closed) fn();
      else closers.push(fn);
    },
  };
  realtime.streams.add(stream);
  req.raw.on("close", () => stream.close());
  res.on("close", () => stream.close());
  return stream;
}
