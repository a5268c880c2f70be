// Inter-industry clusters (межотраслевые кластеры): the vocabulary the server, its tests and the web share.
//
// A cluster has a name, a theme, industries (OKVED sections, as projects and challenges use them), a lead
// organization the operator appoints, member organizations and its projects. An organization's owner or
// admin applies to join with a short motivation; the lead's owner or admin accepts or declines (a decline
// names its reason). A member may leave, the lead may remove a member (the lead itself can neither leave
// nor be removed: the operator appoints another lead first). A project belongs to at most one cluster: a
// member's project, attached by its lead's managers.
//
// Being listed on the cluster's public page is the organization's own choice (`public`, given when
// applying and changed by its managers): a member that did not agree is counted in the totals but never
// named. The lead is always named (the operator appointed it publicly).
//
// Texts: web `clusters.*`; server `clusters.*` (locales/<l>/server/clusters.json).

/** An application to join: waiting for the lead, accepted, declined (with a reason) or withdrawn. */
export const APPLICATION_STATES = ["pending", "accepted", "declined", "withdrawn"] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** The lead's decision on an application. */
export const APPLICATION_DECISIONS = ["accept", "decline"] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];

export const CLUSTER_NAME_MIN = 3;
export const CLUSTER_NAME_MAX = 200;
export const CLUSTER_THEME_MIN = 20;
export const CLUSTER_THEME_MAX = 3000;
export const MOTIVATION_MIN = 10;
export const MOTIVATION_MAX = 1000;
export const REASON_MAX = 1000;

/** The state an application's decision moves it to. */
export const decidedState = (d: ApplicationDecision): ApplicationState =>
  d === "accept" ? "accepted" : "declined";

/** What a decision needs: a decline names its reason. */
export const decisionIssues = (d: ApplicationDecision, reason: string | null | undefined): string[] =>
  d === "decline" && !reason?.trim() ? ["reason"] : [];
