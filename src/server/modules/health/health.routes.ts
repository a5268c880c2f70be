import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ping } from "../../core/db.js";
import { countUsers } from "../accounts/accounts.service.js";
import { countOrganizations } from "../organizations/organizations.stats.js";

const STATS_TTL_MS = 60_000;

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  let stats: { at: number; value: { users: number; organizations: number } } | undefined;
  app.get(
    "/health",
    {
      config: { policy: "public" as const, rateLimit: false },
      schema: {
        tags: ["platform"],
        summary: "Liveness: the process answers (the database is not asked; see /health/ready)",
        response: {
          200: z.object({
            status: z.literal("ok"),
            database: z.enum(["pglite", "pg"]),
            node: z.string().optional().meta({
              description: "The Node.js version the server runs on; omitted in production",
            }),
          }),
        },
      },
    },
    async () => {
      const { database } = app.services;
      // Version details help a developer and an attacker alike: shown outside production only.
      const node = app.services.config.env === "production" ? undefined : process.versions.node;
      return { status: "ok" as const, database: database.kind, node };
    },
  );
  app.get(
    "/health/ready",
    {
      config: { policy: "public", rateLimit: false },
      schema: {
        tags: ["platform"],
        summary: "Readiness: the database answers (a load balancer sends traffic only then)",
        response: { 200: z.object({ status: z.literal("ready") }) },
      },
    },
    async () => {
      // A database that does not answer throws; the error handler answers 503 with Retry-After.
      await ping(app.services.database.db);
      return { status: "ready" as const };
    },
  );
  app.get(
    "/public/stats",
    {
      config: { policy: "public" as const },
      schema: {
        tags: ["platform"],
        summary: "The cluster in numbers (public)",
        response: { 200: z.object({ users: z.number().int(), organizations: z.number().int() }) },
      },
    },
    async (_req, reply) => {
      reply.header("cache-control", "public, max-age=60");
      // Counting every row on each request would not scale: the numbers are kept for a minute.
      if (!stats || Date.now() - stats.at > STATS_TTL_MS) {
        const db = app.services.database.db;
        const [users, organizations] = await Promise.all([countUsers(db), countOrganizations(db)]);
        stats = { at: Date.now(), value: { users, organizations } };
      }
      return stats.value;
    },
  );
};
