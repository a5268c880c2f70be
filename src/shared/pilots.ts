// Pilot-testing sites and pilots (площадки для пилотирования): the vocabulary the server, its tests and
// the web share — site types, a pilot's states and moves (who makes each), the innovativeness criteria.
//
// A pilot is a company's application to test its solution at a site. Flow: submitted → (an
// operator-assisted application first goes to the operator: operator_review) → innovation_review (an
// expert the operator assigned scores novelty, readiness, effect and feasibility 0–10 with a comment) →
// site_review (the site owner agrees with dates and conditions, or rejects) → agreed → running
// (milestones, reports) → completed (the result: success or not, the measured effect, the owner's
// feedback letter). Any review step may reject with a reason; the company may withdraw until agreed.
// A challenge's winner starts at site_review: the challenge's experts already scored the solution.
//
// Texts: web `pilots.{states,siteTypes,criteria}.*`; server `pilots.state.*`, `pilots.transition.*`.

export const SITE_TYPES = [
  "hospital",
  "school",
  "transport",
  "utilities",
  "park",
  "office",
  "industrial",
  "digital_service",
] as const;
export type SiteType = (typeof SITE_TYPES)[number];

export const PILOT_STATES = [
  "submitted",
  "operator_review",
  "innovation_review",
  "site_review",
  "agreed",
  "running",
  "completed",
  "rejected",
  "withdrawn",
] as const;
export type PilotState = (typeof PILOT_STATES)[number];

/**
 * Who acts: `company` — a member of the applying organization; `operator` — the platform's operator (an
 * operator or admin); `expert` — the expert assigned to score; `owner` — the site owner's owner or admin
 * (or an operator on its behalf); `reviewer` — whoever holds the review step the pilot is in
 * (`REVIEWER_OF`).
 */
export type PilotActor = "company" | "operator" | "expert" | "owner" | "reviewer";

/**
 * The moves of a pilot: who makes each, from which states, to which. `triage` only for an
 * operator-assisted application (a plain one goes from submitted straight to an expert); `assign`
 * from submitted only for a plain one. `agree` is refused when the site's agreed and running pilots fill
 * its capacity.
 */
export const PILOT_MOVES = {
  triage: { by: "operator", from: ["submitted"], to: "operator_review" },
  assign: { by: "operator", from: ["submitted", "operator_review"], to: "innovation_review" },
  score: { by: "expert", from: ["innovation_review"], to: "site_review" },
  agree: { by: "owner", from: ["site_review"], to: "agreed" },
  start: { by: "owner", from: ["agreed"], to: "running" },
  complete: { by: "owner", from: ["running"], to: "completed" },
  reject: { by: "reviewer", from: ["operator_review", "innovation_review", "site_review"], to: "rejected" },
  withdraw: {
    by: "company",
    from: ["submitted", "operator_review", "innovation_review", "site_review"],
    to: "withdrawn",
  },
} as const satisfies Record<string, { by: PilotActor; from: readonly PilotState[]; to: PilotState }>;
export type PilotMove = keyof typeof PILOT_MOVES;
export const PILOT_MOVE_NAMES = Object.keys(PILOT_MOVES) as PilotMove[];

/** Who holds each review step (the one who may reject there). */
export const REVIEWER_OF = {
  operator_review: "operator",
  innovation_review: "expert",
  site_review: "owner",
} as const satisfies Partial<Record<PilotState, PilotActor>>;

/**
 * Whether a move is possible in a state (for an application `operatorAssisted` or not): the table, and
 * the one guard — `triage` takes only operator-assisted applications, `assign` from submitted only
 * plain ones (an assisted one is assigned by the operator after triage).
 */
export function canMovePilot(move: PilotMove, state: PilotState, operatorAssisted = false): boolean {
  if (!(PILOT_MOVES[move].from as readonly PilotState[]).includes(state)) return false;
  if (move === "triage") return operatorAssisted;
  if (move === "assign" && state === "submitted") return !operatorAssisted;
  return true;
}

/** Who makes a move in a state (`reviewer` resolved to the holder of the step). */
export function actorOf(move: PilotMove, state: PilotState): Exclude<PilotActor, "reviewer"> | null {
  const by = PILOT_MOVES[move].by as PilotActor;
  if (by !== "reviewer") return by;
  return (REVIEWER_OF as Partial<Record<PilotState, Exclude<PilotActor, "reviewer">>>)[state] ?? null;
}

/**
 * The states in which an application waits for the operator (the operator's queue and desk): the ones
 * an operator's move (`PILOT_MOVES` by "operator") starts from — a new application (a plain one for an
 * expert's assignment, an operator-assisted one to be taken) and an assisted one under the operator's
 * review.
 */
export const OPERATOR_QUEUE_STATES = [
  "submitted",
  "operator_review",
] as const satisfies readonly PilotState[];

/** Pilots that take a place of the site's capacity. */
export const CAPACITY_STATES: readonly PilotState[] = ["agreed", "running"];
/** Final states: nothing moves out of them. */
export const FINAL_STATES: readonly PilotState[] = ["completed", "rejected", "withdrawn"];
/** While running, milestones and reports are kept. */
export const RUNNING_STATES: readonly PilotState[] = ["running"];

/** The innovativeness criteria an expert scores (0–10 each). */
export const INNOVATION_CRITERIA = ["novelty", "readiness", "effect", "feasibility"] as const;
export type InnovationCriterion = (typeof INNOVATION_CRITERIA)[number];
export const INNOVATION_SCORE_MIN = 0;
export const INNOVATION_SCORE_MAX = 10;
export type InnovationScores = Record<InnovationCriterion, number>;

/** The mean of an expert's four scores (0–10, to a tenth). */
export const innovationScore = (s: InnovationScores) =>
  Math.round((INNOVATION_CRITERIA.reduce((sum, c) => sum + s[c], 0) / INNOVATION_CRITERIA.length) * 10) / 10;

export const PILOT_TRL_MIN = 1;
export const PILOT_TRL_MAX = 9;
export const SITE_CAPACITY_MAX = 100;

/** The kinds of a pilot's files: the company's reports while running, the owner's feedback letter. */
export const PILOT_FILE_KINDS = ["report", "letter"] as const;
export type PilotFileKind = (typeof PILOT_FILE_KINDS)[number];
