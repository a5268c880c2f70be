import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import { Listing, VersionBody } from "./listings.contract.js";
import {
  FavouriteListings,
  SavedSearch,
  SavedSearchBody,
  SavedSearches,
} from "./listings.follow.contract.js";
import * as svc from "./listings.follow.service.js";

const action = "listings.access";

/** A signed-in user's favourite listings and saved searches; the author's prolongation of a listing. */
export const listingFollowRoutes = routes(["listings"], (r) => {
  r.get("/listings/favourites", {
    action,
    summary: "My favourite listings (the published ones), most recently starred first",
    response: FavouriteListings,
    noStore: true,
    handler: (ctx) => svc.listFavourites(ctx),
  });

  r.put("/listings/:id/favourite", {
    action,
    summary: "Star a published listing (idempotent)",
    params: IdParams,
    status: 204,
    handler: (ctx, { params }) => svc.addFavourite(ctx, params.id),
  });

  r.delete("/listings/:id/favourite", {
    action,
    summary: "Unstar a listing (idempotent)",
    params: IdParams,
    status: 204,
    handler: (ctx, { params }) => svc.removeFavourite(ctx, params.id),
  });

  r.get("/listing-searches", {
    action,
    summary: "My saved searches of the exchanges",
    response: SavedSearches,
    noStore: true,
    handler: (ctx) => svc.listSavedSearches(ctx),
  });

  r.post("/listing-searches", {
    action,
    summary:
      "Save a search of a kind's catalog: I am notified (by my channel preferences) of newly published listings that match it",
    body: SavedSearchBody,
    response: SavedSearch,
    status: 201,
    handler: (ctx, { body }) => svc.createSavedSearch(ctx, body),
  });

  r.delete("/listing-searches/:id", {
    action,
    summary: "Delete one of my saved searches",
    params: IdParams,
    status: 204,
    handler: (ctx, { params }) => svc.deleteSavedSearch(ctx, params.id),
  });

  r.post("/listings/:id/prolong", {
    action,
    summary: "Prolong a published listing's validity by another 90 days",
    params: IdParams,
    body: VersionBody,
    response: Listing,
    handler: (ctx, { params, body }) => svc.prolongListing(ctx, params.id, body.version),
  });
});
