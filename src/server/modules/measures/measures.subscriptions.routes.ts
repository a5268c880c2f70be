import { z } from "zod";
import { SafeText } from "../../../shared/text.js";
import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import { MeasureCard } from "./measures.contract.js";
import * as svc from "./measures.subscriptions.service.js";

const own = "measures.own";

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
export const measuresSubscriptionsRoutes = routes(["measures"], (r) => {
  r.get("/measures/favourites", {
    action: own,
    summary: "My favourite measures (published ones), most recently saved first",
    response: z.object({ items: z.array(MeasureCard) }),
    handler: (ctx) => svc.listFavourites(ctx),
  });

  r.put("/measures/:id/favourite", {
    action: own,
    summary: "Mark a published measure as favourite (idempotent)",
    params: IdParams,
    status: 204,
    handler: (ctx, { params }) => svc.addFavourite(ctx, params.id),
  });

  r.delete("/measures/:id/favourite", {
    action: own,
    summary: "Unmark a favourite measure (idempotent)",
    params: IdParams,
    status: 204,
    handler: (ctx, { params }) => svc.removeFavourite(ctx, params.id),
  });

  r.get("/measures/subscriptions", {
    action: own,
    summary: "My saved searches",
    response: z.object({ items: z.array(Subscription) }),
    handler: (ctx) => svc.listSubscriptions(ctx),
  });

  r.post("/measures/subscriptions", {
    action: own,
    summary:
      "Save a search: I am notified (by my channel preferences) when a measure matching it is published or changed",
    body: SubscriptionBody,
    response: Subscription,
    status: 201,
    handler: (ctx, { body }) => svc.createSubscription(ctx, body),
  });

  r.delete("/measures/subscriptions/:id", {
    action: own,
    summary: "Delete one of my saved searches",
    params: IdParams,
    status: 204,
    handler: (ctx, { params }) => svc.deleteSubscription(ctx, params.id),
  });
});
