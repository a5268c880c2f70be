// The challenges module's request/response schemas. Rules across fields (criteria weights summing to 100,
// a reward's amount, a deadline in the future, the minimum TRL) are checked by the service with the
// shared rules of src/shared/challenges.ts and answered as field errors.
import { z } from "zod";
import {
  AWARD_KINDS,
  CHALLENGE_STATES,
  CRITERIA_MAX,
  DECISIONS,
  IP_STATUSES,
  LOCAL_TIME,
  PUBLIC_CHALLENGE_STATES,
  REWARD_TYPES,
  SCORE_MAX,
  SCORE_MIN,
  SUBMISSION_STATES,
  TRL_MAX,
  TRL_MIN,
} from "../../../shared/challenges.js";
import { CHALLENGE_LOCKS, CHALLENGE_VISIBILITIES } from "../../../shared/challenges.qa.js";
import { OKVED_SECTION_LETTERS } from "../../../shared/okved.js";
import { ORG_TYPES } from "../../../shared/organizations.js";
import { TAG_SLUGS } from "../../../shared/tags.js";
import { OptSafeLongText, OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import { Day, Page, PageSize, Version } from "../../core/contract.js";
import { ChallengeFile } from "./challenges.qa.contract.js";

const Money = z.number().int().min(0).max(1_000_000_000_000);
/** A local date and time in Moscow: YYYY-MM-DDTHH:MM. */
export const LocalTime = z.string().regex(LOCAL_TIME, { error: "field.challenge.local-time" });
const Trl = z.number().int().min(TRL_MIN).max(TRL_MAX);

// ---------- inputs ----------

export const CriterionInput = z
  .object({
    name: SafeText(2, 120),
    description: OptSafeLongText(1000),
    weight: z.number().int().min(1).max(100),
  })
  .strict();

const Content = {
  titleRu: SafeText(5, 200),
  titleEn: OptSafeText(200),
  problemRu: SafeLongText(5000).pipe(z.string().min(20)),
  expectedResultRu: SafeLongText(3000).pipe(z.string().min(10)),
  requirementsRu: OptSafeLongText(3000),
  minTrl: Trl.nullable().optional(),
  rewardType: z.enum(REWARD_TYPES),
  rewardAmount: Money.nullable().optional(),
  /** When submissions close, in Moscow time. */
  deadline: LocalTime,
  stages: z.union([z.literal(1), z.literal(2)]),
  criteria: z.array(CriterionInput).min(1).max(CRITERIA_MAX),
  /** OKVED sections the challenge is about (organizations in them are told when it opens). */
  industries: z.array(z.enum(OKVED_SECTION_LETTERS)).max(OKVED_SECTION_LETTERS.length),
  /** The platform's technology tags (organizations with them are told when it opens). */
  tags: z.array(z.enum(TAG_SLUGS)).max(12),
  /** Who may submit: the organization types admitted (empty: any). */
  orgTypes: z.array(z.enum(ORG_TYPES)).max(ORG_TYPES.length),
  /** Only organizations with the cluster participant status may submit. */
  participantsOnly: z.boolean(),
  /** Who reads the details and files (default public); an NDA challenge states its NDA text. */
  visibility: z.enum(CHALLENGE_VISIBILITIES).optional(),
  ndaRu: OptSafeLongText(20000),
  /** Teams without a legal entity may submit (challenges.teams.service.ts). */
  teamsAllowed: z.boolean().optional(),
  /** A hackathon: teams only (implies teams allowed). */
  teamsOnly: z.boolean().optional(),
};

export const CreateChallengeBody = z
  .object({
    organizationId: z.uuid(),
    ...Content,
    industries: Content.industries.default([]),
    tags: Content.tags.default([]),
    orgTypes: Content.orgTypes.default([]),
    participantsOnly: Content.participantsOnly.default(false),
  })
  .strict();
/**
 * An edit of a draft: an optional field left out stays as it is (the service keeps it); only a value
 * given — an empty list, false or null included — changes it.
 */
export const UpdateChallengeBody = z
  .object({
    ...Content,
    industries: Content.industries.optional(),
    tags: Content.tags.optional(),
    orgTypes: Content.orgTypes.optional(),
    participantsOnly: Content.participantsOnly.optional(),
    version: Version,
  })
  .strict();
export const VersionBody = z.object({ version: Version }).strict();

export const ChallengeDecisionBody = z
  .object({
    decision: z.enum(["approve", "reject"]),
    /** Required to reject: what the owner should fix. */
    reason: OptSafeLongText(2000),
    version: Version,
  })
  .strict();

export const ExpertsBody = z
  .object({
    /** The e-mails of registered experts (users with the expert role). */
    emails: z.array(z.string().trim().max(254)).max(30),
    version: Version,
  })
  .strict();

export const DeadlineBody = z.object({ deadline: LocalTime, version: Version }).strict();

export const StageCloseBody = z
  .object({
    version: Version,
    shortlist: z.discriminatedUnion("by", [
      z
        .object({ by: z.literal("threshold"), threshold: z.number().min(0).max(10).multipleOf(0.01) })
        .strict(),
      z.object({ by: z.literal("top"), n: z.number().int().min(1).max(10_000) }).strict(),
    ]),
  })
  .strict();

export const ResultsBody = z
  .object({
    version: Version,
    winners: z.array(z.uuid()).max(100),
    reserve: z.array(z.uuid()).max(100),
  })
  .strict();

/**
 * A winner's award, recorded or corrected by the challenge's managers after the results: without
 * `version` the first record (409 when one exists), with it a correction of that version.
 */
export const AwardBody = z
  .object({
    kind: z.enum(AWARD_KINDS),
    /** Rubles. */
    amount: Money.pipe(z.number().min(1)),
    /** When the contract was signed or the prize or grant awarded (not in the future, Moscow time). */
    awardedOn: Day,
    /** The document's title and number. */
    documentRu: OptSafeText(200),
    version: Version.optional(),
  })
  .strict();

const SubmissionContent = {
  solution: SafeLongText(5000).pipe(z.string().min(20)),
  trl: Trl,
  ipStatus: z.enum(IP_STATUSES),
  price: Money.nullable().optional(),
  pilotPlan: SafeLongText(3000).pipe(z.string().min(10)),
};
/** Submitted for an organization or for a team (exactly one of them). */
export const CreateSubmissionBody = z
  .object({ organizationId: z.uuid().optional(), teamId: z.uuid().optional(), ...SubmissionContent })
  .strict();
export const UpdateSubmissionBody = z.object({ ...SubmissionContent, version: Version }).strict();

export const ScoreBody = z
  .object({
    /** A score and an optional comment per criterion, in the criteria's order. */
    criteria: z
      .array(
        z
          .object({ score: z.number().int().min(SCORE_MIN).max(SCORE_MAX), comment: OptSafeLongText(1000) })
          .strict(),
      )
      .min(1)
      .max(CRITERIA_MAX),
    /** The summary the submitter reads (without the expert's name). */
    comment: SafeLongText(2000).pipe(z.string().min(5)),
    /** The version of one's score being changed (absent for a first score). */
    version: Version.optional(),
  })
  .strict();

export const NoConflictBody = z.object({ noConflict: z.literal(true) }).strict();

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const ChallengesQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    owner: z.uuid().optional(),
    reward: csvOf(REWARD_TYPES).optional(),
    status: csvOf(PUBLIC_CHALLENGE_STATES).optional(),
    /** OKVED sections (any of them). */
    industry: csvOf(OKVED_SECTION_LETTERS).optional(),
    /** Technology tags (any of them). */
    tag: csvOf(TAG_SLUGS).optional(),
    /** Deadline on or after / on or before these days (Moscow). */
    deadlineFrom: Day.optional(),
    deadlineTo: Day.optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

export const EvaluationQuery = z.object({ stage: z.coerce.number().int().min(1).max(2).optional() }).strict();
export const QueueQuery = z.object({ page: Page, pageSize: PageSize }).strict();

// ---------- outputs ----------

const iso = z.string();
const OrgRef = z.object({ id: z.uuid(), shortName: z.string() });
const TeamRef = z.object({ id: z.uuid(), name: z.string() });

export const Criterion = z
  .object({ name: z.string(), description: z.string().nullable(), weight: z.number().int() })
  .meta({ id: "ChallengeCriterion" });

const CardFields = {
  id: z.uuid(),
  state: z.enum(CHALLENGE_STATES),
  organization: OrgRef,
  titleRu: z.string(),
  titleEn: z.string().nullable(),
  rewardType: z.enum(REWARD_TYPES),
  rewardAmount: z.number().nullable(),
  /** Moscow local time, YYYY-MM-DDTHH:MM. */
  deadline: z.string(),
  deadlineAt: iso,
  stages: z.number().int(),
  /** The stage being scored (1, 2), `stages + 1` once decided; null before evaluation. */
  stage: z.number().int().nullable(),
  /** Live statistics: submissions under way. */
  submissions: z.number().int(),
  /** OKVED section letters. */
  industries: z.array(z.string()),
  /** Technology tag slugs. */
  tags: z.array(z.string()),
};

export const ChallengeCard = z.object(CardFields).meta({ id: "ChallengeCard" });
export const ChallengesPage = z
  .object({
    items: z.array(ChallengeCard),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** The industry and tag facets, each counted under the other filters (values with challenges only). */
    facets: z.array(
      z.object({
        field: z.enum(["industry", "tag"]),
        values: z.array(z.object({ value: z.string(), count: z.number().int() })),
      }),
    ),
  })
  .meta({ id: "ChallengesPage" });

export const Award = z
  .object({
    kind: z.enum(AWARD_KINDS),
    amount: z.number(),
    awardedOn: z.string(),
    documentRu: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "ChallengeAward" });

/** A winner on a challenge's page once its results are published, with its award once recorded. */
export const Winner = z
  .object({
    organization: OrgRef.nullable(),
    team: TeamRef.nullable(),
    award: Award.omit({ documentRu: true, version: true }).nullable(),
  })
  .meta({ id: "ChallengeWinner" });

export const ChallengeExpert = z
  .object({ id: z.uuid(), fullName: z.string(), email: z.string(), noConflict: z.boolean() })
  .meta({ id: "ChallengeExpert" });

export const Challenge = z
  .object({
    ...CardFields,
    /** The details: null while `locked` (the server never sends them to a reader who may not see them). */
    problemRu: z.string().nullable(),
    expectedResultRu: z.string().nullable(),
    requirementsRu: z.string().nullable(),
    minTrl: z.number().int().nullable(),
    /** Who may submit: the organization types admitted (empty: any). */
    orgTypes: z.array(z.enum(ORG_TYPES)),
    /** Only organizations with the cluster participant status may submit. */
    participantsOnly: z.boolean(),
    criteria: z.array(Criterion),
    teamsAllowed: z.boolean(),
    teamsOnly: z.boolean(),
    openedAt: iso.nullable(),
    resultsAt: iso.nullable(),
    /** The moderator's reason of the last rejection (owner and operators only). */
    rejectReason: z.string().nullable(),
    /** The assigned experts (owner and operators only; empty for others). */
    experts: z.array(ChallengeExpert),
    /** The reader's standing: may manage it; is an assigned expert (and declared no conflict); their organizations' submissions. */
    me: z.object({
      manage: z.boolean(),
      expert: z.boolean(),
      noConflict: z.boolean(),
      submissions: z.array(z.object({ id: z.uuid(), organization: OrgRef })),
      signedIn: z.boolean(),
      /** When the reader accepted the challenge's NDA. */
      ndaAcceptedAt: iso.nullable(),
      /** The submissions under way of the reader's teams. */
      teamSubmissions: z.array(z.object({ id: z.uuid(), team: TeamRef })),
    }),
    version: z.number().int(),
    visibility: z.enum(CHALLENGE_VISIBILITIES),
    /** The NDA to accept before the details of an NDA challenge. */
    ndaRu: z.string().nullable(),
    /** Why the details and files are not shown: sign in first, or accept the NDA; null: shown. */
    locked: z.enum(CHALLENGE_LOCKS).nullable(),
    /** The challenge's files (empty while locked). */
    files: z.array(ChallengeFile),
    /** Live statistics: the regions of the organizations whose submissions are under way. */
    regions: z.number().int(),
    /** The winners once the results are published (empty before), by name. */
    winners: z.array(Winner),
  })
  .meta({ id: "Challenge" });

/** A challenge on moderation: its card and when it was sent (the queue is oldest first). */
export const QueueItem = ChallengeCard.extend({ submittedAt: iso }).meta({ id: "ChallengeQueueItem" });
export const QueuePage = z
  .object({
    items: z.array(QueueItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "ChallengeQueuePage" });

export const ScoreView = z
  .object({
    stage: z.number().int(),
    criteria: z.array(z.object({ score: z.number().int(), comment: z.string().nullable() })),
    comment: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "ChallengeScore" });

/** What every submitter reads once the results are published: no expert is named. */
export const Feedback = z
  .object({
    decision: z.enum(DECISIONS),
    /** The stage whose scores this is (the last one the submission was scored in). */
    stage: z.number().int(),
    score: z.number().nullable(),
    averages: z.array(
      z.object({ name: z.string(), weight: z.number().int(), average: z.number().nullable() }),
    ),
    comments: z.array(z.string()),
  })
  .meta({ id: "ChallengeFeedback" });

export const Submission = z
  .object({
    id: z.uuid(),
    challenge: z.object({
      id: z.uuid(),
      titleRu: z.string(),
      state: z.enum(CHALLENGE_STATES),
      deadline: z.string(),
    }),
    /** The submitting organization, or null for a team's submission. */
    organization: OrgRef.nullable(),
    team: TeamRef.nullable(),
    state: z.enum(SUBMISSION_STATES),
    solution: z.string(),
    trl: z.number().int(),
    ipStatus: z.enum(IP_STATUSES),
    price: z.number().nullable(),
    pilotPlan: z.string(),
    /** Stages it was shortlisted in (the owner, operators and experts; 0 for its submitter until the results). */
    passed: z.number().int(),
    /** Its submitter reads it once the results are published; the owner and operators once decided. */
    decision: z.enum(DECISIONS).nullable(),
    feedback: Feedback.nullable(),
    /** A winner's award: its managers, and its submitter once the results are published. */
    award: Award.nullable(),
    /** The reading expert's own score of the current stage. */
    myScore: ScoreView.nullable(),
    /** The reader's organization or team submitted it (may edit and withdraw until the deadline). */
    mine: z.boolean(),
    createdAt: iso,
    updatedAt: iso,
    version: z.number().int(),
  })
  .meta({ id: "ChallengeSubmission" });

export const SubmissionList = z
  .object({ items: z.array(Submission) })
  .meta({ id: "ChallengeSubmissionList" });

export const Evaluation = z
  .object({
    stage: z.number().int(),
    stages: z.number().int(),
    /** Whether this stage is being scored now (else closed: its ranking is final). */
    open: z.boolean(),
    /** Experts who scored every submission they may score in this stage, of all assigned. */
    progress: z.object({ done: z.number().int(), of: z.number().int() }),
    experts: z.array(
      z.object({
        id: z.uuid(),
        fullName: z.string(),
        noConflict: z.boolean(),
        scored: z.number().int(),
        of: z.number().int(),
      }),
    ),
    ranking: z.array(
      z.object({
        submission: z.object({ id: z.uuid(), organization: OrgRef.nullable(), team: TeamRef.nullable() }),
        score: z.number().nullable(),
        rank: z.number().int().nullable(),
        tied: z.boolean(),
        experts: z.number().int(),
        averages: z.array(z.number().nullable()),
        passed: z.number().int(),
        decision: z.enum(DECISIONS).nullable(),
      }),
    ),
  })
  .meta({ id: "ChallengeEvaluation" });
