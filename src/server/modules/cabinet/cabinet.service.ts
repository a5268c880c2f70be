// The member's cabinet: one response composed from the other modules' service functions (accounts,
// organizations, status, measures, notifications, conversations, reporting, grants, clusters); it reads no
// table of its own or theirs.
import type { z } from "zod";
import { type Ctx, requireActor } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { can } from "../../core/policy.js";
import { getUser } from "../accounts/accounts.service.js";
import { decisionsWaiting } from "../clusters/clusters.service.js";
import { unreadTotal } from "../conversations/conversations.service.js";
import { reportsDueSoon } from "../grants/grants.reports.service.js";
import {
  CLOSING_SOON_DAYS,
  favouritesClosingSoon,
  NEWLY_ELIGIBLE_DAYS,
  newlyEligibleMeasures,
} from "../measures/measures.subscriptions.service.js";
import { unreadCount } from "../notifications/notifications.service.js";
import {
  activeOrganizationFacts,
  myJoinRequests,
  myOrganizations,
} from "../organizations/organizations.service.js";
import { pendingReports } from "../reporting/reporting.service.js";
import { latestApplications, REVIEW_WORKING_DAYS } from "../status/status.service.js";
import type { Cabinet, CabinetStep, PROFILE_FACTS } from "./cabinet.contract.js";

type Step = z.infer<typeof CabinetStep>;
type Fact = (typeof PROFILE_FACTS)[number];
type Facts = NonNullable<Awaited<ReturnType<typeof activeOrganizationFacts>>>;

/** The facts of the organization's profile that are still empty. */
function missingFacts(f: Facts): Fact[] {
  const missing: Fact[] = [];
  if (!f.foundedOn) missing.push("foundedOn");
  if (f.headcount === null) missing.push("headcount");
  if (f.revenueMln === null) missing.push("revenueMln");
  if (!f.okvedSections?.length) missing.push("okved");
  return missing;
}

export async function getCabinet(ctx: Ctx): Promise<z.infer<typeof Cabinet>> {
  const actor = requireActor(ctx);
  const [user, mine, joinRequests, facts, newMeasures, closingSoon, notifications, messages] =
    await Promise.all([
      getUser(ctx.db, actor.id),
      myOrganizations(ctx),
      myJoinRequests(ctx),
      activeOrganizationFacts(ctx.db, actor.id),
      newlyEligibleMeasures(ctx),
      favouritesClosingSoon(ctx),
      unreadCount(ctx),
      unreadTotal(ctx),
    ]);
  if (!user) throw notFound();
  const ids = mine.items.map((i) => i.organization.id);
  // a grant's reports are its applicant's managers' (who may read the application), a cluster's
  // applications its lead's managers' (who decide): each module's own rule
  const where = (action: "grants.apply" | "clusters.lead") =>
    mine.items.filter((i) => can(ctx.actor, action, { role: i.role })).map((i) => i.organization.id);
  const [applications, kpiReports, grantReports, clusterDecisions] = await Promise.all([
    latestApplications(ctx.db, ids),
    pendingReports(ctx.db, ids),
    reportsDueSoon(ctx.db, where("grants.apply")),
    decisionsWaiting(ctx.db, where("clusters.lead")),
  ]);
  const organizations = mine.items.map(({ organization: o, role }) => ({
    id: o.id,
    shortName: o.shortName,
    type: o.type,
    role,
    status: o.status,
    verified: o.verified,
    active: o.id === mine.activeOrganizationId,
    application: applications.get(o.id) ?? null,
  }));
  const pending = joinRequests.filter((r) => r.state === "pending");
  // The steps are about the active organization (the one the navigator and the header's switcher use).
  const focus = organizations.find((o) => o.active) ?? organizations[0] ?? null;
  const missing = facts ? missingFacts(facts) : undefined;

  const steps: Step[] = [
    {
      key: "confirm-email",
      state: user.emailConfirmedAt ? "done" : "todo",
      organizationId: null,
    },
    {
      key: "organization",
      state: organizations.length ? "done" : pending.length ? "waiting" : "todo",
      organizationId: focus?.id ?? null,
    },
    {
      key: "profile",
      state: missing && missing.length === 0 ? "done" : "todo",
      organizationId: focus?.id ?? null,
      ...(missing ? { missing } : {}),
    },
    {
      key: "status",
      state:
        focus && focus.status !== "registered"
          ? "done"
          : focus?.application?.state === "pending"
            ? "waiting"
            : "todo",
      organizationId: focus?.id ?? null,
      ...(focus ? { needsVerification: !focus.verified } : {}),
    },
  ];

  return {
    user: { fullName: user.fullName, email: user.email, emailConfirmed: user.emailConfirmedAt !== null },
    steps,
    organizations,
    pendingJoinRequests: pending.map((r) => ({ id: r.id, organization: r.organization })),
    reviewWorkingDays: REVIEW_WORKING_DAYS,
    newMeasures: { ...newMeasures, days: NEWLY_ELIGIBLE_DAYS },
    closingSoon: { days: CLOSING_SOON_DAYS, items: closingSoon },
    unread: { notifications, messages: messages.unread },
    kpiReports: kpiReports.map((k) => {
      const role = organizations.find((o) => o.id === k.organization.id)?.role;
      return { ...k, fill: role === "owner" || role === "admin" };
    }),
    grantReports,
    clusterDecisions,
  };
}
