// Open innovation challenges (запросы города и корпораций): the vocabulary the server, its tests and the
// web share — a challenge's states and moves, reward types, stages, criteria and their one rule (weights
// sum to 100), submissions' vocabularies, decisions — and the scoring arithmetic as pure functions.
//
// Scoring: an expert scores every criterion of a submission 0–10 (whole points). The expert's total is
// the weighted sum Σ score·weight (weights are whole percents summing to 100, so a total is 0–1000); a
// submission's score is the mean of the totals of the experts who scored it, divided by 100 (0–10).
// Every comparison is made on the exact fraction (sum of totals / number of experts), never on a rounded
// float, so two equal scores are equal: ties are shown as ties (competition ranking 1, 1, 3), a top-N
// shortlist takes every submission tied with the N-th, and a submission no expert scored has no score,
// ranks after every scored one and is never shortlisted. A stage is scored on its own: stage 2 ranks the
// submissions shortlisted in stage 1 by stage 2's scores only.
//
// Texts: web `challenges.{states,rewards,ipStatus,decisions}.*`; server `challenges.state.*`.

export const CHALLENGE_STATES = [
  "draft",
  "moderation",
  "accepting",
  "evaluation",
  "results",
  "closed",
] as const;
export type ChallengeState = (typeof CHALLENGE_STATES)[number];

/** States in which a challenge is public (its page, the catalog). */
export const PUBLIC_CHALLENGE_STATES = ["accepting", "evaluation", "results", "closed"] as const;
export const isPublicState = (s: ChallengeState) =>
  (PUBLIC_CHALLENGE_STATES as readonly string[]).includes(s);

/**
 * The moves of a challenge: who makes each (the owner — the posting organization's owner or admin, or an
 * operator on its behalf — or the operator alone), from which states, to which. A rejection by the
 * moderator sends the challenge back to draft with the reason; the owner fixes it and submits again.
 * `evaluate` needs the submission deadline passed; `closeStage` every assigned score of the stage;
 * `publish` the last stage closed.
 */
export const CHALLENGE_MOVES = {
  submit: { by: "owner", from: ["draft"], to: "moderation" },
  approve: { by: "operator", from: ["moderation"], to: "accepting" },
  reject: { by: "operator", from: ["moderation"], to: "draft" },
  evaluate: { by: "owner", from: ["accepting"], to: "evaluation" },
  /** Closes the stage being scored with its shortlist (the state stays; the stage moves on). */
  closeStage: { by: "owner", from: ["evaluation"], to: "evaluation" },
  publish: { by: "owner", from: ["evaluation"], to: "results" },
  close: { by: "owner", from: ["results"], to: "closed" },
} as const satisfies Record<
  string,
  { by: "owner" | "operator"; from: readonly ChallengeState[]; to: ChallengeState }
>;
export type ChallengeMove = keyof typeof CHALLENGE_MOVES;

export const canMove = (move: ChallengeMove, state: ChallengeState) =>
  (CHALLENGE_MOVES[move].from as readonly ChallengeState[]).includes(state);

/** Content is edited in draft only (a rejected challenge is a draft with the moderator's reason). */
export const EDITABLE_STATES: readonly ChallengeState[] = ["draft"];
/** Experts are assigned until the results are published. */
export const EXPERT_STATES: readonly ChallengeState[] = ["draft", "moderation", "accepting", "evaluation"];

export const REWARD_TYPES = ["paid_pilot", "contract", "grant", "prize", "none"] as const;
export type RewardType = (typeof REWARD_TYPES)[number];
/** A paid pilot states its amount; "none" has none; the others may. */
export const rewardAmountRule = (t: RewardType): "required" | "optional" | "none" =>
  t === "paid_pilot" ? "required" : t === "none" ? "none" : "optional";

export const STAGE_COUNTS = [1, 2] as const;
export type StageCount = (typeof STAGE_COUNTS)[number];

export const TRL_MIN = 1;
export const TRL_MAX = 9;

export const IP_STATUSES = ["patented", "application_filed", "know_how", "licensed", "open_source"] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

export const SUBMISSION_STATES = ["submitted", "withdrawn"] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const DECISIONS = ["winner", "reserve", "not_selected"] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * What a winner was awarded, recorded by the challenge's owner after the results with its amount (rubles)
 * and date: a contract (a paid pilot is one), a prize or a grant. A winner's pilot itself is started in
 * the pilots module. Published challenges list their winners with the award.
 */
export const AWARD_KINDS = ["contract", "prize", "grant"] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
/** States in which awards are recorded and the winners are public. */
export const RESULT_STATES: readonly ChallengeState[] = ["results", "closed"];

export const SHORTLIST_RULES = ["threshold", "top"] as const;
export type Shortlist = { by: "threshold"; threshold: number } | { by: "top"; n: number };

// ---------- criteria ----------

export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
export const CRITERIA_MIN = 1;
export const CRITERIA_MAX = 10;
export const WEIGHT_TOTAL = 100;

export type Criterion = { name: string; description: string; weight: number };

/**
 * The one rule of criteria (the server's contract and the web's editor): 1–10 criteria with distinct
 * names, whole weights 1–100 summing to 100. Returns the problems as field keys (empty: valid).
 */
export function criteriaIssues(
  criteria: readonly Pick<Criterion, "name" | "weight">[],
): { path: string; key: string; params?: Record<string, number> }[] {
  const issues: { path: string; key: string; params?: Record<string, number> }[] = [];
  if (criteria.length < CRITERIA_MIN || criteria.length > CRITERIA_MAX)
    issues.push({ path: "criteria", key: "field.challenge.criteria-count", params: { max: CRITERIA_MAX } });
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > WEIGHT_TOTAL)
      issues.push({ path: `criteria.${i}.weight`, key: "field.challenge.weight" });
    const name = c.name.trim().toLowerCase();
    if (name && seen.has(name))
      issues.push({ path: `criteria.${i}.name`, key: "field.challenge.criterion-twice" });
    seen.add(name);
  });
  const sum = weightSum(criteria);
  if (criteria.length && sum !== WEIGHT_TOTAL)
    issues.push({ path: "criteria", key: "field.challenge.weights-sum", params: { sum } });
  return issues;
}

export const weightSum = (criteria: readonly { weight: number }[]) =>
  criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);

// ---------- scoring ----------

/** One expert's scores of one submission in one stage: a score per criterion, in the criteria's order. */
export type Sheet = { expert: string; scores: readonly (number | null)[] };

/** A submission's score as an exact fraction: the sum of the complete sheets' totals over their count. */
export type Score = {
  /** Σ over the experts who scored of Σ score·weight (0–1000 each). */
  total: number;
  /** How many experts scored it (complete sheets only). */
  experts: number;
};

/** A sheet counts when every criterion has a whole score 0–10. */
export const isComplete = (sheet: Sheet, criteria: number) =>
  sheet.scores.length === criteria &&
  sheet.scores.every((s) => s !== null && Number.isInteger(s) && s >= SCORE_MIN && s <= SCORE_MAX);

/** An expert's weighted total of a complete sheet (0–1000). */
export const sheetTotal = (weights: readonly number[], scores: readonly (number | null)[]) =>
  weights.reduce((s, w, i) => s + w * (scores[i] ?? 0), 0);

/** A submission's score from its sheets (incomplete sheets are not counted). */
export function scoreOf(weights: readonly number[], sheets: readonly Sheet[]): Score {
  let total = 0;
  let experts = 0;
  for (const sheet of sheets) {
    if (!isComplete(sheet, weights.length)) continue;
    total += sheetTotal(weights, sheet.scores);
    experts++;
  }
  return { total, experts };
}

/** The score on the 0–10 scale (null when no expert scored), rounded to hundredths for display. */
export const scoreValue = (s: Score): number | null =>
  s.experts === 0 ? null : Math.round(s.total / s.experts) / 100;

/** Orders two scores, higher first; an unscored one after every scored one; equal fractions are 0. */
export function compareScores(a: Score, b: Score): number {
  if (a.experts === 0 || b.experts === 0) return (a.experts === 0 ? 1 : 0) - (b.experts === 0 ? 1 : 0);
  return b.total * a.experts - a.total * b.experts;
}

/**
 * The average of each criterion over the experts who gave it a score (null where none did), rounded to
 * hundredths: what a submitter reads in the feedback, beside the comments.
 */
export function criterionAverages(criteria: number, sheets: readonly Sheet[]): (number | null)[] {
  return Array.from({ length: criteria }, (_, i) => {
    const given = sheets
      .map((s) => s.scores[i])
      .filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
    return averageOf(
      given.reduce((a, b) => a + b, 0),
      given.length,
    );
  });
}

/** An average from its sum and count, rounded to hundredths (null of none). */
export const averageOf = (sum: number, count: number): number | null =>
  count ? Math.round((sum * 100) / count) / 100 : null;

export type Ranked<T> = { item: T; score: Score; value: number | null; rank: number | null; tied: boolean };

/**
 * The ranking of scored items, highest first, with competition ranks: equal scores share a rank and are
 * marked tied (1, 1, 3). Unscored items come last without a rank. `key` orders equal ones stably.
 */
export function rank<T>(
  items: readonly T[],
  scoreOfItem: (t: T) => Score,
  key: (t: T) => string,
): Ranked<T>[] {
  const scored = items.map((item) => ({ item, score: scoreOfItem(item) }));
  scored.sort((a, b) => compareScores(a.score, b.score) || key(a.item).localeCompare(key(b.item)));
  const out: Ranked<T>[] = [];
  scored.forEach((s, i) => {
    const prev = scored[i - 1];
    const next = scored[i + 1];
    const unscored = s.score.experts === 0;
    const same = (o: typeof s | undefined) => o !== undefined && compareScores(o.score, s.score) === 0;
    const rankAt = unscored ? null : same(prev) ? out[i - 1]!.rank : i + 1;
    out.push({
      item: s.item,
      score: s.score,
      value: scoreValue(s.score),
      rank: rankAt,
      tied: !unscored && (same(prev) || same(next)),
    });
  });
  return out;
}

/** A threshold in hundredths (0–1000): thresholds are given with at most two decimals. */
export const thresholdHundredths = (threshold: number) => Math.round(threshold * 100);

/**
 * The shortlist of a ranking: by threshold (score ≥ threshold, compared exactly) or the top N (every item
 * ranked N-th or better: a tie at the N-th place takes all of the tied). Unscored items never pass.
 */
export function shortlist<T>(ranking: readonly Ranked<T>[], rule: Shortlist): Ranked<T>[] {
  if (rule.by === "threshold") {
    const m = thresholdHundredths(rule.threshold);
    return ranking.filter((r) => r.score.experts > 0 && r.score.total >= m * r.score.experts);
  }
  return ranking.filter((r) => r.rank !== null && r.rank <= rule.n);
}

// ---------- deadlines in the cluster's time ----------

// A wall time of the cluster's time zone and its moment: the cluster's clock (clock.ts).
export { clusterInstant, clusterLocal, LOCAL_TIME } from "./clock.js";

/** Submissions are accepted before the deadline's moment; at it and after, refused. */
export const deadlinePassed = (deadline: Date, at: Date) => at.getTime() >= deadline.getTime();
