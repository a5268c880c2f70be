// Innovative projects and consortia (инновационные проекты и консорциумы): the vocabulary the server,
// its tests and the web share — stages, TRL, a consortium's members and the share rule, money entries.
//
// A project has a lead organization; a joint project (a consortium) has 2–5 organizations, the lead
// and partners, each with a role and a share of the budget. The lead invites a partner with a role and a
// share; the partner organization's owner or admin accepts or declines in the platform.
//
// The share rule (`shareIssues`): the lead's and every partner's share but a declined one's sum to exactly
// 100% (shares in hundredths of a percent, integers: 10 000 is the whole budget, never a float). So an
// invitation's share is set aside from the start: the lead rebalances when inviting, and
// - a pending invitation's share is the lead's until accepted: public pages show the lead with it
//   (`countedShares`), so what the public reads always sums to 100% and names only accepted partners;
// - a declined invitation's share returns to the lead (the service adds it to the lead's share);
// - changing an accepted partner's share or role asks them again (back to invited).
//
// Money entries: investment attracted and city support received, each dated with its source and a
// document; declared by the organization, confirmed or rejected (with a reason) by the operator. Only
// confirmed entries count in public totals.
//
// Texts: web `projects.{stages,investmentTypes,entryKinds,entryStates,memberStates}.*`; server
// `projects.*` (locales/<l>/server/projects.json).

export const PROJECT_STAGES = ["idea", "rnd", "prototype", "pilot", "production", "scaling"] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_TRL_MIN = 1;
export const PROJECT_TRL_MAX = 9;
export const PROJECT_TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** A consortium's organizations, the lead included. */
export const CONSORTIUM_MIN = 2;
export const CONSORTIUM_MAX = 5;

/** The whole budget in share units: a share is in hundredths of a percent (2 500 is 25%). */
export const SHARE_WHOLE = 10_000;

/** A member's place: the lead, a partner invited (pending), accepted or declined. */
export const MEMBER_STATES = ["lead", "invited", "accepted", "declined"] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

export const INVESTMENT_TYPES = ["equity", "loan", "venture_fund", "corporate", "external_grant"] as const;
export type InvestmentType = (typeof INVESTMENT_TYPES)[number];

export const ENTRY_KINDS = ["investment", "support"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_STATES = ["declared", "confirmed", "rejected"] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** The largest budget or amount, in rubles (a trillion): within a safe integer, never a float. */
export const MONEY_MAX = 1_000_000_000_000;

export interface ShareMember {
  organizationId: string;
  share: number;
  state: MemberState;
}

export interface ShareIssue {
  /** The field, as the consortium editor names it: `members`, `members.<i>.share`, `members.<i>.organizationId`. */
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

/** A share written as a percent ("33,34", "25"): hundredths of a percent, at most two decimals. */
export function formatShare(share: number, locale: string): string {
  return (share / 100).toLocaleString(locale === "en" ? "en-GB" : "ru-RU", { maximumFractionDigits: 2 });
}

/**
 * A percent typed by a person ("33,34", "33.34") as share units, or null when it is not a number with
 * at most two decimals.
 */
export function parseShare(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/**
 * The share rule, the same on the server and in the editor: the first member is the lead; the lead and
 * every partner but a declined one each hold a whole positive share and together exactly SHARE_WHOLE;
 * an organization is listed once; a consortium has at most CONSORTIUM_MAX organizations.
 */
export function shareIssues(members: readonly ShareMember[]): ShareIssue[] {
  const issues: ShareIssue[] = [];
  const counted = members.filter((m) => m.state !== "declined");
  if (counted.length > CONSORTIUM_MAX)
    issues.push({ path: "members", key: "field.project.members-max", params: { max: CONSORTIUM_MAX } });
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.organizationId))
      issues.push({ path: `members.${i}.organizationId`, key: "field.project.member-twice" });
    seen.add(m.organizationId);
    if (m.state === "declined") return;
    if (!Number.isInteger(m.share) || m.share < 1 || m.share > SHARE_WHOLE)
      issues.push({ path: `members.${i}.share`, key: "field.project.share-range" });
  });
  const sum = counted.reduce((s, m) => s + m.share, 0);
  if (!issues.length && sum !== SHARE_WHOLE)
    issues.push({ path: "members", key: "field.project.shares-sum", params: { sum: sum / 100 } });
  return issues;
}

/**
 * The shares as the public reads them: the lead (holding the pending invitations' shares) and the
 * accepted partners; declined and pending partners are left out. Sums to SHARE_WHOLE when the members
 * keep the rule.
 */
export function countedShares<M extends ShareMember>(members: readonly M[]): M[] {
  const pending = members.filter((m) => m.state === "invited").reduce((s, m) => s + m.share, 0);
  return members
    .filter((m) => m.state === "lead" || m.state === "accepted")
    .map((m) => (m.state === "lead" ? { ...m, share: m.share + pending } : m));
}

/** A joint project: the lead with at least one accepted partner. */
export const isJoint = (members: readonly { state: MemberState }[]) =>
  members.some((m) => m.state === "accepted");

/** Whether the end is not before the start (both YYYY-MM-DD; a missing one is fine). */
export const datesInOrder = (start: string | null | undefined, end: string | null | undefined) =>
  !start || !end || start <= end;
