import { type SQL, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  AWARD_KINDS,
  CHALLENGE_STATES,
  type Criterion,
  DECISIONS,
  IP_STATUSES,
  REWARD_TYPES,
  SUBMISSION_STATES,
} from "../../../shared/challenges.js";
import type { ChallengeVisibility } from "../../../shared/challenges.qa.js";
import { createdAt, parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { users } from "../accounts/accounts.schema.js";
import { organizations } from "../organizations/organizations.schema.js";
import { teams } from "./challenges.teams.schema.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const challengeStateEnum = pgEnum("challenge_state", CHALLENGE_STATES);
export const challengeRewardEnum = pgEnum("challenge_reward", REWARD_TYPES);
export const challengeDecisionEnum = pgEnum("challenge_decision", DECISIONS);
export const challengeIpStatusEnum = pgEnum("challenge_ip_status", IP_STATUSES);
export const challengeAwardKindEnum = pgEnum("challenge_award_kind", AWARD_KINDS);
export const challengeSubmissionStateEnum = pgEnum("challenge_submission_state", SUBMISSION_STATES);

/**
 * A challenge posted by an organization (a corporation, a city body) or by an operator on its behalf
 * (src/shared/challenges.ts declares the states and moves). `stage` is the stage being scored during
 * evaluation (1, 2); once the last stage is closed it is `stages + 1` (the decision). `deadline` is the
 * moment submissions close (given in Moscow time). `search` is the public text's vector (the catalog).
 */
export const challenges = pgTable(
  "challenges",
  {
    id: primaryId(),
    organizationId: parentRef("organization_id", () => organizations.id),
    authorId: uuid("author_id"),
    state: challengeStateEnum("state").notNull().default("draft"),
    titleRu: text("title_ru").notNull(),
    titleEn: text("title_en"),
    problemRu: text("problem_ru").notNull(),
    expectedResultRu: text("expected_result_ru").notNull(),
    requirementsRu: text("requirements_ru").notNull().default(""),
    minTrl: smallint("min_trl"),
    rewardType: challengeRewardEnum("reward_type").notNull(),
    /** Rubles (a paid pilot's amount, a grant, a prize). */
    rewardAmount: bigint("reward_amount", { mode: "number" }),
    deadline: tz("deadline").notNull(),
    stages: smallint("stages").notNull().default(1),
    stage: smallint("stage"),
    criteria: jsonb("criteria").$type<Criterion[]>().notNull(),
    /** The moderator's reason of the last rejection (shown to the owner with the draft). */
    rejectReason: text("reject_reason"),
    submittedAt: tz("submitted_at"),
    openedAt: tz("opened_at"),
    resultsAt: tz("results_at"),
    ...timestamps(),
    version: version(),
    // Registered-only and NDA challenges index their card (the title) only: the catalog's text never
    // tells what their details say (challenges.qa.service.ts).
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('russian', coalesce(${challenges.titleRu}, '') || ' ' || coalesce(${challenges.titleEn}, '')), 'A') || case when ${challenges.visibility} = 'public' then setweight(to_tsvector('russian', coalesce(${challenges.problemRu}, '') || ' ' || coalesce(${challenges.expectedResultRu}, '')), 'B') || setweight(to_tsvector('russian', coalesce(${challenges.requirementsRu}, '')), 'C') else ''::tsvector end || setweight(to_tsvector('russian', coalesce(${challenges.searchText}, '')), 'C')`,
    ),
    /** public, registered, nda (src/shared/challenges.qa.ts). */
    visibility: text("visibility").$type<ChallengeVisibility>().notNull().default("public"),
    /** The NDA a reader accepts before the details of an `nda` challenge (Russian). */
    ndaRu: text("nda_ru"),
    /** OKVED sections (src/shared/okved.ts) the challenge is about: a catalog filter and the matching. */
    industries: text("industries").array().notNull().default(sql`'{}'::text[]`),
    /** The platform's technology tags (src/shared/tags.ts): a catalog filter and the matching. */
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** Who may submit (src/shared/challengeEligibility.ts): the organization types admitted (empty: any). */
    orgTypes: text("org_types").array().notNull().default(sql`'{}'::text[]`),
    /** Only organizations holding the cluster participant status may submit. */
    participantsOnly: boolean("participants_only").notNull().default(false),
    /**
     * The industries' and tags' Russian names, kept by the service: part of the text vector whatever the
     * visibility (they are on the public card).
     */
    searchText: text("search_text").notNull().default(""),
    /** Teams without a legal entity may submit (challenges.teams.service.ts). */
    teamsAllowed: boolean("teams_allowed").notNull().default(false),
    /** A hackathon: teams only (implies teams allowed); its results make a public leaderboard. */
    teamsOnly: boolean("teams_only").notNull().default(false),
  },
  (t) => [
    index("challenges_search_idx").using("gin", t.search),
    index("challenges_title_trgm").using("gin", sql`${t.titleRu} gin_trgm_ops`),
    index("challenges_state_deadline_idx").on(t.state, t.deadline),
    index("challenges_organization_idx").on(t.organizationId),
    index("challenges_queue_idx").on(t.submittedAt).where(sql`${t.state} = 'moderation'`),
    check("challenges_visibility_check", sql`${t.visibility} in ('public', 'registered', 'nda')`),
    index("challenges_industries_idx").using("gin", t.industries),
    index("challenges_tags_idx").using("gin", t.tags),
  ],
);

/**
 * The experts a challenge's owner or an operator assigned; `noConflictAt` is when the expert declared
 * no conflict of interest (required before scoring).
 */
export const challengeExperts = pgTable(
  "challenge_experts",
  {
    challengeId: parentRef("challenge_id", () => challenges.id),
    userId: parentRef("user_id", () => users.id),
    assignedBy: uuid("assigned_by"),
    noConflictAt: tz("no_conflict_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.challengeId, t.userId] }),
    index("challenge_experts_user_idx").on(t.userId),
  ],
);

/**
 * A submission of an organization to a challenge: one under way per organization and challenge (a
 * withdrawn one frees the place). `passed` counts the stages it was shortlisted in; `decision` and
 * `feedbackAt` are written when the results are published (the feedback notice goes once).
 */
export const challengeSubmissions = pgTable(
  "challenge_submissions",
  {
    id: primaryId(),
    challengeId: parentRef("challenge_id", () => challenges.id),
    /** The submitting organization, or null for a team's submission (`teamId`): exactly one of them. */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    authorId: uuid("author_id"),
    state: challengeSubmissionStateEnum("state").notNull().default("submitted"),
    solution: text("solution").notNull(),
    trl: smallint("trl").notNull(),
    ipStatus: challengeIpStatusEnum("ip_status").notNull(),
    /** Rubles. */
    price: bigint("price", { mode: "number" }),
    pilotPlan: text("pilot_plan").notNull(),
    passed: smallint("passed").notNull().default(0),
    decision: challengeDecisionEnum("decision"),
    feedbackAt: tz("feedback_at"),
    ...timestamps(),
    version: version(),
    /** The submitting team (challenges that allow teams), or null for an organization's submission. */
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
  },
  (t) => [
    uniqueIndex("challenge_submissions_active_uq")
      .on(t.challengeId, t.organizationId)
      .where(sql`${t.state} = 'submitted'`),
    index("challenge_submissions_organization_idx").on(t.organizationId),
    index("challenge_submissions_challenge_idx").on(t.challengeId, t.createdAt, t.id),
    uniqueIndex("challenge_submissions_team_active_uq")
      .on(t.challengeId, t.teamId)
      .where(sql`${t.state} = 'submitted' and ${t.teamId} is not null`),
    index("challenge_submissions_team_idx").on(t.teamId),
    check("challenge_submissions_one_submitter", sql`num_nonnulls(${t.organizationId}, ${t.teamId}) = 1`),
  ],
);

/** An expert's scores of a submission in a stage: a score 0–10 and a comment per criterion, and a summary. */
export const challengeScores = pgTable(
  "challenge_scores",
  {
    submissionId: parentRef("submission_id", () => challengeSubmissions.id),
    expertId: parentRef("expert_id", () => users.id),
    stage: smallint("stage").notNull(),
    scores: jsonb("scores").$type<number[]>().notNull(),
    comments: jsonb("comments").$type<(string | null)[]>().notNull(),
    comment: text("comment").notNull(),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.expertId, t.stage] }),
    index("challenge_scores_expert_idx").on(t.expertId),
  ],
);

/**
 * The organizations told that a challenge opened (its industries or tags match theirs): a row per
 * (challenge, organization) written with the notice, so a job run twice tells nobody twice.
 */
export const challengeMatches = pgTable(
  "challenge_matches",
  {
    challengeId: parentRef("challenge_id", () => challenges.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.challengeId, t.organizationId] }),
    index("challenge_matches_organization_idx").on(t.organizationId),
  ],
);

/**
 * What a winning submission was awarded (a contract, a prize, a grant) with its amount and date: one per
 * submission, recorded and corrected by the challenge's managers after the results (`version` guards a
 * correction). The challenge's page lists its winners with their awards.
 */
export const challengeAwards = pgTable(
  "challenge_awards",
  {
    submissionId: uuid("submission_id")
      .primaryKey()
      .references(() => challengeSubmissions.id, { onDelete: "cascade" }),
    challengeId: parentRef("challenge_id", () => challenges.id),
    kind: challengeAwardKindEnum("kind").notNull(),
    /** Rubles. */
    amount: bigint("amount", { mode: "number" }).notNull(),
    awardedOn: date("awarded_on", { mode: "string" }).notNull(),
    /** The document's title and number, e.g. «Договор № 47-ИК/2026». */
    documentRu: text("document_ru"),
    recordedBy: uuid("recorded_by"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("challenge_awards_challenge_idx").on(t.challengeId),
    check("challenge_awards_amount", sql`${t.amount} > 0`),
  ],
);
