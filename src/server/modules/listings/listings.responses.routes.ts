import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import { auditRefusals } from "../organizations/access.js";
import { OrgIdParams } from "../organizations/organizations.contract.js";
import {
  AwaitingResponses,
  CreateResponseBody,
  ExchangeRecord,
  ListingResponse,
  ListingResponses,
  MoveBody,
  ResponsesPage,
  ResponsesQuery,
} from "./listings.responses.contract.js";
import * as svc from "./listings.responses.service.js";

/**
 * Responses to listings: the two organizations' own (anyone else gets 404, checked per record by the
 * service); an organization's record of completed, rated orders is public.
 */
const action = "listings.access";

export const listingResponseRoutes = routes(["listings"], (r) => {
  auditRefusals(r.app);

  r.get("/listings/:id/responses", {
    action: "public",
    summary:
      "A listing's responses: all of them for its organization, one's own organizations' for anyone else",
    params: IdParams,
    response: ListingResponses,
    handler: (ctx, { params }) => svc.responsesOfListing(ctx, params.id),
  });

  r.post("/listings/:id/responses", {
    action,
    summary:
      "Respond to a published listing for one's organization (a quote, a viewing request, an inquiry, interest)",
    rateLimit: { max: 60, timeWindow: "1 hour" },
    params: IdParams,
    body: CreateResponseBody,
    response: ListingResponse,
    status: 201,
    handler: (ctx, { params, body }) => svc.respond(ctx, params.id, body),
  });

  r.get("/responses/awaiting", {
    action,
    summary:
      "The responses waiting for one of the reader's organizations to move (the cabinet): the newest few and the count",
    response: AwaitingResponses,
    handler: (ctx) => svc.awaitingResponses(ctx),
  });

  r.get("/responses/:id", {
    action,
    summary:
      "A response with its state, history and the moves the reader's side may make (the two sides only)",
    params: IdParams,
    response: ListingResponse,
    handler: (ctx, { params }) => svc.getResponse(ctx, params.id),
  });

  r.post("/responses/:id/moves", {
    action,
    summary: "Move a response along its type's states (accept, decline, propose a date, deliver, rate…)",
    rateLimit: { max: 300, timeWindow: "1 hour" },
    params: IdParams,
    body: MoveBody,
    response: ListingResponse,
    handler: (ctx, { params, body }) => svc.makeMove(ctx, params.id, body),
  });

  r.get("/organizations/:id/responses", {
    action,
    summary: "The responses an organization sent, newest change first (its members)",
    params: OrgIdParams,
    query: ResponsesQuery,
    response: ResponsesPage,
    handler: (ctx, { params, query }) => svc.responsesOfOrganization(ctx, params.id, query),
  });

  r.get("/organizations/:id/exchange-record", {
    action: "public",
    summary: "An organization's completed orders on the exchanges, its average rating and latest reviews",
    params: OrgIdParams,
    response: ExchangeRecord,
    handler: (ctx, { params }) => svc.exchangeRecord(ctx, params.id),
  });
});
