import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../../core/context.js";
import { JobParams, JobsOverview } from "./jobs.contract.js";
import * as svc from "./jobs.service.js";

const tags = ["admin"];

export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/admin/jobs",
    {
      config: { policy: "admin.jobs" as const },
      schema: {
        tags,
        summary: "Job queues: waiting, active and failed counts, and the newest failures",
        response: { 200: JobsOverview },
      },
    },
    async (req) => svc.overview(ctxOf(req)),
  );
  app.post(
    "/admin/jobs/:queue/:id/retry",
    {
      config: { policy: "admin.jobs" as const },
      schema: {
        tags,
        summary: "Run a failed job again",
        params: JobParams,
      },
    },
    async (req, reply) => {
      await svc.retry(ctxOf(req), req.params.queue, req.params.id);
      return reply.code(204).send();
    },
  );
  app.delete(
    "/admin/jobs/:queue/:id",
    {
      config: { policy: "admin.jobs" as const },
      schema: { tags, summary: "Discard a failed job", params: JobParams },
    },
    async (req, reply) => {
      await svc.discard(ctxOf(req), req.params.queue, req.params.id);
      return reply.code(204).send();
    },
  );
};
