import { RESPONSE_MOVES } from "../../../shared/listingResponses.js";
import { quoted } from "../../../shared/text.js";
import { catalogueNotices } from "../../core/module.js";
import { expiryDate } from "./listings.expiry.js";

/**
 * Notifications of listings: the operator's decision on a listing or its change, to its author; a
 * response's creation and moves, to the other side's members (in-app and e-mail at once by default). Texts: locales/<l>/server/listings.json `notice.listings.decided.*`,
 * rendered when read from the data stored with each notification: title, reason.
 */
export const LISTING_NOTIFICATION_KINDS = {
  decided: "listings.decided",
  response: "listings.response",
  /** A listing expires within a week (`phase` "soon") or was closed as expired ("closed"): its author. */
  expiry: "listings.expiry",
  /** A newly published listing matches a saved search: its owner. */
  match: "listings.match",
  /**
   * A newly published order or technology request matches the organization's own published listings
   * (its capability; its technology offer): the organization's members (listings.match.ts).
   */
  profileMatch: "listings.profile-match",
} as const;

/** The events of a response told to the other side: its creation, every move, and losing to another. */
export const RESPONSE_EVENTS = ["created", ...RESPONSE_MOVES, "lost"] as const;

const short = (s: unknown, max = 140) => {
  const v = String(s ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
};

export const LISTING_NOTIFICATION_DEFS = catalogueNotices({
  [LISTING_NOTIFICATION_KINDS.decided]: {
    defaultChannel: "email",
    variants: { of: (d) => d.decision, list: ["approve", "reject"] },
    params: (l, d) => ({ title: quoted(short(d.title, 120), l), reasonShort: short(d.reason) }),
  },
  [LISTING_NOTIFICATION_KINDS.response]: {
    defaultChannel: "email",
    variants: { of: (d) => d.event, list: RESPONSE_EVENTS },
    params: (l, d) => ({ title: quoted(short(d.title, 120), l), org: short(d.org, 120) }),
  },
  [LISTING_NOTIFICATION_KINDS.expiry]: {
    defaultChannel: "email",
    variants: { of: (d) => d.phase, list: ["soon", "closed"] },
    params: (l, d) => ({ title: quoted(short(d.title, 120), l), date: expiryDate(l, d.expiresAt) }),
  },
  [LISTING_NOTIFICATION_KINDS.match]: {
    defaultChannel: "digest",
    params: (l, d) => ({ title: quoted(short(d.title, 120), l), search: quoted(short(d.search, 80), l) }),
  },
  [LISTING_NOTIFICATION_KINDS.profileMatch]: {
    defaultChannel: "email",
    variants: { of: (d) => d.kind, list: ["rfq", "technology_request"] },
    params: (l, d) => ({ title: quoted(short(d.title, 120), l) }),
  },
});
