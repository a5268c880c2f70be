import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../core/audit.schema.js";
import { expectProblem, fieldErrors } from "../../test/assert.js";
import { Client, createUser, signedIn, testAppForFile } from "../../test/helpers.js";
import { notifications } from "../notifications/notifications.schema.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";

const t = testAppForFile();
let op: Client;
let guest: Client;
let stranger: Client;
/** The landlord (premises) and the manufacturer (capability): the listings' side. */
let owner: Awaited<ReturnType<typeof orgWithTeam>>;
/** The tenant or customer: the responding side. */
let resp: Awaited<ReturnType<typeof orgWithTeam>>;

type Response = {
  id: string;
  type: string;
  state: string;
  active: boolean;
  version: number;
  side: "owner" | "responder";
  moves: string[];
  outcome: Record<string, unknown>;
  history: { event: string; fromState: string | null; toState: string; side: string }[];
  conversationId: string | null;
  organization: { id: string };
  listing: { id: string; organization: { id: string } };
};

const PREMISES = {
  premisesType: "laboratory",
  area: { from: 60, to: 120 },
  priceUnit: "per_m2_month",
  price: 2100,
  region: "77",
  okrug: "zelao",
  address: "Зеленоград, Георгиевский проспект, д. 5",
};

const RFQ = {
  process: "cnc_milling",
  materials: ["aluminium"],
  quantity: 500,
  budget: 900_000,
  deadline: "2099-03-01",
};

/** A published listing of the owner's organization (or another team's). */
async function published(kind = "premises", values: Record<string, unknown> = PREMISES, team = owner) {
  const res = await team.memberC.post("/api/listings", {
    organizationId: team.org.id,
    kind,
    titleRu: kind === "premises" ? "Лаборатория в технопарке" : "Фрезерная обработка на ЧПУ",
    descriptionRu: "Подробное описание объявления для проверки откликов на него.",
    values,
  });
  expect(res.statusCode, res.body).toBe(201);
  const draft = res.json() as { id: string; version: number };
  const sub = await team.memberC.post(`/api/listings/${draft.id}/submit`, { version: draft.version });
  const ok = await op.post(`/api/operator/listings/${draft.id}/decision`, {
    decision: "approve",
    version: (sub.json() as { version: number }).version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json() as { id: string; version: number };
}

const viewing = (listingId: string, c = resp.memberC, organizationId = resp.org.id) =>
  c.post(`/api/listings/${listingId}/responses`, {
    organizationId,
    values: { message: "Хотим посмотреть лабораторию на этой неделе", preferredTime: "после 15:00" },
  });

const quote = (listingId: string, team: typeof resp, price: number) =>
  team.memberC.post(`/api/listings/${listingId}/responses`, {
    organizationId: team.org.id,
    values: { price, vat: "22", leadTimeDays: 30, validUntil: "2099-01-31", comment: "Материал наш" },
  });

const move = (c: Client, r: { id: string; version: number }, name: string, values?: object) =>
  c.post(`/api/responses/${r.id}/moves`, { move: name, version: r.version, ...(values ? { values } : {}) });

/** A future Moscow local time "YYYY-MM-DDTHH:MM", days ahead. */
const inDays = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T11:00`;
};

beforeAll(async () => {
  const [o, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  [op, stranger] = await Promise.all([signedIn(t, o), signedIn(t, u)]);
  guest = new Client(t.app);
  owner = await orgWithTeam(t);
  resp = await orgWithTeam(t);
});

describe("a viewing request of premises, from request to the viewing", () => {
  it("goes requested → proposed → confirmed → done, each move by its side, with a dated history and a conversation", async () => {
    const l = await published();
    const created = await viewing(l.id);
    expect(created.statusCode, created.body).toBe(201);
    let r = created.json() as Response;
    expect(r).toMatchObject({ type: "viewing", state: "requested", side: "responder", moves: ["withdraw"] });
    expect(r.conversationId).toBeTruthy();

    // The landlord's members are told of the new response, in their language.
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, owner.member.id));
    expect(told.map((n) => n.kind)).toContain("listings.response");

    const asOwner = (await owner.adminC.get(`/api/responses/${r.id}`)).json() as Response;
    expect(asOwner.side).toBe("owner");
    expect(asOwner.moves.sort()).toEqual(["decline", "propose"]);

    const past = await move(owner.adminC, r, "propose", { viewingAt: "2020-01-10T11:00" });
    expect(fieldErrors(expectProblem(past, 400, "validation"))["values.viewingAt"]).toBe(
      "This time has passed (Moscow time)",
    );
    const proposed = await move(owner.adminC, r, "propose", { viewingAt: inDays(3), note: "Вход с торца" });
    expect(proposed.statusCode, proposed.body).toBe(200);
    r = proposed.json() as Response;
    expect(r.state).toBe("proposed");
    expect(r.outcome).toMatchObject({ viewingAt: inDays(3), note: "Вход с торца" });

    const confirmed = await move(resp.ownerC, r, "confirm");
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    r = confirmed.json() as Response;
    const done = await move(owner.memberC, r, "done");
    expect(done.statusCode, done.body).toBe(200);
    r = done.json() as Response;
    expect(r).toMatchObject({ state: "done", active: false, moves: [] });
    expect(r.history.map((e) => [e.event, e.fromState, e.toState, e.side])).toEqual([
      ["created", null, "requested", "responder"],
      ["propose", "requested", "proposed", "owner"],
      ["confirm", "proposed", "confirmed", "responder"],
      ["done", "confirmed", "done", "owner"],
    ]);

    // The conversation carries every step, and both organizations read it.
    const conv = await resp.memberC.get(`/api/conversations/${r.conversationId}`);
    expect(conv.statusCode, conv.body).toBe(200);
    const events = (conv.json() as { messages: { event: string | null }[] }).messages.map((m) => m.event);
    expect(events).toEqual([
      "listings.response.created",
      "listings.response.propose",
      "listings.response.confirm",
      "listings.response.done",
    ]);
    expect((await owner.memberC.get(`/api/conversations/${r.conversationId}`)).statusCode).toBe(200);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        "listing_response.confirm",
        "listing_response.create",
        "listing_response.done",
        "listing_response.propose",
      ].sort(),
    );
  });

  it("is seen by the two sides only: others get 404 for the response and its conversation", async () => {
    const l = await published();
    const r = (await viewing(l.id)).json() as Response;
    for (const c of [stranger, op]) {
      expectProblem(await c.get(`/api/responses/${r.id}`), 404);
      expectProblem(await move(c, r, "propose", { viewingAt: inDays(2) }), 404);
      expectProblem(await c.get(`/api/conversations/${r.conversationId}`), 404);
    }
    expectProblem(await guest.get(`/api/responses/${r.id}`), 401);
    // A listing's responses: all for its organization, one's own for a responder, none for others.
    const all = (await owner.memberC.get(`/api/listings/${l.id}/responses`)).json() as { items: Response[] };
    expect(all.items.map((i) => i.id)).toEqual([r.id]);
    const own = (await resp.adminC.get(`/api/listings/${l.id}/responses`)).json() as { items: Response[] };
    expect(own.items.map((i) => [i.id, i.side])).toEqual([[r.id, "responder"]]);
    expect(((await stranger.get(`/api/listings/${l.id}/responses`)).json() as { items: [] }).items).toEqual(
      [],
    );
    expect(((await guest.get(`/api/listings/${l.id}/responses`)).json() as { items: [] }).items).toEqual([]);
    // The organization's sent responses, for its members only.
    const sent = (await resp.memberC.get(`/api/organizations/${resp.org.id}/responses`)).json() as {
      items: Response[];
      total: number;
    };
    expect(sent.items.map((i) => i.id)).toContain(r.id);
    expectProblem(await stranger.get(`/api/organizations/${resp.org.id}/responses`), 404);
  });

  it("refuses moves out of turn and out of state, and stale versions, changing nothing", async () => {
    const l = await published();
    const r = (await viewing(l.id)).json() as Response;
    // the other side's move
    expectProblem(
      await move(resp.memberC, r, "propose", { viewingAt: inDays(2) }),
      403,
      "response-other-side",
    );
    expectProblem(await move(owner.memberC, r, "confirm"), 403, "response-other-side");
    // a move the state does not allow, with the state in the user's words
    const early = expectProblem(await move(owner.memberC, r, "done"), 409, "response-transition");
    expect(early.detail).toContain("запрошен");
    // a move of another type
    expectProblem(await move(owner.memberC, r, "deliver"), 409, "response-transition");
    // a required field of the move
    expect(fieldErrors(expectProblem(await move(owner.memberC, r, "propose"), 400))).toHaveProperty(
      "values.viewingAt",
    );
    const proposed = (await move(owner.memberC, r, "propose", { viewingAt: inDays(4) })).json() as Response;
    // the version seen before the proposal is stale: 409 with the response as it is now
    const stale = expectProblem(await move(resp.memberC, r, "withdraw"), 409, "response-changed");
    expect((stale.current as Response).state).toBe("proposed");
    const now = (await resp.memberC.get(`/api/responses/${r.id}`)).json() as Response;
    expect(now.version).toBe(proposed.version);
    expect(now.history).toHaveLength(2);
  });

  it("allows one response under way per organization and listing, never on one's own listing or an unpublished one", async () => {
    const l = await published();
    expect((await viewing(l.id)).statusCode).toBe(201);
    expectProblem(await viewing(l.id, resp.adminC), 409, "response-exists");
    expectProblem(await viewing(l.id, owner.memberC, owner.org.id), 409, "response-own-listing");
    // a member of no organization, or of another one, answers for an organization they are not in
    expectProblem(await viewing(l.id, stranger, resp.org.id), 404);
    // values checked against the response type
    const bad = await resp.memberC.post(`/api/listings/${l.id}/responses`, {
      organizationId: resp.org.id,
      values: { preferredTime: "утром", price: 5 },
    });
    expect(Object.keys(fieldErrors(expectProblem(bad, 400))).sort()).toEqual([
      "values.message",
      "values.price",
    ]);
    // a draft is not there for others
    const draft = await owner.memberC.post("/api/listings", {
      organizationId: owner.org.id,
      kind: "premises",
      titleRu: "Черновик помещения",
      descriptionRu: "Описание черновика для проверки откликов.",
      values: PREMISES,
    });
    expectProblem(await viewing((draft.json() as { id: string }).id), 404);
  });

  it("lets a withdrawn request be followed by a new one", async () => {
    const l = await published();
    const r = (await viewing(l.id)).json() as Response;
    const gone = await move(resp.memberC, r, "withdraw");
    expect((gone.json() as Response).state).toBe("withdrawn");
    expect((await viewing(l.id)).statusCode).toBe(201);
  });

  it("refuses an organization the operator has not verified", async () => {
    const l = await published();
    const other = await orgWithTeam(t, { verified: false });
    expectProblem(await viewing(l.id, other.memberC, other.org.id), 409, "organization-not-verified");
  });
});

describe("an inquiry on a manufacturing capability", () => {
  it("is taken up or declined by the manufacturer, who says why", async () => {
    const l = await published("capability", { processes: ["cnc_milling"], materials: ["aluminium"] });
    const ask = (c: Client, orgId: string) =>
      c.post(`/api/listings/${l.id}/responses`, {
        organizationId: orgId,
        values: { message: "Нужна партия кронштейнов из Д16Т", quantity: 300, neededBy: "2020-01-01" },
      });
    expect(fieldErrors(expectProblem(await ask(resp.memberC, resp.org.id), 400))["values.neededBy"]).toBe(
      "Дата уже прошла",
    );
    const ok = await resp.memberC.post(`/api/listings/${l.id}/responses`, {
      organizationId: resp.org.id,
      values: { message: "Нужна партия кронштейнов из Д16Т", quantity: 300 },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const r = ok.json() as Response;
    expect(r).toMatchObject({ type: "inquiry", state: "sent" });
    const declined = await move(owner.memberC, r, "decline", { reason: "Загрузка станков до марта" });
    expect((declined.json() as Response).state).toBe("declined");
    const conv = await resp.memberC.get(`/api/conversations/${r.conversationId}`);
    const last = (conv.json() as { messages: { event: string | null; body: string }[] }).messages.at(-1)!;
    expect(last).toMatchObject({ event: "listings.response.decline", body: "Загрузка станков до марта" });
  });
});

describe("quotes on a production order, from quotes to the manufacturer's rating", () => {
  it("accepts one quote: the others are declined and told, the listing closes, and a second accept gets 409", async () => {
    const l = await published("rfq", RFQ);
    const makers = [resp, await orgWithTeam(t), await orgWithTeam(t)];
    const quotes: Response[] = [];
    for (const [i, m] of makers.entries()) {
      const res = await quote(l.id, m, 700_000 + i * 50_000);
      expect(res.statusCode, res.body).toBe(201);
      quotes.push(res.json() as Response);
    }
    // The third withdraws first: it stays withdrawn, not declined.
    await move(makers[2]!.memberC, quotes[2]!, "withdraw");

    // Two accepts at once: exactly one wins.
    const [a, b] = await Promise.all([
      move(owner.memberC, quotes[0]!, "accept"),
      move(owner.adminC, quotes[1]!, "accept"),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 0 : 1;
    const loser = 1 - winner;
    const lost = (await makers[loser]!.memberC.get(`/api/responses/${quotes[loser]!.id}`)).json() as Response;
    expect(lost.state).toBe("declined");
    expect(lost.history.at(-1)).toMatchObject({ event: "lost", fromState: "submitted", toState: "declined" });
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, makers[loser]!.member.id));
    expect(told.some((n) => (n.data as { event?: string }).event === "lost")).toBe(true);
    expect(((await makers[2]!.memberC.get(`/api/responses/${quotes[2]!.id}`)).json() as Response).state).toBe(
      "withdrawn",
    );

    // The listing left the catalog and takes no new quote.
    const listing = (await owner.memberC.get(`/api/listings/${l.id}`)).json() as { state: string };
    expect(listing.state).toBe("closed");
    expectProblem(await guest.get(`/api/listings/${l.id}`), 404);
    const late = await orgWithTeam(t);
    expectProblem(await quote(l.id, late, 500_000), 404);
  });

  it("goes accepted → in production → delivered → completed with a rating shown on the manufacturer's page; rating before delivery is 409", async () => {
    const maker = await orgWithTeam(t);
    const l = await published("rfq", RFQ);
    let q = (await quote(l.id, maker, 640_000)).json() as Response;
    q = (await move(owner.memberC, q, "accept")).json() as Response;
    expect(q.state).toBe("accepted");
    expectProblem(await move(owner.memberC, q, "rate", { rating: 5 }), 409, "response-transition");
    q = (await move(maker.memberC, q, "start")).json() as Response;
    expect(q.state).toBe("in_production");
    q = (await move(maker.adminC, q, "deliver")).json() as Response;
    expect(q.state).toBe("delivered");
    const outOfScale = await move(owner.memberC, q, "rate", { rating: 6 });
    expect(fieldErrors(expectProblem(outOfScale, 400))).toHaveProperty("values.rating");
    const rated = await move(owner.memberC, q, "rate", {
      rating: 4,
      review: "Точно в срок, допуски выдержаны",
    });
    expect(rated.statusCode, rated.body).toBe(200);
    q = rated.json() as Response;
    expect(q).toMatchObject({ state: "completed", active: false, moves: [] });
    expectProblem(await move(owner.memberC, q, "rate", { rating: 5 }), 409, "response-transition");

    const record = (await guest.get(`/api/organizations/${maker.org.id}/exchange-record`)).json() as {
      completed: number;
      rating: number;
      ratings: number;
      reviews: { rating: number; review: string; customer: { id: string } }[];
    };
    expect(record).toMatchObject({ completed: 1, rating: 4, ratings: 1 });
    expect(record.reviews[0]).toMatchObject({
      rating: 4,
      review: "Точно в срок, допуски выдержаны",
      customer: { id: owner.org.id },
    });
  });

  it("is sent on an order behind an NDA only by an organization that accepted the NDA", async () => {
    const maker = await orgWithTeam(t);
    const l = await published("rfq", { ...RFQ, ndaRequired: true });
    const refused = expectProblem(await quote(l.id, maker, 500_000), 409, "response-nda-required");
    expect(refused.title).toContain("примите условия NDA");
    const accepted = await maker.memberC.post(`/api/listings/${l.id}/nda`, { organizationId: maker.org.id });
    expect(accepted.statusCode, accepted.body).toBeLessThan(300);
    expect((await quote(l.id, maker, 500_000)).statusCode).toBe(201);
  });

  it("is cancelled by the customer with a reason, which the manufacturer reads", async () => {
    const maker = await orgWithTeam(t);
    const l = await published("rfq", RFQ);
    let q = (await quote(l.id, maker, 610_000)).json() as Response;
    q = (await move(owner.memberC, q, "accept")).json() as Response;
    expect(fieldErrors(expectProblem(await move(owner.memberC, q, "cancel"), 400))).toHaveProperty(
      "values.reason",
    );
    q = (
      await move(owner.memberC, q, "cancel", { reason: "Проект заморожен заказчиком" })
    ).json() as Response;
    const seen = (await maker.memberC.get(`/api/responses/${q.id}`)).json() as Response;
    expect(seen).toMatchObject({ state: "cancelled", outcome: { reason: "Проект заморожен заказчиком" } });
    const none = (await guest.get(`/api/organizations/${maker.org.id}/exchange-record`)).json() as {
      completed: number;
      rating: number | null;
    };
    expect(none).toMatchObject({ completed: 0, rating: null });
  });
});

describe("interest in a technology", () => {
  it("goes to negotiation, then a deal with its terms recorded", async () => {
    const l = await published("technology", {
      objectType: "know_how",
      rightHolder: "ООО «Тест»",
      trl: "6",
      dealTypes: ["non_exclusive_licence"],
      priceByAgreement: true,
    });
    let r = (
      await resp.memberC.post(`/api/listings/${l.id}/responses`, {
        organizationId: resp.org.id,
        values: { message: "Интересует неисключительная лицензия для серийного производства" },
      })
    ).json() as Response;
    expect(r).toMatchObject({ type: "interest", state: "sent" });
    r = (await move(owner.memberC, r, "negotiate")).json() as Response;
    r = (
      await move(owner.memberC, r, "agree", { terms: "Лицензия на 5 лет, роялти 3 %" })
    ).json() as Response;
    expect(r).toMatchObject({ state: "agreed", outcome: { terms: "Лицензия на 5 лет, роялти 3 %" } });
  });
});

describe("the cabinet's responses waiting for you", () => {
  type Awaiting = { total: number; items: (Response & { updatedAt: string })[] };
  const awaiting = async (c: Client) => {
    const res = await c.get("/api/responses/awaiting");
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Awaiting;
  };
  const ids = (a: Awaiting) => a.items.map((r) => [r.id, r.state, r.side]);

  it("lists exactly the responses whose move is the member's organization's, newest first, and nothing of others", async () => {
    const [landlord, tenant, maker] = [await orgWithTeam(t), await orgWithTeam(t), await orgWithTeam(t)];
    const premises = await published("premises", PREMISES, landlord);
    const order = await published("rfq", RFQ, landlord);
    const tenantsViewing = (await viewing(premises.id, tenant.memberC, tenant.org.id)).json() as Response;
    const makersViewing = (await viewing(premises.id, maker.memberC, maker.org.id)).json() as Response;
    const tenantsQuote = (await quote(order.id, tenant, 640_000)).json() as Response;
    const makersQuote = (await quote(order.id, maker, 610_000)).json() as Response;
    // The landlord proposes a time to the maker (now the maker's move); the maker withdraws its quote.
    const proposed = await move(landlord.memberC, makersViewing, "propose", { viewingAt: inDays(2) });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect((await move(maker.memberC, makersQuote, "withdraw")).statusCode).toBe(200);
    // Others' responses waiting for their listings' side (the file's other teams) are not the landlord's.
    expect((await viewing((await published()).id)).statusCode).toBe(201);

    // The landlord: a new quote and a viewing request, the newest first; every member of it sees them.
    const forLandlord = await awaiting(landlord.adminC);
    expect(forLandlord.total).toBe(2);
    expect(ids(forLandlord)).toEqual([
      [tenantsQuote.id, "submitted", "owner"],
      [tenantsViewing.id, "requested", "owner"],
    ]);
    expect(forLandlord.items[0]).toMatchObject({
      type: "quote",
      listing: { id: order.id, organization: { id: landlord.org.id } },
      organization: { id: tenant.org.id },
    });
    expect(await awaiting(landlord.ownerC)).toEqual(forLandlord);
    // The maker: the viewing time proposed to it (its withdrawn quote waits for nobody).
    expect(ids(await awaiting(maker.memberC))).toEqual([[makersViewing.id, "proposed", "responder"]]);
    // The tenant: nothing, both its responses wait for the landlord.
    expect(await awaiting(tenant.memberC)).toEqual({ total: 0, items: [] });
    // Someone of no organization: nothing; a guest: signed in first.
    expect(await awaiting(stranger)).toEqual({ total: 0, items: [] });
    expectProblem(await guest.get("/api/responses/awaiting"), 401);

    // The landlord proposes a time to the tenant: the viewing leaves its block and joins the tenant's.
    await move(landlord.memberC, tenantsViewing, "propose", { viewingAt: inDays(4) });
    expect(ids(await awaiting(landlord.memberC))).toEqual([[tenantsQuote.id, "submitted", "owner"]]);
    expect(ids(await awaiting(tenant.memberC))).toEqual([[tenantsViewing.id, "proposed", "responder"]]);
  });
});
