import { z } from "zod";
import { ping } from "../../core/db.js";
import { routes } from "../../core/route.js";

export const healthRoutes = routes(["platform"], (r) => {
  r.get("/health", {
    action: "public",
    rateLimit: false,
    summary: "Liveness: the process answers (the database is not asked; see /health/ready)",
    response: z.object({
      status: z.literal("ok"),
      database: z.enum(["pglite", "pg"]),
      node: z.string().optional().meta({
        description: "The Node.js version the server runs on; omitted in production",
      }),
    }),
    handler: (ctx) => {
      // Version details help a developer and an attacker alike: shown outside production only.
      const node = ctx.config.env === "production" ? undefined : process.versions.node;
      return { status: "ok" as const, database: r.app.services.database.kind, node };
    },
  });
  r.get("/health/ready", {
    action: "public",
    rateLimit: false,
    summary: "Readiness: the database answers (a load balancer sends traffic only then)",
    response: z.object({ status: z.literal("ready") }),
    handler: async (ctx) => {
      // A database that does not answer throws; the error handler answers 503 with Retry-After.
      await ping(ctx.db);
      return { status: "ready" as const };
    },
  });
});
