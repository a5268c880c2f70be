import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../../core/context.js";
import { Cabinet, Desk } from "./cabinet.contract.js";
import { getDesk } from "./cabinet.desk.service.js";
import { getCabinet } from "./cabinet.service.js";

export const cabinetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/cabinet",
    {
      config: { policy: "cabinet.read" as const },
      schema: {
        tags: ["cabinet"],
        summary: "My cabinet: next steps, my organizations' applications, new measures, unread counts",
        response: { 200: Cabinet },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return getCabinet(ctxOf(req));
    },
  );
  app.get(
    "/desk",
    {
      config: { policy: "desk.read" as const },
      schema: {
        tags: ["cabinet"],
        summary: "The operator's desk: every queue's count and oldest item, today's decisions",
        response: { 200: Desk },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return getDesk(ctxOf(req));
    },
  );
};
