import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { type Executor, rows, textArray } from "./db.js";

/**
 * How many admissions a server claims from the shared counter in one round trip, for a limit of `max`:
 * a twentieth of the limit (1 below 40, so the small limits of sign-in and sign-up are exact per
 * request). See `sharedRateLimitStore`.
 */
export const defaultClaimSize = (max: number) => Math.max(1, Math.floor(max / 20));

/** Keys per claiming statement: four parameters each, well under the 65,535 a statement may bind. */
const MAX_BATCH = 5000;

/** One limit's key on this server, in the current window. */
interface Lease {
  id: string;
  windowStart: number;
  timeWindow: number;
  max: number;
  /** Admissions claimed by this server and not used yet. */
  left: number;
  /** Admissions made ahead of a claim (at most the credit), covered by the next claim's answer. */
  ahead: number;
  /** The shared count after this server's last claim, at most the limit. */
  claimed: number;
  /** The shared counter reached the limit: refuse without asking again until the window ends. */
  exhausted: boolean;
  /** Requests refused in this window (reported above the limit, as the in-memory store does). */
  over: number;
  /** A claim is queued or in flight. */
  claiming: boolean;
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

export interface SharedStoreOptions {
  db: Executor;
  /** Admissions claimed per round trip (default `defaultClaimSize`); `() => 1` asks on every request. */
  claimSize?: (max: number) => number;
  /**
   * Admissions a server may make for a key while its claim is on the way (default: one block when the
   * block is 2 or more, none for the small limits). 0: every admission waits for a granted claim.
   */
  credit?: (max: number, block: number) => number;
  /** Claims of all keys are gathered this long and sent as one statement (default 5 ms). */
  batchMs?: number;
  /** Keys remembered per server (default 100,000); a forgotten key's unused claim is simply lost. */
  keys?: number;
  /** Called once per statement sent, with the number of keys it claims for (tests count them). */
  onClaim?: (keys: number) => void;
}

/**
 * A store for @fastify/rate-limit whose counters live in the platform's PostgreSQL, so that N app
 * servers behind a balancer give a client its limit once, not N times.
 *
 * Windows are fixed and aligned on the clock (`floor(now / window)`), the same on every server. A
 * server does not ask the database on every request: it claims a block of admissions for a key —
 * an atomic `insert … on conflict do update set count = count + block returning count` — and admits
 * the key's next requests from the block locally. From the returned count it knows how many of the
 * block were still under the limit (`max − (count − block)`, none once the limit was reached) and,
 * when fewer than a block were, that the limit is spent: it then refuses the key locally until the
 * window ends, without asking again. Claims of every key are gathered for `batchMs` and sent as one
 * statement; the next block is claimed when half of the current one is used; and while a claim is on
 * the way, a server may admit up to `credit` of the key's requests ahead of it (the claim's answer
 * covers them), so a client's first request does not wait for the database.
 *
 * The bound, per key and window, with N servers: all servers together admit at most
 * `max + N × credit` — every admission comes from a claim counted under the limit, except at most
 * `credit` per server made ahead of the claim that found the limit spent (with the defaults: 5 % of
 * the limit per server above 40, none below, where every request waits for its claim). A client may
 * be refused early by what the other servers claimed and did not use: at most (N − 1) × block
 * admissions, plus the unused claims of a server that restarted.
 */
export function sharedRateLimitStore(opts: SharedStoreOptions): FastifyRateLimitStoreCtor {
  const claimSize = opts.claimSize ?? defaultClaimSize;
  const creditOf = opts.credit ?? ((_max: number, block: number) => (block > 1 ? block : 0));
  const batchMs = opts.batchMs ?? 5;
  const leases = new LRUCache<string, Lease>({ max: opts.keys ?? 100_000 });
  let queue: Lease[] = [];
  let timer: NodeJS.Timeout | undefined;

  const blockOf = (max: number) => Math.max(1, Math.floor(claimSize(max)));

  function requestClaim(lease: Lease) {
    if (lease.claiming || lease.exhausted) return;
    lease.claiming = true;
    queue.push(lease);
    if (timer === undefined) timer = setTimeout(flush, batchMs);
  }

  function settle(lease: Lease, err?: unknown) {
    lease.claiming = false;
    const waiters = lease.waiters;
    lease.waiters = [];
    for (const w of waiters) err ? w.reject(err) : w.resolve();
  }

  async function flush() {
    timer = undefined;
    // One row per key and window in a statement (ON CONFLICT may touch a row once); a rare second
    // lease of the same key (the first one forgotten by the cache) goes in the next statement.
    const batch = new Map<string, Lease>();
    const later: Lease[] = [];
    for (const l of queue) {
      const k = `${l.windowStart} ${l.id}`;
      if (batch.has(k) || batch.size >= MAX_BATCH) later.push(l);
      else batch.set(k, l);
    }
    queue = later;
    if (later.length) timer = setTimeout(flush, batchMs);
    const sent = [...batch.values()];
    if (!sent.length) return;
    opts.onClaim?.(sent.length);
    try {
      const answer = await rows<{ key: string; window_start: string | number; count: number }>(
        opts.db,
        sql`insert into rate_limit_counters as c (key, window_start, count, expires_at)
            select * from unnest(
              ${textArray(sent.map((l) => l.id))},
              ${textArray(sent.map((l) => String(l.windowStart)))}::bigint[],
              ${textArray(sent.map((l) => String(blockOf(l.max))))}::int[],
              ${textArray(sent.map((l) => new Date(l.windowStart + l.timeWindow).toISOString()))}::timestamptz[])
            on conflict (key, window_start) do update set count = c.count + excluded.count
            returning c.key, c.window_start, c.count`,
      );
      const counts = new Map(answer.map((r) => [`${Number(r.window_start)} ${r.key}`, Number(r.count)]));
      for (const [k, lease] of batch) {
        const block = blockOf(lease.max);
        const count = counts.get(k) ?? lease.max + block;
        const usable = Math.min(block, Math.max(0, lease.max - (count - block)));
        const covered = Math.min(lease.ahead, usable);
        lease.ahead -= covered;
        lease.left += usable - covered;
        lease.claimed = Math.min(count, lease.max);
        if (usable < block) {
          lease.exhausted = true;
          lease.ahead = 0;
        }
        settle(lease);
      }
    } catch (err) {
      for (const lease of sent) settle(lease, err);
    }
  }

  async function take(
    id: string,
    timeWindow: number,
    max: number,
  ): Promise<{ current: number; ttl: number }> {
    for (;;) {
      const now = Date.now();
      const windowStart = now - (now % timeWindow);
      const ttl = windowStart + timeWindow - now;
      let lease = leases.get(id);
      if (!lease || lease.windowStart !== windowStart) {
        lease = {
          id,
          windowStart,
          timeWindow,
          max,
          left: 0,
          ahead: 0,
          claimed: 0,
          exhausted: false,
          over: 0,
          claiming: false,
          waiters: [],
        };
        leases.set(id, lease, { ttl: ttl + 1000 });
      }
      const block = blockOf(max);
      if (lease.left > 0) {
        lease.left--;
        // The next block is asked for while half of this one is left.
        if (lease.left < block / 2) requestClaim(lease);
        return { current: lease.claimed - lease.left, ttl };
      }
      if (lease.exhausted) {
        lease.over++;
        return { current: max + lease.over, ttl };
      }
      requestClaim(lease);
      if (lease.ahead < creditOf(max, block)) {
        lease.ahead++;
        return { current: Math.min(max, lease.claimed + lease.ahead), ttl };
      }
      const own = lease;
      await new Promise<void>((resolve, reject) => own.waiters.push({ resolve, reject }));
    }
  }

  class SharedStore implements FastifyRateLimitStore {
    readonly bucket: string;
    constructor(routeOptions?: { routeInfo?: { method?: string | string[]; url?: string } }) {
      const route = routeOptions?.routeInfo;
      const method = Array.isArray(route?.method) ? route.method.join(",") : (route?.method ?? "");
      // Each route counts apart, as the in-memory store's per-route children do.
      this.bucket = route?.url ? `${method} ${route.url}` : "";
    }
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
      max: number,
    ): void {
      take(`${this.bucket} ${key}`, timeWindow, max).then(
        (r) => callback(null, r),
        (err: Error) => callback(err),
      );
    }
    child(routeOptions: never): FastifyRateLimitStore {
      return new SharedStore(routeOptions);
    }
  }
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}

/** Drops the counters of windows that ended (a scheduled job). */
export async function cleanUpRateLimits(db: Executor): Promise<number> {
  const gone = await rows<{ n: number }>(
    db,
    sql`with d as (delete from rate_limit_counters where expires_at < now() returning 1) select count(*)::int as n from d`,
  );
  return gone[0]?.n ?? 0;
}
