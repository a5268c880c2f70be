import { describe, expect, it } from "vitest";
import { RESPONSE_TYPES, type ResponseTypeName, responseSchema } from "../../shared/listingResponses.js";
import { clusterClock, isPublic, LISTING_KINDS, valuesSchema } from "../../shared/listings.js";
import { FULL_LISTINGS, FULL_RESPONSES, type FullOrg, fullListings, fullResponses } from "./listings.full.js";

const now = Date.parse("2026-12-06T12:00:00Z");
const orgs: FullOrg[] = Array.from({ length: 400 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  shortName: `ООО «Организация ${i}»`,
  owner: `10000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  region: i % 3 === 0 ? "77" : "16",
}));
const listings = fullListings(1, orgs, now);
const { responses, events } = fullResponses(2, listings, orgs, now);
const clock = clusterClock(new Date(now));
const kindSchemas = new Map(Object.entries(LISTING_KINDS).map(([k, kind]) => [k, valuesSchema(kind, clock)]));
const responseSchemas = new Map(
  Object.values(RESPONSE_TYPES).map((t) => [t.name, responseSchema(t.fields, t.check, clock)]),
);
const byKey = <T>(list: T[], key: (x: T) => string) => {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const group = out.get(key(x));
    if (group) group.push(x);
    else out.set(key(x), [x]);
  }
  return out;
};
const quotesOf = byKey(responses, (r) => r.listingId);

describe("the full-scale listings", () => {
  it("are as many of each kind as declared, mostly published, each valid for its kind as an author would send it", () => {
    for (const [kind, n] of Object.entries(FULL_LISTINGS))
      expect(listings.filter((l) => l.kind === kind)).toHaveLength(n);
    expect(listings.filter((l) => l.state === "published").length / listings.length).toBeGreaterThan(0.8);
    expect(new Set(listings.map((l) => l.state))).toEqual(
      new Set(["published", "moderation", "rejected", "closed", "draft"]),
    );
    for (const l of listings.filter((_, i) => i % 20 === 0)) {
      const kind = LISTING_KINDS[l.kind];
      expect(kindSchemas.get(l.kind)!.parse(l.values)).toEqual(l.values);
      expect(l.titleRu).toMatch(/[а-яё]/i);
      // Private fields never reach the searched text.
      for (const f of kind.fields.filter((x) => !isPublic(x)))
        if (typeof l.values[f.key] === "string") expect(l.searchText).not.toContain(l.values[f.key]);
    }
  });

  it("have their responses in states reached by the declared moves, one per organization and listing", () => {
    expect(responses).toHaveLength(FULL_RESPONSES);
    const byId = new Map(listings.map((l) => [l.id, l]));
    const pairs = new Set(responses.map((r) => `${r.listingId}:${r.organizationId}`));
    expect(pairs.size).toBe(responses.length);
    const history = byKey(events, (e) => e.responseId);
    for (const r of responses.filter((_, i) => i % 20 === 0)) {
      const l = byId.get(r.listingId)!;
      expect(["published", "closed"]).toContain(l.state);
      expect(r.organizationId).not.toBe(l.organizationId);
      const type = RESPONSE_TYPES[r.type as ResponseTypeName];
      expect(responseSchemas.get(r.type)!.parse(r.values)).toEqual(r.values);
      const moves = history.get(r.id)!;
      expect(moves[0]!.event).toBe("created");
      expect(moves.at(-1)!.toState).toBe(r.state);
      expect(r.active).toBe(type.active.includes(r.state));
    }
  });

  it("have every closed order that got quotes won by one of them, the others declined", () => {
    const orders = listings.filter((l) => l.kind === "rfq" && l.state === "closed" && l.awardedResponseId);
    expect(orders.length).toBeGreaterThan(0);
    for (const l of orders) {
      const quotes = quotesOf.get(l.id)!;
      const won = quotes.find((r) => r.id === l.awardedResponseId)!;
      expect(["accepted", "in_production", "delivered", "completed", "cancelled"]).toContain(won.state);
      for (const q of quotes) if (q !== won) expect(q.state).toBe("declined");
    }
    // An open order has no accepted quote.
    const open = new Set(
      listings.filter((l) => l.kind === "rfq" && l.state === "published").map((l) => l.id),
    );
    for (const r of responses.filter((x) => open.has(x.listingId)))
      expect(["submitted", "declined", "withdrawn"]).toContain(r.state);
  });
});
