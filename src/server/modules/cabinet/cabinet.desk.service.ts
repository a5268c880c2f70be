// The operator's desk: each queue's count and its longest-waiting item, through the queue functions of
// the modules that own them (status, verification, organizations' name changes, privacy, listings,
// challenges' moderation, pilots waiting for the operator, participants' reports submitted), and the day's
// decisions from the audit log (the audit module's reading side).
import type { z } from "zod";
import { OPERATOR_QUEUE_STATES } from "../../../shared/pilots.js";
import { moscowToday } from "../../core/clock.js";
import { type Ctx, requireActor } from "../../core/context.js";
import { can } from "../../core/policy.js";
import { actionsOfDay, type DayAction } from "../audit/audit.service.js";
import { queue as challengesQueue } from "../challenges/challenges.service.js";
import { queue as listingsQueue } from "../listings/listings.service.js";
import { nameChangeQueue } from "../organizations/organizations.names.js";
import { operatorQueue as pilotsQueue } from "../pilots/pilots.service.js";
import { pendingErasures } from "../privacy/privacy.service.js";
import { decisionQueue as kpiQueue } from "../reporting/reporting.service.js";
import { queue as statusQueue } from "../status/status.service.js";
import { queue as verificationQueue } from "../verification/verification.service.js";
import type { DESK_QUEUES, Desk, DeskQueue } from "./cabinet.contract.js";

type QueueKey = (typeof DESK_QUEUES)[number];
type Queue = z.infer<typeof DeskQueue>;

/** The name-change queue lists at most this many (organizations.names.ts). */
const NAME_CHANGES_LISTED = 200;

type Oldest = { id: string; title: string; since: string; dueAt?: string };

/** A queue's summary: its count and its first item (the one waiting longest), if any. */
const summary = (key: QueueKey, count: number, first: Oldest | undefined, capped = false): Queue => ({
  key,
  count,
  capped,
  oldest: first ? { dueAt: null, ...first } : null,
});

/** A queue read as its first page of one item: its total and the item waiting longest. */
const firstOfPage =
  <T>(
    key: QueueKey,
    read: (ctx: Ctx) => Promise<{ total: number; items: T[] }>,
    oldest: (item: T) => Oldest,
  ) =>
  async (ctx: Ctx): Promise<Queue> => {
    const page = await read(ctx);
    const first = page.items[0];
    return summary(key, page.total, first === undefined ? undefined : oldest(first));
  };

const FIRST = { page: 1, pageSize: 1 } as const;

/** The queues, each behind the ability its own pages ask for. */
const QUEUES: { ability: Parameters<typeof can>[1]; read: (ctx: Ctx) => Promise<Queue> }[] = [
  {
    ability: "operator.status.queue",
    read: firstOfPage(
      "status",
      (ctx) => statusQueue(ctx, { state: "pending", ...FIRST }),
      (a) => ({ id: a.id, title: a.organization.shortName, since: a.submittedAt }),
    ),
  },
  {
    ability: "operator.verification.queue",
    read: firstOfPage(
      "verification",
      (ctx) => verificationQueue(ctx, { state: "pending", ...FIRST }),
      (r) => ({
        id: r.id,
        title: r.organization.shortName ?? r.organization.inn ?? "",
        since: r.submittedAt,
      }),
    ),
  },
  {
    // a list, not a page: its length is the count, up to what it lists
    ability: "operator.names.queue",
    async read(ctx) {
      const list = await nameChangeQueue(ctx, "pending");
      const n = list[0];
      return summary(
        "names",
        list.length,
        n && { id: n.id, title: n.previousShortName, since: n.requestedAt },
        list.length >= NAME_CHANGES_LISTED,
      );
    },
  },
  {
    ability: "operator.erasures",
    read: firstOfPage(
      "erasures",
      (ctx) => pendingErasures(ctx, FIRST),
      (e) => ({ id: e.id, title: e.fullName || e.email, since: e.requestedAt, dueAt: e.erasesAt }),
    ),
  },
  {
    ability: "operator.listings.queue",
    read: firstOfPage(
      "listings",
      (ctx) => listingsQueue(ctx, FIRST),
      (l) => ({ id: l.id, title: l.content.titleRu, since: l.submittedAt }),
    ),
  },
  {
    ability: "operator.challenges.queue",
    read: firstOfPage(
      "challenges",
      (ctx) => challengesQueue(ctx, FIRST),
      (c) => ({ id: c.id, title: c.titleRu, since: c.submittedAt }),
    ),
  },
  {
    ability: "operator.pilots.queue",
    read: firstOfPage(
      "pilots",
      (ctx) => pilotsQueue(ctx, FIRST),
      (p) => ({ id: p.id, title: `${p.organization.shortName} → ${p.site.name}`, since: p.submittedAt }),
    ),
  },
  {
    // participants' yearly reports submitted and waiting; the item is the report's campaign (its table)
    ability: "operator.kpi.manage",
    read: firstOfPage(
      "kpi",
      (ctx) => kpiQueue(ctx, FIRST),
      (r) => ({ id: r.campaign.id, title: r.organization.shortName, since: r.submittedAt ?? r.updatedAt }),
    ),
  },
];

/**
 * The audit actions that are an operator's decision, with the queue they close and their outcome (and,
 * for an action others make too, the states it is the operator's decision from).
 */
const DECISIONS: Record<string, { queue: QueueKey; outcome: string | null; from?: readonly string[] }> = {
  // the outcome of a status decision is in the entry (approve, reject or return)
  "status_application.decide": { queue: "status", outcome: null },
  "organization.status.suspend": { queue: "status", outcome: "suspend" },
  "organization.status.resume": { queue: "status", outcome: "resume" },
  "organization.status.revoke": { queue: "status", outcome: "revoke" },
  "organization.verification.verify": { queue: "verification", outcome: "verify" },
  "organization.verification.reject": { queue: "verification", outcome: "reject" },
  "organization.claim.transfer": { queue: "verification", outcome: "transfer" },
  "organization.claim.merge": { queue: "verification", outcome: "merge" },
  "organization.claim.remove": { queue: "verification", outcome: "remove" },
  "organization.claim.reject": { queue: "verification", outcome: "reject" },
  "organization.name_change_approve": { queue: "names", outcome: "approve" },
  "organization.name_change_reject": { queue: "names", outcome: "reject" },
  "listing.approve": { queue: "listings", outcome: "approve" },
  "listing.reject": { queue: "listings", outcome: "reject" },
  "challenge.approve": { queue: "challenges", outcome: "approve" },
  "challenge.reject": { queue: "challenges", outcome: "reject" },
  "pilot.triage": { queue: "pilots", outcome: "triage" },
  "pilot.assign": { queue: "pilots", outcome: "assign" },
  // the site owner and the expert reject at their own steps
  "pilot.reject": { queue: "pilots", outcome: "reject", from: OPERATOR_QUEUE_STATES },
  "kpi.report_accept": { queue: "kpi", outcome: "accept" },
  "kpi.report_return": { queue: "kpi", outcome: "return" },
};

const DECISION_ACTIONS: DayAction[] = Object.entries(DECISIONS).map(([action, d]) =>
  d.from ? { action, from: d.from } : action,
);

export async function getDesk(ctx: Ctx): Promise<z.infer<typeof Desk>> {
  const actor = requireActor(ctx);
  const day = moscowToday();
  const allowed = QUEUES.filter((q) => can(actor, q.ability));
  const [queues, log] = await Promise.all([
    Promise.all(allowed.map((q) => q.read(ctx))),
    actionsOfDay(ctx.db, DECISION_ACTIONS, day),
  ]);
  const byQueue = new Map<QueueKey, { total: number; mine: number }>();
  let total = 0;
  let mine = 0;
  for (const c of log.counts) {
    const d = DECISIONS[c.action];
    if (!d) continue;
    const entry = byQueue.get(d.queue) ?? { total: 0, mine: 0 };
    entry.total += c.n;
    total += c.n;
    if (c.actorId === actor.id) {
      entry.mine += c.n;
      mine += c.n;
    }
    byQueue.set(d.queue, entry);
  }
  return {
    queues,
    today: {
      day,
      total,
      mine,
      byQueue: [...byQueue].map(([queue, n]) => ({ queue, ...n })),
      latest: log.latest.map((e) => {
        const d = DECISIONS[e.action]!;
        const decision = (e.after as { decision?: unknown } | null)?.decision;
        return {
          id: String(e.id),
          at: e.at.toISOString(),
          queue: d.queue,
          outcome: d.outcome ?? (typeof decision === "string" ? decision : "decide"),
          entityId: e.entityId,
          actor: e.actor,
        };
      }),
    },
  };
}
