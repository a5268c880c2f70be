// The pilots module's request/response schemas. Rules across fields (dates in order, a paid site's price,
// a district within its okrug, a reason to reject) are checked by the service and answered as field errors.
import { z } from "zod";
import { MOSCOW_DISTRICTS, MOSCOW_OKRUGS } from "../../../shared/moscow.js";
import {
  INNOVATION_SCORE_MAX,
  INNOVATION_SCORE_MIN,
  PILOT_FILE_KINDS,
  PILOT_MOVE_NAMES,
  PILOT_STATES,
  PILOT_TRL_MAX,
  PILOT_TRL_MIN,
  SITE_CAPACITY_MAX,
  SITE_TYPES,
} from "../../../shared/pilots.js";
import { OptSafeLongText, OptSafeText, SafeLongText, SafeText } from "../../../shared/text.js";
import { Day, Page, PageSize, Version } from "../../core/contract.js";

const Money = z.number().int().min(0).max(1_000_000_000_000);
const Trl = z.number().int().min(PILOT_TRL_MIN).max(PILOT_TRL_MAX);
const Score = z.number().int().min(INNOVATION_SCORE_MIN).max(INNOVATION_SCORE_MAX);

// ---------- inputs ----------

const SiteContent = {
  name: SafeText(3, 200),
  type: z.enum(SITE_TYPES),
  okrug: z.enum(MOSCOW_OKRUGS).nullable().optional(),
  district: z
    .enum(MOSCOW_DISTRICTS as [string, ...string[]])
    .nullable()
    .optional(),
  address: OptSafeText(300),
  /** Outside Moscow (or a digital service): the region it serves. */
  region: OptSafeText(200),
  testable: SafeLongText(3000).pipe(z.string().min(10)),
  conditions: OptSafeLongText(3000),
  capacity: z.number().int().min(1).max(SITE_CAPACITY_MAX),
  periodFrom: Day.nullable().optional(),
  periodTo: Day.nullable().optional(),
  paid: z.boolean(),
  price: Money.nullable().optional(),
};
export const CreateSiteBody = z.object({ organizationId: z.uuid(), ...SiteContent }).strict();
export const UpdateSiteBody = z.object({ ...SiteContent, version: Version }).strict();

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const SitesQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    type: csvOf(SITE_TYPES).optional(),
    okrug: z.enum(MOSCOW_OKRUGS).optional(),
    district: z.enum(MOSCOW_DISTRICTS as [string, ...string[]]).optional(),
    /** "free" or "paid". */
    price: z.enum(["free", "paid"]).optional(),
    owner: z.uuid().optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();

const ApplicationContent = {
  solution: SafeLongText(5000).pipe(z.string().min(20)),
  trl: Trl,
  expectedEffect: SafeLongText(3000).pipe(z.string().min(10)),
  team: SafeLongText(2000).pipe(z.string().min(3)),
  needs: SafeLongText(3000).pipe(z.string().min(5)),
  dateFrom: Day,
  dateTo: Day,
  /** The operator acts as the intermediary: the application goes to the operator first. */
  operatorAssisted: z.boolean().default(false),
  /** The company agrees to publish the result on the site's and its own public pages. */
  publishResult: z.boolean().default(false),
};
export const ApplyBody = z.object({ organizationId: z.uuid(), ...ApplicationContent }).strict();

export const WinnerPilotBody = z
  .object({
    challengeId: z.uuid(),
    submissionId: z.uuid(),
    siteId: z.uuid(),
    expectedEffect: SafeLongText(3000).pipe(z.string().min(10)),
    team: SafeLongText(2000).pipe(z.string().min(3)),
    needs: SafeLongText(3000).pipe(z.string().min(5)),
    dateFrom: Day,
    dateTo: Day,
    publishResult: z.boolean().default(false),
  })
  .strict();

export const WinnerPilotsQuery = z.object({ challengeId: z.uuid() }).strict();

export const VersionBody = z.object({ version: Version }).strict();
export const AssignBody = z.object({ expertEmail: z.string().trim().max(254), version: Version }).strict();
export const ScoreBody = z
  .object({
    novelty: Score,
    readiness: Score,
    effect: Score,
    feasibility: Score,
    comment: SafeLongText(3000).pipe(z.string().min(5)),
    version: Version,
  })
  .strict();
export const AgreeBody = z
  .object({
    dateFrom: Day,
    dateTo: Day,
    conditions: SafeLongText(3000).pipe(z.string().min(3)),
    version: Version,
  })
  .strict();
export const RejectBody = z
  .object({ reason: SafeLongText(2000).pipe(z.string().min(3)), version: Version })
  .strict();
export const CompleteBody = z
  .object({
    success: z.boolean(),
    measuredEffect: SafeLongText(3000).pipe(z.string().min(3)),
    version: Version,
  })
  .strict();
export const MilestoneBody = z.object({ title: SafeText(3, 200), due: Day }).strict();
export const MilestoneParams = z.object({ id: z.uuid(), milestoneId: z.uuid() });
export const MilestoneDoneBody = z.object({ done: z.boolean() }).strict();
export const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const MyPilotsQuery = z
  .object({ state: csvOf(PILOT_STATES).optional(), page: Page, pageSize: PageSize })
  .strict();

export const PilotQueueQuery = z.object({ page: Page, pageSize: PageSize }).strict();

// ---------- outputs ----------

const iso = z.string();
const OrgRef = z.object({ id: z.uuid(), shortName: z.string() });

const SiteFields = {
  id: z.uuid(),
  organization: OrgRef,
  name: z.string(),
  type: z.enum(SITE_TYPES),
  okrug: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  region: z.string().nullable(),
  capacity: z.number().int(),
  /** Agreed and running pilots (the places taken). */
  busy: z.number().int(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  paid: z.boolean(),
  price: z.number().nullable(),
};
export const SiteCard = z.object({ ...SiteFields, testable: z.string() }).meta({ id: "PilotSiteCard" });
export const SitesPage = z
  .object({
    items: z.array(SiteCard),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "PilotSitesPage" });

/** A completed pilot whose company agreed to publish its result. */
export const PublishedPilot = z
  .object({
    id: z.uuid(),
    site: z.object({ id: z.uuid(), name: z.string() }),
    organization: OrgRef,
    solution: z.string(),
    success: z.boolean(),
    measuredEffect: z.string(),
    /** The pilot's dates (as agreed, else as applied for). */
    dateFrom: z.string(),
    dateTo: z.string(),
    completedAt: iso,
    /** The owner's feedback letter (public with the result). */
    letterUrl: z.string().nullable(),
  })
  .meta({ id: "PublishedPilot" });
export const PublishedPilots = z.object({ items: z.array(PublishedPilot) }).meta({ id: "PublishedPilots" });

/** The pilots started for a challenge's winners, by submission (one each). */
export const WinnerPilots = z
  .object({
    items: z.array(
      z.object({
        submissionId: z.uuid(),
        pilot: z.object({
          id: z.uuid(),
          state: z.enum(PILOT_STATES),
          site: z.object({ id: z.uuid(), name: z.string() }),
        }),
      }),
    ),
  })
  .meta({ id: "WinnerPilots" });

export const Site = z
  .object({
    ...SiteFields,
    testable: z.string(),
    conditions: z.string(),
    completed: z.array(PublishedPilot),
    /** The reader may edit it (the owner's owner or admin, an operator). */
    manage: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "PilotSite" });

const Side = z.enum(["company", "owner", "expert", "operator"]);

export const PilotFile = z
  .object({
    id: z.uuid(),
    kind: z.enum(PILOT_FILE_KINDS),
    name: z.string(),
    size: z.number().int(),
    url: z.string(),
    createdAt: iso,
  })
  .meta({ id: "PilotFile" });

export const PilotCard = z
  .object({
    id: z.uuid(),
    state: z.enum(PILOT_STATES),
    site: z.object({ id: z.uuid(), name: z.string(), organization: OrgRef }),
    organization: OrgRef,
    solution: z.string(),
    dateFrom: z.string(),
    dateTo: z.string(),
    /** The application goes to the operator first (the intermediary between company and site). */
    operatorAssisted: z.boolean(),
    /** When the application was made. */
    submittedAt: iso,
    updatedAt: iso,
  })
  .meta({ id: "PilotCard" });
export const PilotsPage = z
  .object({
    items: z.array(PilotCard),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "PilotsPage" });

export const Pilot = z
  .object({
    id: z.uuid(),
    state: z.enum(PILOT_STATES),
    site: z.object({ id: z.uuid(), name: z.string(), organization: OrgRef }),
    organization: OrgRef,
    solution: z.string(),
    trl: z.number().int(),
    expectedEffect: z.string(),
    team: z.string(),
    needs: z.string(),
    dateFrom: z.string(),
    dateTo: z.string(),
    operatorAssisted: z.boolean(),
    publishResult: z.boolean(),
    expert: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
    /** The expert's innovativeness scores and comment, with their mean. */
    innovation: z
      .object({
        novelty: z.number().int(),
        readiness: z.number().int(),
        effect: z.number().int(),
        feasibility: z.number().int(),
        score: z.number(),
        comment: z.string(),
      })
      .nullable(),
    agreed: z.object({ dateFrom: z.string(), dateTo: z.string(), conditions: z.string() }).nullable(),
    rejectReason: z.string().nullable(),
    rejectedAt: z.enum(PILOT_STATES).nullable(),
    result: z.object({ success: z.boolean(), measuredEffect: z.string(), completedAt: iso }).nullable(),
    milestones: z.array(z.object({ id: z.uuid(), title: z.string(), due: z.string(), done: z.boolean() })),
    files: z.array(PilotFile),
    challengeSubmissionId: z.uuid().nullable(),
    /** The reader's sides and the moves they may make now. */
    me: z.object({ sides: z.array(Side), moves: z.array(z.enum(PILOT_MOVE_NAMES as [string, ...string[]])) }),
    createdAt: iso,
    updatedAt: iso,
    version: z.number().int(),
  })
  .meta({ id: "Pilot" });

export const Milestone = z
  .object({ id: z.uuid(), title: z.string(), due: z.string(), done: z.boolean() })
  .meta({ id: "PilotMilestone" });
