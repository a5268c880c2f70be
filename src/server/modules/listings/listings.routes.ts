import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import { sendJson } from "../../core/search.js";
import { auditRefusals } from "../organizations/access.js";
import { OrgIdParams } from "../organizations/organizations.contract.js";
import {
  CreateListingBody,
  KindSettings,
  Listing,
  ListingsPage,
  ListingsQuery,
  MyListings,
  OrganizationListings,
  UpdateListingBody,
  VersionBody,
} from "./listings.contract.js";
import * as svc from "./listings.service.js";
import { kindSettings } from "./listings.settings.js";

/**
 * The catalog and a listing's page are public (answers carry the public fields only, unless the reader
 * is the listing's organization or an operator); the author's routes need a signed-in member, checked
 * per record by the service.
 */
const action = "listings.access";

export const listingRoutes = routes(["listings"], (r) => {
  auditRefusals(r.app);

  r.get("/listings", {
    action: "public",
    summary:
      "Search the published listings of one kind: Russian full text with typo tolerance, facets, pages",
    query: ListingsQuery,
    response: ListingsPage,
    handler: async (ctx, { query }, reply) => sendJson(reply, await svc.searchListings(ctx, query)),
  });

  r.get("/listing-kinds", {
    action: "public",
    summary: "Which kinds only the cluster's participants and partners may publish (the operator's setting)",
    response: KindSettings,
    handler: (ctx) => kindSettings(ctx.db),
  });

  r.get("/listings/:id", {
    action: "public",
    summary:
      "A listing: published ones for anyone (public fields); others for its organization and operators",
    params: IdParams,
    response: Listing,
    // A guest's page is the same for every guest: cached; a signed-in reader's depends on who reads.
    handler: async (ctx, { params }, reply) =>
      ctx.actor ? svc.getListing(ctx, params.id) : sendJson(reply, await svc.publicListing(ctx, params.id)),
  });

  r.get("/organizations/:id/published-listings", {
    action: "public",
    summary: "An organization's published listings, newest first (its public page)",
    params: OrgIdParams,
    response: OrganizationListings,
    handler: (ctx, { params }) => svc.publishedOf(ctx, params.id),
  });

  r.post("/listings", {
    action,
    summary: "Create a draft listing for an organization one is a member of",
    // per user (signed in): a person's listings, not a script's
    rateLimit: { max: 60, timeWindow: "1 hour" },
    body: CreateListingBody,
    response: Listing,
    status: 201,
    handler: (ctx, { body }) => svc.createListing(ctx, body),
  });

  r.patch("/listings/:id", {
    action,
    summary: "Edit a listing (a published one keeps its content while the change waits for moderation)",
    rateLimit: { max: 300, timeWindow: "1 hour" },
    params: IdParams,
    body: UpdateListingBody,
    response: Listing,
    handler: (ctx, { params, body }) => svc.updateListing(ctx, params.id, body),
  });

  r.post("/listings/:id/submit", {
    action,
    summary: "Send a draft or rejected listing to moderation (verified organizations only)",
    params: IdParams,
    body: VersionBody,
    response: Listing,
    handler: (ctx, { params, body }) => svc.submitListing(ctx, params.id, body.version),
  });

  r.post("/listings/:id/close", {
    action,
    summary: "Withdraw a published listing",
    params: IdParams,
    body: VersionBody,
    response: Listing,
    handler: (ctx, { params, body }) => svc.closeListing(ctx, params.id, body.version),
  });

  r.get("/organizations/:id/listings", {
    action,
    summary: "The organization's listings in every state (its members and operators)",
    params: OrgIdParams,
    response: MyListings,
    handler: (ctx, { params }) => svc.organizationListings(ctx, params.id),
  });
});
