import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import {
  BulkDecisionBody,
  BulkDecisionResult,
  DecisionBody,
  KindParams,
  KindSettingBody,
  KindSettings,
  Listing,
  QueuePage,
  QueueQuery,
} from "./listings.contract.js";
import * as svc from "./listings.service.js";
import { setKindSetting } from "./listings.settings.js";

/** The operators' moderation of listings: one queue for every kind, oldest first. */
export const listingOperatorRoutes = routes(["operator"], (r) => {
  r.get("/operator/listings", {
    action: "operator.listings.queue",
    summary: "Listings and changes of published listings waiting for moderation, oldest first",
    query: QueueQuery,
    response: QueuePage,
    handler: (ctx, { query }) => svc.queue(ctx, query),
  });

  r.post("/operator/listings/:id/decision", {
    action: "operator.listings.decide",
    summary: "Approve or reject (with a reason) a listing or its change",
    params: IdParams,
    body: DecisionBody,
    response: Listing,
    handler: (ctx, { params, body }) => svc.decide(ctx, params.id, body),
  });

  r.post("/operator/listings/decisions", {
    action: "operator.listings.decide",
    summary: "The same decision on several listings; those changed meanwhile are left as they are",
    body: BulkDecisionBody,
    response: BulkDecisionResult,
    handler: (ctx, { body }) => svc.decideMany(ctx, body),
  });

  r.put("/operator/listing-kinds/:kind", {
    action: "operator.listings.decide",
    summary: "Limit publishing a kind to the cluster's participants and partners, or open it to all",
    params: KindParams,
    body: KindSettingBody,
    response: KindSettings,
    handler: (ctx, { params, body }) => setKindSetting(ctx, params.kind, body),
  });
});
