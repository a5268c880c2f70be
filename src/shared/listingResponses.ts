// Responses to listings, declared as data beside the kinds (src/shared/listings.ts): each listing kind
// names its response type; a response type declares the fields a responder fills in, its states and
// the moves between them — who makes each move (the listing's side or the responder's), from which
// states, what it asks for (fields of its own, e.g. a viewing's date or a rating) and what else it
// does (`award`: one response of a listing wins, the others still waiting are declined, each told, and
// the listing leaves the catalog). The server's state machine (listings.responses.service.ts), its
// tests and the web's buttons and forms all read this one declaration.
//
// Texts: web `listings.responses.<type>.{title,fields.<key>,states.<state>,moves.<move>}`; server
// notices `notice.listings.response.<move>`.

import type {
  Clock,
  KindIssue,
  ListingField,
  ListingKind,
  ListingKindName,
  ListingValues,
} from "./listings.js";
import { valuesSchema } from "./listings.js";

export type Side = "owner" | "responder";

export interface ResponseMove {
  name: string;
  /** Who makes it: the listing's organization (owner) or the responding one (responder). */
  by: Side;
  from: readonly string[];
  to: string;
  /** What the move asks for (validated like a listing's fields; kept with the response). */
  fields?: readonly ListingField[];
  /** Rules across the move's fields (the clock given in the cluster's time zone). */
  check?: (values: ListingValues, at: Clock) => KindIssue[];
  /**
   * The listing's award: only one response of a listing makes it (two at once: one wins, 409 for the
   * other); the listing's other responses still in `from` are declined and told; the listing closes.
   */
  award?: { othersTo: string };
  /** A destructive or final move: the web asks to confirm. */
  confirm?: boolean;
  /**
   * A way out (withdrawing, declining, cancelling): open to its side while the response is under way,
   * so it does not make the response wait for that side (see `waitingSide`).
   */
  exit?: boolean;
}

export interface ResponseType {
  name: string;
  /** What the responder sends. */
  fields: readonly ListingField[];
  /** Rules across the response's fields. */
  check?: (values: ListingValues, at: Clock) => KindIssue[];
  states: readonly string[];
  initial: string;
  /** States in which the response is under way: one per organization and listing, and it blocks a new one. */
  active: readonly string[];
  moves: readonly ResponseMove[];
  /** The state whose moves carry a rating (`rating` 1–5) counted on the responder's public page. */
  rated?: { state: string; move: string };
}

const reason = (required: boolean): ListingField => ({
  key: "reason",
  type: "longText",
  max: 2000,
  required,
});

/** A request to make something on a manufacturing capability: the manufacturer takes it up or declines. */
const INQUIRY: ResponseType = {
  name: "inquiry",
  fields: [
    { key: "message", type: "longText", max: 3000, required: true },
    { key: "quantity", type: "number", min: 1, max: 100_000_000, integer: true },
    { key: "neededBy", type: "date" },
  ],
  check: (v, at) =>
    typeof v.neededBy === "string" && v.neededBy < at.today
      ? [{ field: "neededBy", key: "field.response.past-date" }]
      : [],
  states: ["sent", "accepted", "declined", "withdrawn"],
  initial: "sent",
  active: ["sent", "accepted"],
  moves: [
    { name: "accept", by: "owner", from: ["sent"], to: "accepted" },
    { name: "decline", by: "owner", from: ["sent"], to: "declined", fields: [reason(false)], exit: true },
    { name: "withdraw", by: "responder", from: ["sent"], to: "withdrawn", confirm: true, exit: true },
  ],
};

/** A viewing of premises: the landlord proposes a date, the tenant confirms, the viewing takes place. */
const VIEWING: ResponseType = {
  name: "viewing",
  fields: [
    { key: "message", type: "longText", max: 3000, required: true },
    { key: "preferredTime", type: "text", max: 200 },
  ],
  states: ["requested", "proposed", "confirmed", "done", "declined", "withdrawn"],
  initial: "requested",
  active: ["requested", "proposed", "confirmed"],
  moves: [
    {
      name: "propose",
      by: "owner",
      from: ["requested", "proposed"],
      to: "proposed",
      fields: [
        { key: "viewingAt", type: "dateTime", required: true },
        { key: "note", type: "longText", max: 1000 },
      ],
      check: (v, at) =>
        typeof v.viewingAt === "string" && v.viewingAt <= at.now
          ? [{ field: "viewingAt", key: "field.response.past-time" }]
          : [],
    },
    { name: "confirm", by: "responder", from: ["proposed"], to: "confirmed" },
    { name: "done", by: "owner", from: ["confirmed"], to: "done" },
    {
      name: "decline",
      by: "owner",
      from: ["requested", "proposed", "confirmed"],
      to: "declined",
      fields: [reason(false)],
      exit: true,
    },
    {
      name: "withdraw",
      by: "responder",
      from: ["requested", "proposed", "confirmed"],
      to: "withdrawn",
      confirm: true,
      exit: true,
    },
  ],
};

export const VAT_RATES = ["none", "0", "10", "22"] as const;

/** A manufacturer's quote on a production order, through production and delivery to the customer's rating. */
const QUOTE: ResponseType = {
  name: "quote",
  fields: [
    { key: "price", type: "number", min: 1, max: 100_000_000_000, required: true },
    {
      key: "vat",
      type: "enum",
      values: VAT_RATES,
      labels: {
        none: { ru: "Без НДС", en: "No VAT" },
        "0": { ru: "НДС 0 %", en: "VAT 0%" },
        "10": { ru: "НДС 10 %", en: "VAT 10%" },
        "22": { ru: "НДС 22 %", en: "VAT 22%" },
      },
      required: true,
    },
    { key: "leadTimeDays", type: "number", min: 1, max: 730, integer: true, required: true },
    { key: "validUntil", type: "date", required: true },
    { key: "comment", type: "longText", max: 3000 },
  ],
  check: (v, at) =>
    typeof v.validUntil === "string" && v.validUntil < at.today
      ? [{ field: "validUntil", key: "field.response.past-date" }]
      : [],
  states: [
    "submitted",
    "accepted",
    "in_production",
    "delivered",
    "completed",
    "declined",
    "withdrawn",
    "cancelled",
  ],
  initial: "submitted",
  active: ["submitted", "accepted", "in_production", "delivered"],
  moves: [
    { name: "accept", by: "owner", from: ["submitted"], to: "accepted", award: { othersTo: "declined" } },
    {
      name: "decline",
      by: "owner",
      from: ["submitted"],
      to: "declined",
      fields: [reason(false)],
      exit: true,
    },
    { name: "withdraw", by: "responder", from: ["submitted"], to: "withdrawn", confirm: true, exit: true },
    { name: "start", by: "responder", from: ["accepted"], to: "in_production" },
    { name: "deliver", by: "responder", from: ["in_production"], to: "delivered" },
    {
      name: "rate",
      by: "owner",
      from: ["delivered"],
      to: "completed",
      fields: [
        { key: "rating", type: "number", min: 1, max: 5, integer: true, required: true },
        { key: "review", type: "longText", max: 2000 },
      ],
    },
    {
      name: "cancel",
      by: "owner",
      from: ["accepted", "in_production"],
      to: "cancelled",
      fields: [reason(true)],
      confirm: true,
      exit: true,
    },
  ],
  rated: { state: "completed", move: "rate" },
};

/** Interest in a technology (or an offer answering a request): negotiation, then a deal or not. */
const INTEREST: ResponseType = {
  name: "interest",
  fields: [{ key: "message", type: "longText", max: 3000, required: true }],
  states: ["sent", "negotiation", "agreed", "declined", "withdrawn"],
  initial: "sent",
  active: ["sent", "negotiation"],
  moves: [
    { name: "negotiate", by: "owner", from: ["sent"], to: "negotiation" },
    {
      name: "agree",
      by: "owner",
      from: ["negotiation"],
      to: "agreed",
      fields: [{ key: "terms", type: "longText", max: 3000, required: true }],
      confirm: true,
    },
    {
      name: "decline",
      by: "owner",
      from: ["sent", "negotiation"],
      to: "declined",
      fields: [reason(false)],
      exit: true,
    },
    {
      name: "withdraw",
      by: "responder",
      from: ["sent", "negotiation"],
      to: "withdrawn",
      confirm: true,
      exit: true,
    },
  ],
};

export const RESPONSE_TYPES = {
  inquiry: INQUIRY,
  viewing: VIEWING,
  quote: QUOTE,
  interest: INTEREST,
} as const satisfies Record<string, ResponseType>;
export type ResponseTypeName = keyof typeof RESPONSE_TYPES;
export const RESPONSE_TYPE_NAMES = Object.keys(RESPONSE_TYPES) as ResponseTypeName[];

/** Every state of every response type (the API's vocabulary of states). */
export const RESPONSE_STATES = [...new Set(Object.values(RESPONSE_TYPES).flatMap((r) => r.states))];
/** Every move of every response type. */
export const RESPONSE_MOVES = [
  ...new Set(Object.values(RESPONSE_TYPES).flatMap((r) => r.moves.map((m) => m.name))),
];

/** The response type of each listing kind. */
export const RESPONSE_OF_KIND: Readonly<Record<string, ResponseTypeName>> = {
  capability: "inquiry",
  premises: "viewing",
  rfq: "quote",
  technology: "interest",
  technology_request: "interest",
} satisfies Record<ListingKindName, ResponseTypeName>;

export const responseTypeOf = (kind: string): ResponseType => {
  const name = RESPONSE_OF_KIND[kind];
  if (!name) throw new Error(`listing kind ${kind} has no response type`);
  return RESPONSE_TYPES[name];
};

/** The move of a type by name, if it has one. */
export const moveOf = (type: ResponseType, name: string) => type.moves.find((m) => m.name === name);

/** The moves a side may make from a state. */
export const movesFrom = (type: ResponseType, state: string, side: Side) =>
  type.moves.filter((m) => m.by === side && m.from.includes(state));

/**
 * The side the response waits for in a state: the one with a move forward from it — not a way out
 * (`exit`), nor a move that stays in the state (proposing another date) — or null when neither has one
 * (the response is over, or under way without a step of either side, e.g. an inquiry taken up).
 */
export function waitingSide(type: ResponseType, state: string): Side | null {
  const forward = type.moves.find((m) => !m.exit && m.to !== state && m.from.includes(state));
  return forward?.by ?? null;
}

/** The states of a type in which the response waits for this side (see `waitingSide`). */
export const statesWaitingFor = (type: ResponseType, side: Side): string[] =>
  type.states.filter((s) => waitingSide(type, s) === side);

/** The schema of a response's (or a move's) values: its fields, then its rule across them. */
export const responseSchema = (fields: readonly ListingField[], check: ListingKind["check"], at: Clock) =>
  valuesSchema({ kind: "response", fields, check }, at);
