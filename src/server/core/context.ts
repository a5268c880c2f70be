import type { FastifyRequest } from "fastify";
import type { Locale } from "../../shared/constants.js";
import type { Config } from "./config.js";
import type { Database, Db } from "./db.js";
import { unauthorized } from "./errors.js";
import { requestLocale } from "./i18n.js";
import type { JobQueue } from "./jobs.js";
import type { Action, Actor } from "./policy.js";
import type { Realtime } from "./realtime.js";
import type { Storage } from "./storage.js";

/** What the app is built from; tests build their own. */
export interface Services {
  database: Database;
  config: Config;
  /** File contents (core/storage.ts); records of them are in the files table (core/files.ts). */
  storage: Storage;
  /** Called after a commit that queued mail, so it leaves without waiting for the next poll. */
  mailQueued: () => void;
  /** The job queue: `jobs.send(tx, job, data)` in the request's transaction (core/jobs.ts). */
  jobs: JobQueue;
  /** Events across app servers (LISTEN/NOTIFY) and the open SSE streams (core/realtime.ts). */
  realtime: Realtime;
}

/** Everything a use case needs to know about who asks and from where. */
export interface Ctx {
  db: Db;
  config: Config;
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
  storage: Storage;
  mailQueued: () => void;
  jobs: JobQueue;
}

export function ctxOf(req: FastifyRequest): Ctx {
  const s = req.server.services;
  return {
    db: s.database.db,
    config: s.config,
    actor: req.actor,
    ip: req.ip || null,
    userAgent: req.headers["user-agent"]?.slice(0, 500) ?? null,
    locale: requestLocale(req),
    storage: s.storage,
    mailQueued: s.mailQueued,
    jobs: s.jobs,
  };
}

export const auditCtx = (ctx: Ctx) => ({ actorId: ctx.actor?.id ?? null, ip: ctx.ip });

/** The signed-in actor of a use case that needs one (401 for a guest). */
export function requireActor(ctx: Ctx): NonNullable<Actor> {
  if (!ctx.actor) throw unauthorized();
  return ctx.actor;
}

declare module "fastify" {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** The policy action every /api route must name ("public" for none); checked before validation. */
    policy?: Action | "public";
    /** How deep and large this route's JSON body may be (default JSON_LIMITS in core/http.ts). */
    jsonLimits?: { depth: number; items: number };
  }
}
