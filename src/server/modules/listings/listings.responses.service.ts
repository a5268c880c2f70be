import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import {
  moveOf,
  movesFrom,
  RESPONSE_OF_KIND,
  RESPONSE_TYPE_NAMES,
  RESPONSE_TYPES,
  type ResponseMove,
  type ResponseType,
  type ResponseTypeName,
  responseSchema,
  responseTypeOf,
  type Side,
  statesWaitingFor,
} from "../../../shared/listingResponses.js";
import type { ListingField, ListingValues } from "../../../shared/listings.js";
import { writeAudit } from "../../core/audit.js";
import { auditCtx, type Ctx, requireActor } from "../../core/context.js";
import { countRows, type Executor, isUniqueViolation, pageOf } from "../../core/db.js";
import { AppError, notFound } from "../../core/errors.js";
import { t } from "../../core/i18n.js";
import { can } from "../../core/policy.js";
import { conversationOf, openConversation, postSystemMessage } from "../conversations/conversations.api.js";
import { notify } from "../notifications/notifications.service.js";
import { accessOf, memberOrgIds, refusal } from "../organizations/access.js";
import { membersOf } from "../organizations/membership.js";
import { memberships, organizations } from "../organizations/organizations.schema.js";
import { listingNdaAcceptances } from "./listings.details.schema.js";
import { LISTING_NOTIFICATION_KINDS } from "./listings.notifications.js";
import type {
  CreateResponseBody,
  ExchangeRecord,
  ListingResponse,
  MoveBody,
  ResponseSummary,
  ResponsesQuery,
} from "./listings.responses.contract.js";
import { listingResponseEvents, listingResponses } from "./listings.responses.schema.js";
import { listings } from "./listings.schema.js";
import { assertVerified, checkedValues, clockNow } from "./listings.service.js";

/*
 * Responses to listings: a state machine per response type, declared in src/shared/listingResponses.ts.
 *
 * Who is who: the listing's organization is the owner side, the responding organization the responder
 * side; a reader who is a member of neither gets 404 (the operators too: a negotiation is the two
 * organizations' own). A response opens a conversation between the two (subject `listing_response`);
 * its creation and every move are written into the response's history, shown in the conversation and
 * told to the other side, with an audit entry, in one transaction.
 *
 * Every move names the version it saw; the listing's row is locked first, then the response's (the same
 * order everywhere, so two moves on one listing queue instead of deadlocking). A move the state does not
 * allow is 409 "response-transition"; a move of the other side 403; a stale version 409
 * "response-changed" with the response as it is now. An `award` move (accepting a quote) also sets the
 * listing's awarded response by a conditional update: of two concurrent accepts one wins, the other
 * gets 409 "listing-awarded"; the listing closes and its other waiting responses are declined, each told.
 */

export const RESPONSE_SUBJECT = {
  kind: "listing_response",
  link: (id: string) => `/responses/${id}`,
};

type Row = typeof listingResponses.$inferSelect;
type ListingRow = typeof listings.$inferSelect;
type Summary = z.infer<typeof ResponseSummary>;

const typeOf = (r: Row): ResponseType => RESPONSE_TYPES[r.type as ResponseTypeName];

const responderOrg = alias(organizations, "responder_org");
const ownerOrg = alias(organizations, "owner_org");

/** Responses with their listing and both organizations, as lists show them. */
const withListing = (ex: Executor) =>
  ex
    .select({
      r: listingResponses,
      l: {
        id: listings.id,
        kind: listings.kind,
        titleRu: listings.titleRu,
        titleEn: listings.titleEn,
        organizationId: listings.organizationId,
      },
      owner: { id: ownerOrg.id, shortName: ownerOrg.shortName },
      responder: { id: responderOrg.id, shortName: responderOrg.shortName },
    })
    .from(listingResponses)
    .innerJoin(listings, eq(listings.id, listingResponses.listingId))
    .innerJoin(ownerOrg, eq(ownerOrg.id, listings.organizationId))
    .innerJoin(responderOrg, eq(responderOrg.id, listingResponses.organizationId));

type Joined = Awaited<ReturnType<typeof withListing>>[number];

const summary = ({ r, l, owner, responder }: Joined, side: Side): Summary => ({
  id: r.id,
  type: r.type,
  state: r.state,
  active: r.active,
  listing: { id: l.id, kind: l.kind, titleRu: l.titleRu, titleEn: l.titleEn, organization: owner },
  organization: responder,
  values: r.values,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
  side,
});

/** The reader's side of a response, or 404 when they are a member of neither organization. */
async function sideOf(ex: Executor, ctx: Ctx, owner: string, responder: string): Promise<Side> {
  const actor = ctx.actor;
  if (actor) {
    const mine = await memberOrgIds(ex, actor.id, [owner, responder]);
    if (mine.has(owner)) return "owner";
    if (mine.has(responder)) return "responder";
  }
  throw notFound();
}

async function view(ex: Executor, j: Joined, side: Side): Promise<z.infer<typeof ListingResponse>> {
  const history = await ex
    .select()
    .from(listingResponseEvents)
    .where(eq(listingResponseEvents.responseId, j.r.id))
    .orderBy(asc(listingResponseEvents.createdAt), asc(listingResponseEvents.id));
  const conversation = await conversationOf(ex, { kind: RESPONSE_SUBJECT.kind, id: j.r.id });
  return {
    ...summary(j, side),
    outcome: j.r.outcome,
    rating: j.r.rating,
    moves: movesFrom(typeOf(j.r), j.r.state, side).map((m) => m.name),
    history: history.map((e) => ({
      event: e.event,
      fromState: e.fromState,
      toState: e.toState,
      side: e.side,
      data: e.data,
      at: e.createdAt.toISOString(),
    })),
    conversationId: conversation?.id ?? null,
  };
}

async function joined(ex: Executor, id: string): Promise<Joined> {
  const [j] = await withListing(ex).where(eq(listingResponses.id, id));
  if (!j) throw notFound();
  return j;
}

/** A response for its two sides (anyone else: 404). */
export async function getResponse(ctx: Ctx, id: string) {
  const j = await joined(ctx.db, id);
  return view(ctx.db, j, await sideOf(ctx.db, ctx, j.l.organizationId, j.r.organizationId));
}

/**
 * A listing's responses: every one for the listing's organization, newest first; for anyone else the
 * ones of their own organizations (none: an empty list, so a visitor learns nothing of others').
 */
export async function responsesOfListing(ctx: Ctx, listingId: string): Promise<{ items: Summary[] }> {
  const [l] = await ctx.db
    .select({ organizationId: listings.organizationId, state: listings.state })
    .from(listings)
    .where(eq(listings.id, listingId));
  if (!l) throw notFound();
  const actor = ctx.actor;
  if (!actor) return { items: [] };
  const isOwner = (await memberOrgIds(ctx.db, actor.id, [l.organizationId])).has(l.organizationId);
  let where: SQL = eq(listingResponses.listingId, listingId);
  if (!isOwner) {
    // The responding organizations the reader belongs to (through the organizations module).
    const responders = await ctx.db
      .selectDistinct({ id: listingResponses.organizationId })
      .from(listingResponses)
      .where(where);
    const mine = await memberOrgIds(
      ctx.db,
      actor.id,
      responders.map((o) => o.id),
    );
    if (!mine.size) return { items: [] };
    where = and(where, inArray(listingResponses.organizationId, [...mine]))!;
  }
  const list = await withListing(ctx.db)
    .where(where)
    .orderBy(desc(listingResponses.active), desc(listingResponses.createdAt), desc(listingResponses.id))
    .limit(500);
  return { items: list.map((j) => summary(j, isOwner ? "owner" : "responder")) };
}

/** The responses an organization sent, newest change first (its members). */
export async function responsesOfOrganization(
  ctx: Ctx,
  organizationId: string,
  q: z.infer<typeof ResponsesQuery>,
) {
  const access = await accessOf(ctx.db, ctx.actor, organizationId);
  if (!can(ctx.actor, "listings.manage", access)) throw refusal(404, organizationId, "listings.manage");
  const where = eq(listingResponses.organizationId, organizationId);
  const { items, total } = await pageOf(
    withListing(ctx.db)
      .where(where)
      .orderBy(desc(listingResponses.updatedAt), desc(listingResponses.id))
      .$dynamic(),
    countRows(ctx.db, listingResponses, where),
    q,
  );
  return {
    items: items.map((j) => summary(j, "responder")),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The responses of the cabinet's block "waiting for you" it shows (the count covers them all). */
export const AWAITING_SHOWN = 5;

/** The responses in a state that waits for the side (per type, its states from the declared moves). */
const waitingForSide = (side: Side): SQL =>
  or(
    ...RESPONSE_TYPE_NAMES.map((name) => {
      const states = statesWaitingFor(RESPONSE_TYPES[name], side);
      return states.length
        ? and(eq(listingResponses.type, name), inArray(listingResponses.state, states))
        : sql`false`;
    }),
  )!;

/**
 * The responses waiting for one of the reader's organizations to move, newest change first: on its
 * listings those waiting for the listing's side (a new quote, a viewing request), among those it sent
 * those waiting for the responder (a viewing time proposed, a quote accepted). Two statements, one per
 * side, each on its index (listings by organization, then responses by listing; responses by
 * organization and change), each with its count; a state waits for one side only, so none is in both.
 */
export async function awaitingResponses(ctx: Ctx): Promise<{ items: Summary[]; total: number }> {
  const actor = requireActor(ctx);
  const mine = ctx.db
    .select({ id: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, actor.id));
  const column = { owner: listings.organizationId, responder: listingResponses.organizationId };
  const sides = await Promise.all(
    (["owner", "responder"] as const).map(async (side) => {
      const rows = await withListing(ctx.db)
        .where(and(eq(listingResponses.active, true), inArray(column[side], mine), waitingForSide(side)))
        .orderBy(desc(listingResponses.updatedAt), desc(listingResponses.id))
        .limit(AWAITING_SHOWN);
      const [count] = await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(listingResponses)
        .innerJoin(listings, eq(listings.id, listingResponses.listingId))
        .where(and(eq(listingResponses.active, true), inArray(column[side], mine), waitingForSide(side)));
      return { items: rows.map((j) => summary(j, side)), total: count?.n ?? 0 };
    }),
  );
  const items = sides
    .flatMap((s) => s.items)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id))
    .slice(0, AWAITING_SHOWN);
  return { items, total: sides.reduce((n, s) => n + s.total, 0) };
}

// ---------- writing ----------

const stateWord = (ctx: Ctx, type: string, state: string) =>
  t(ctx.locale, `listings.response.state.${type}.${state}`);

const transition = (ctx: Ctx, r: Row) =>
  new AppError(409, "response-transition", {}, [], {
    detail: t(ctx.locale, "listings.response.transition", { state: stateWord(ctx, r.type, r.state) }),
  });

/** The other side's people: the members of the other organization. */
const otherSide = async (ex: Executor, side: Side, listing: { organizationId: string }, r: Row) =>
  (await membersOf(ex, side === "owner" ? r.organizationId : listing.organizationId)).map((m) => m.userId);

/** The written parts of values (messages, reasons, terms, a review): the conversation shows them. */
const textOf = (fields: readonly ListingField[], values: ListingValues) =>
  fields
    .filter((f) => f.type === "longText" && typeof values[f.key] === "string")
    .map((f) => values[f.key] as string)
    .join("\n\n") || null;

/** Tells the other side (in-app and by their preferences) and writes the event into the conversation. */
async function tell(
  tx: Executor,
  ctx: Ctx,
  input: {
    r: Row;
    listing: Pick<ListingRow, "id" | "organizationId" | "titleRu">;
    side: Side;
    event: string;
    body?: string | null;
  },
) {
  const { r, listing, side, event } = input;
  const actorId = ctx.actor?.id ?? null;
  // The response's conversation (opened with it; opened now for a response written without one, as
  // the full-scale seed writes them).
  await openConversation(tx, {
    subject: { kind: RESPONSE_SUBJECT.kind, id: r.id },
    parties: [{ organizationId: listing.organizationId }, { organizationId: r.organizationId }],
    title: listing.titleRu,
  });
  await postSystemMessage(tx, ctx.config.publicUrl, {
    subject: { kind: RESPONSE_SUBJECT.kind, id: r.id },
    authorId: actorId,
    side: side === "owner" ? "a" : "b",
    event: `listings.response.${event}`,
    body: input.body ?? null,
    silent: true,
  });
  const [org] = await tx
    .select({ shortName: organizations.shortName })
    .from(organizations)
    .where(eq(organizations.id, side === "owner" ? listing.organizationId : r.organizationId));
  const userIds = (await otherSide(tx, side, listing, r)).filter((id) => id !== actorId);
  if (userIds.length)
    await notify(tx, ctx.config.publicUrl, {
      userIds,
      kind: LISTING_NOTIFICATION_KINDS.response,
      data: { event, type: r.type, title: listing.titleRu, org: org?.shortName ?? "" },
      link: RESPONSE_SUBJECT.link(r.id),
    });
}

/**
 * An organization's response to a published listing of another organization (one under way per
 * organization and listing; a verified organization only, as for publishing).
 */
export async function respond(ctx: Ctx, listingId: string, body: z.infer<typeof CreateResponseBody>) {
  const actor = requireActor(ctx);
  const created = await ctx.db.transaction(async (tx) => {
    const [l] = await tx.select().from(listings).where(eq(listings.id, listingId)).for("update");
    // A listing the reader may not see is missing (its own organization sees it in every state).
    if (!l) throw notFound();
    const own = (await memberOrgIds(tx, actor.id, [l.organizationId])).size > 0;
    if (l.state !== "published" && !own) throw notFound();
    const access = await accessOf(tx, ctx.actor, body.organizationId);
    if (!can(ctx.actor, "listings.manage", access))
      throw refusal(404, body.organizationId, "listings.manage");
    // (a member answering for the listing's own organization is one of its members: `own`)
    if (own) throw new AppError(409, "response-own-listing");
    if (l.state !== "published" || l.awardedResponseId) throw new AppError(409, "response-listing-closed");
    await assertVerified(tx, body.organizationId);
    // An order behind an NDA is answered by an organization that accepted it (it has read the details).
    if (l.nda && !(await ndaAcceptedByOrganization(tx, l.id, body.organizationId)))
      throw new AppError(409, "response-nda-required");
    const type = responseTypeOf(l.kind);
    const values = checkedValues(responseSchema(type.fields, type.check, clockNow()), body.values);
    let r: Row;
    try {
      [r] = (await tx
        .insert(listingResponses)
        .values({
          listingId,
          organizationId: body.organizationId,
          authorId: actor.id,
          type: RESPONSE_OF_KIND[l.kind]!,
          state: type.initial,
          values,
        })
        .returning()) as [Row];
    } catch (e) {
      if (isUniqueViolation(e, "listing_responses_active_uq")) throw new AppError(409, "response-exists");
      throw e;
    }
    await tx.insert(listingResponseEvents).values({
      responseId: r.id,
      event: "created",
      toState: r.state,
      side: "responder",
      actorId: actor.id,
      data: values,
    });
    await tell(tx, ctx, {
      r,
      listing: l,
      side: "responder",
      event: "created",
      body: textOf(type.fields, values),
    });
    await writeAudit(tx, auditCtx(ctx), {
      action: "listing_response.create",
      entity: "listing_response",
      entityId: r.id,
      after: { listingId, organizationId: body.organizationId, type: r.type, state: r.state, values },
    });
    return r;
  });
  ctx.mailQueued();
  const j = await joined(ctx.db, created.id);
  return view(ctx.db, j, "responder");
}

/** Whether the organization accepted the listing's NDA. */
async function ndaAcceptedByOrganization(ex: Executor, listingId: string, organizationId: string) {
  const [row] = await ex
    .select({ id: listingNdaAcceptances.id })
    .from(listingNdaAcceptances)
    .where(
      and(
        eq(listingNdaAcceptances.listingId, listingId),
        eq(listingNdaAcceptances.organizationId, organizationId),
      ),
    );
  return row !== undefined;
}

/** The stale-version answer: 409 with the response as it is now. */
async function changed(tx: Executor, id: string, side: Side): Promise<never> {
  const current = await view(tx, await joined(tx, id), side);
  throw new AppError(409, "response-changed", {}, [], { current });
}

/** A move of a response by the reader's side (see the state machine above). */
export async function makeMove(ctx: Ctx, id: string, body: z.infer<typeof MoveBody>) {
  const actor = requireActor(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const [head] = await tx
      .select({ listingId: listingResponses.listingId })
      .from(listingResponses)
      .where(eq(listingResponses.id, id));
    if (!head) throw notFound();
    // The listing first, then the response: every move on a listing takes the locks in this order.
    const [l] = await tx.select().from(listings).where(eq(listings.id, head.listingId)).for("update");
    const [r] = await tx.select().from(listingResponses).where(eq(listingResponses.id, id)).for("update");
    if (!l || !r) throw notFound();
    const side = await sideOf(tx, ctx, l.organizationId, r.organizationId);
    if (r.version !== body.version) await changed(tx, id, side);
    const type = typeOf(r);
    const move: ResponseMove | undefined = moveOf(type, body.move);
    if (!move)
      throw new AppError(409, "response-transition", {}, [], {
        detail: t(ctx.locale, "listings.response.unknown-move"),
      });
    if (move.by !== side) throw new AppError(403, "response-other-side");
    if (!move.from.includes(r.state)) throw transition(ctx, r);
    const data = checkedValues(responseSchema(move.fields ?? [], move.check, clockNow()), body.values);
    if (move.award) {
      const [won] = await tx
        .update(listings)
        .set({
          awardedResponseId: r.id,
          state: "closed",
          pending: null,
          pendingState: null,
          version: sql`${listings.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(listings.id, l.id), eq(listings.state, "published"), sql`awarded_response_id is null`))
        .returning({ id: listings.id });
      if (!won) throw new AppError(409, "listing-awarded");
    }
    const rating = type.rated?.move === move.name && typeof data.rating === "number" ? data.rating : r.rating;
    const [after] = (await tx
      .update(listingResponses)
      .set({
        state: move.to,
        active: type.active.includes(move.to),
        outcome: { ...r.outcome, ...data },
        rating,
        version: sql`${listingResponses.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(listingResponses.id, id), eq(listingResponses.version, body.version)))
      .returning()) as [Row];
    await tx.insert(listingResponseEvents).values({
      responseId: id,
      event: move.name,
      fromState: r.state,
      toState: move.to,
      side,
      actorId: actor.id,
      data,
    });
    await tell(tx, ctx, {
      r: after,
      listing: l,
      side,
      event: move.name,
      body: textOf(move.fields ?? [], data),
    });
    await writeAudit(tx, auditCtx(ctx), {
      action: `listing_response.${move.name}`,
      entity: "listing_response",
      entityId: id,
      before: { state: r.state, version: r.version },
      after: { state: after.state, version: after.version, ...data },
    });
    if (move.award) await declineOthers(tx, ctx, l, r, move);
    return side;
  });
  ctx.mailQueued();
  return view(ctx.db, await joined(ctx.db, id), result);
}

/** The listing's other responses still waiting where the award was made: declined, each told. */
async function declineOthers(tx: Executor, ctx: Ctx, l: ListingRow, winner: Row, move: ResponseMove) {
  const type = typeOf(winner);
  const othersTo = move.award!.othersTo;
  const waiting = and(
    eq(listingResponses.listingId, l.id),
    ne(listingResponses.id, winner.id),
    inArray(listingResponses.state, [...move.from]),
  );
  // Each one's state before (the history names where it was), read under the listing's lock.
  const before = new Map(
    (
      await tx
        .select({ id: listingResponses.id, state: listingResponses.state })
        .from(listingResponses)
        .where(waiting)
    ).map((o) => [o.id, o.state]),
  );
  const others = (await tx
    .update(listingResponses)
    .set({
      state: othersTo,
      active: type.active.includes(othersTo),
      version: sql`${listingResponses.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(waiting)
    .returning()) as Row[];
  for (const o of others) {
    await tx.insert(listingResponseEvents).values({
      responseId: o.id,
      event: "lost",
      fromState: before.get(o.id) ?? null,
      toState: othersTo,
      side: "owner",
      actorId: ctx.actor?.id ?? null,
    });
    await tell(tx, ctx, { r: o, listing: l, side: "owner", event: "lost" });
  }
}

// ---------- the responder's public record ----------

/** An organization's completed, rated responses: how many, the average rating, the latest reviews. */
export async function exchangeRecord(
  ctx: Ctx,
  organizationId: string,
): Promise<z.infer<typeof ExchangeRecord>> {
  const rated = Object.values(RESPONSE_TYPES).flatMap((type) =>
    "rated" in type && type.rated
      ? [and(eq(listingResponses.type, type.name), eq(listingResponses.state, type.rated.state))!]
      : [],
  );
  const done = and(eq(listingResponses.organizationId, organizationId), or(...rated))!;
  const [totals] = await ctx.db
    .select({
      completed: sql<number>`count(*)::int`,
      ratings: sql<number>`count(${listingResponses.rating})::int`,
      rating: sql<string | null>`round(avg(${listingResponses.rating}), 1)`,
    })
    .from(listingResponses)
    .where(done);
  const reviews = await withListing(ctx.db)
    .where(and(done, sql`${listingResponses.rating} is not null`))
    .orderBy(desc(listingResponses.updatedAt), desc(listingResponses.id))
    .limit(5);
  return {
    completed: totals?.completed ?? 0,
    ratings: totals?.ratings ?? 0,
    rating: totals?.rating === null || totals?.rating === undefined ? null : Number(totals.rating),
    reviews: reviews.map((j) => ({
      rating: j.r.rating!,
      review: typeof j.r.outcome.review === "string" ? j.r.outcome.review : null,
      at: j.r.updatedAt.toISOString(),
      customer: j.owner,
    })),
  };
}
