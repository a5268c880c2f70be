import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SafeText } from "../../../shared/text.js";
import { ctxOf } from "../../core/context.js";
import { IdParams } from "../../core/contract.js";
import { MeasureCard } from "./measures.contract.js";
import * as svc from "./measures.subscriptions.service.js";

const tags = ["measures"];
const own = { policy: "measures.own" as const };

export const SubscriptionBody = z.object({ name: SafeText(1, 200), query: svc.SavedQuery }).strict();
export const Subscription = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The saved navigator query (filters as arrays), without sorting and paging. */
    query: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: "MeasureSubscription" });

/** A signed-in user's favourite measures and saved searches. */
export const measuresSubscriptionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/measures/favourites",
    {
      config: own,
      schema: {
        tags,
        summary: "My favourite measures (published ones), most recently saved first",
        response: { 200: z.object({ items: z.array(MeasureCard) }) },
      },
    },
    async (req) => svc.listFavourites(ctxOf(req)),
  );

  app.put(
    "/measures/:id/favourite",
    {
      config: own,
      schema: { tags, summary: "Mark a published measure as favourite (idempotent)", params: IdParams },
    },
    async (req, reply) => {
      await svc.addFavourite(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.delete(
    "/measures/:id/favourite",
    {
      config: own,
      schema: { tags, summary: "Unmark a favourite measure (idempotent)", params: IdParams },
    },
    async (req, reply) => {
      await svc.removeFavourite(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/measures/subscriptions",
    {
      config: own,
      schema: {
        tags,
        summary: "My saved searches",
        response: { 200: z.object({ items: z.array(Subscription) }) },
      },
    },
    async (req) => svc.listSubscriptions(ctxOf(req)),
  );

  app.post(
    "/measures/subscriptions",
    {
      config: own,
      schema: {
        tags,
        summary:
          "Save a search: I am notified (by my channel preferences) when a measure matching it is published or changed",
        body: SubscriptionBody,
        response: { 201: Subscription },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createSubscription(ctxOf(req), req.body)),
  );

  app.delete(
    "/measures/subscriptions/:id",
    {
      config: own,
      schema: { tags, summary: "Delete one of my saved searches", params: IdParams },
    },
    async (req, reply) => {
      await svc.deleteSubscription(ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
};
