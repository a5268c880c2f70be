// Responses to listings (src/shared/listingResponses.ts declares each type's fields, states and moves):
// the responder's `values` and a move's `values` are checked against the declaration by the service,
// which answers field errors under `values.<key>`.
import { z } from "zod";
import { RESPONSE_MOVES, RESPONSE_STATES, RESPONSE_TYPE_NAMES } from "../../../shared/listingResponses.js";
import { Page, PageSize, Version } from "../../core/contract.js";
import { FieldValue, ListingKind } from "./listings.contract.js";

const Values = z.record(z.string(), FieldValue);
const InputValues = z.record(z.string().max(60), z.unknown());
const iso = z.string();
const OrgRef = z.object({ id: z.uuid(), shortName: z.string() });

export const CreateResponseBody = z.object({ organizationId: z.uuid(), values: InputValues }).strict();
export const MoveBody = z
  .object({
    move: z.enum(RESPONSE_MOVES as [string, ...string[]]),
    version: Version,
    /** What the move asks for (a viewing's date, the terms agreed, a rating…). */
    values: InputValues.default({}),
  })
  .strict();
export const ResponsesQuery = z.object({ page: Page, pageSize: PageSize }).strict();

const ResponseType = z.enum(RESPONSE_TYPE_NAMES as [string, ...string[]]);
const ResponseState = z.enum(RESPONSE_STATES as [string, ...string[]]);

/** A response in a list: the listing's side sees every response; a responder its own. */
export const ResponseSummary = z
  .object({
    id: z.uuid(),
    type: ResponseType,
    state: ResponseState,
    active: z.boolean(),
    listing: z.object({
      id: z.uuid(),
      kind: ListingKind,
      titleRu: z.string(),
      titleEn: z.string().nullable(),
      organization: OrgRef,
    }),
    /** The responding organization. */
    organization: OrgRef,
    values: Values,
    createdAt: iso,
    updatedAt: iso,
    version: z.number().int(),
    /** The reader's side: the listing's organization (owner) or the responding one (responder). */
    side: z.enum(["owner", "responder"]),
  })
  .meta({ id: "ListingResponseSummary" });

export const ResponseEvent = z
  .object({
    /** "created", a move's name, or "lost" (declined because another response won the listing). */
    event: z.string(),
    fromState: ResponseState.nullable(),
    toState: ResponseState,
    side: z.enum(["owner", "responder"]),
    data: Values,
    at: iso,
  })
  .meta({ id: "ListingResponseEvent" });

/** A response as its two sides see it: its state, what the moves recorded, its dated history. */
export const ListingResponse = ResponseSummary.extend({
  /** What the moves asked for, under the moves' field keys (a viewing's date, the agreed terms…). */
  outcome: Values,
  rating: z.number().int().nullable(),
  /** The moves the reader's side may make now. */
  moves: z.array(z.string()),
  history: z.array(ResponseEvent),
  /** The conversation between the two organizations. */
  conversationId: z.uuid().nullable(),
}).meta({ id: "ListingResponse" });

export const ListingResponses = z.object({ items: z.array(ResponseSummary) });
export const ResponsesPage = z.object({
  items: z.array(ResponseSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The responses waiting for the reader's organizations (the cabinet): the newest few and how many. */
export const AwaitingResponses = z
  .object({
    /** Newest change first; `side` is the reader's organization's side, the one the response waits for. */
    items: z.array(ResponseSummary),
    total: z.number().int(),
  })
  .meta({ id: "AwaitingResponses" });

/** An organization's record on the exchanges: completed orders and their ratings (its public page). */
export const ExchangeRecord = z
  .object({
    completed: z.number().int(),
    rating: z.number().nullable(),
    ratings: z.number().int(),
    reviews: z.array(
      z.object({ rating: z.number().int(), review: z.string().nullable(), at: iso, customer: OrgRef }),
    ),
  })
  .meta({ id: "ExchangeRecord" });
