/**
 * Vocabularies: every closed list of values, declared once. The Drizzle enums (`pgEnum(name, LIST)`),
 * the zod enums (`z.enum(LIST)`), the web's options and the seed derive from these lists; their labels
 * live in the web's i18n catalogues (src/web/i18n/{ru,en}) under the key prefix named in
 * `VOCABULARY_LABELS` (vocabularies.labels.ts), and a test (vocabularies.test.ts) fails when a value lacks a label in a
 * language or a label names a value that is not in its list.
 *
 * Lists kept in their own files: roles and locales (constants.ts); organization types, statuses,
 * member roles and SME categories with their ru/en labels as data (organizations.ts); regions
 * (regions.ts), OKVED sections (okved.ts), technology tags (tags.ts); declared flags and verdicts
 * (eligibility.ts). Appending a value to a list behind a `pgEnum` needs a migration
 * (`npm run db:generate`); reordering or removing one is a data migration.
 */

type Of<T extends readonly unknown[]> = T[number];

// ---------- support measures ----------

export const MEASURE_STATUSES = ["draft", "published", "archived"] as const;
export type MeasureStatus = Of<typeof MEASURE_STATUSES>;
export const MEASURE_LEVELS = ["city", "federal", "development_institution"] as const;
export type MeasureLevel = Of<typeof MEASURE_LEVELS>;
export const MEASURE_FORMS = [
  "grant",
  "subsidy",
  "preferential_loan",
  "guarantee",
  "tax_benefit",
  "premises",
  "consulting",
  "education",
  "export_support",
  "pilot_testing",
  "acceleration",
] as const;
export type MeasureForm = Of<typeof MEASURE_FORMS>;
export const PROVIDER_KINDS = [
  "city_body",
  "federal_body",
  "development_institution",
  "technopark",
  "other",
] as const;
export type ProviderKind = Of<typeof PROVIDER_KINDS>;
/**
 * Amount facet buckets (by the amount: the maximum, else the minimum; RUB; a measure without an amount
 * is in none): up to 1 mln, 1–10 mln, 10–100 mln, over 100 mln. A bucket is [min, max).
 */
export const AMOUNT_BUCKETS = [
  { key: "lt1m", min: null, max: 1_000_000 },
  { key: "1m-10m", min: 1_000_000, max: 10_000_000 },
  { key: "10m-100m", min: 10_000_000, max: 100_000_000 },
  { key: "gt100m", min: 100_000_000, max: null },
] as const;
export const AMOUNT_BUCKET_KEYS = AMOUNT_BUCKETS.map((b) => b.key);
export type AmountBucket = Of<typeof AMOUNT_BUCKETS>["key"];
/** The navigator's orders; the questionnaire's (check) orders by verdict first. */
export const MEASURE_SORTS = ["relevance", "verdict", "deadline", "amount"] as const;
export type MeasureSort = Of<typeof MEASURE_SORTS>;
export const CHECK_SORTS = ["verdict", "deadline", "amount"] as const;
/** An eligibility verdict, best first (its index is the SQL verdict's number). */
export const VERDICTS = ["eligible", "check", "not_eligible"] as const;
export type Verdict = Of<typeof VERDICTS>;
/** One criterion's outcome. */
export const CRITERION_RESULTS = ["met", "not_met", "unknown"] as const;
export type CriterionResult = Of<typeof CRITERION_RESULTS>;

// ---------- notifications ----------

export const NOTIFICATION_CHANNELS = ["in_app", "email", "digest", "off"] as const;
export type NotificationChannel = Of<typeof NOTIFICATION_CHANNELS>;

// ---------- organizations: applications, requests, invitations ----------

export const APPLICATION_STATES = ["pending", "returned", "approved", "rejected", "withdrawn"] as const;
export type ApplicationState = Of<typeof APPLICATION_STATES>;
/** An application in these states is open (one per organization). */
export const OPEN_APPLICATION_STATES = ["pending", "returned"] as const satisfies readonly ApplicationState[];
export const APPLICATION_DECISIONS = ["approve", "reject", "return"] as const;
export const NAME_CHANGE_STATES = ["pending", "approved", "rejected", "cancelled"] as const;
export type NameChangeState = Of<typeof NAME_CHANGE_STATES>;
/** The operator's name-change queue filters by these. */
export const NAME_CHANGE_QUEUE_STATES = [
  "pending",
  "approved",
  "rejected",
] as const satisfies readonly NameChangeState[];
export const NAME_CHANGE_DECISIONS = ["approve", "reject"] as const;
export const JOIN_REQUEST_STATES = ["pending", "approved", "rejected", "cancelled"] as const;
export type JoinRequestState = Of<typeof JOIN_REQUEST_STATES>;
export const INVITATION_STATES = ["pending", "accepted", "revoked", "expired"] as const;
export type InvitationState = Of<typeof INVITATION_STATES>;

// ---------- verification and claims ----------

export const VERIFICATION_KINDS = ["verification", "claim"] as const;
export type VerificationKind = Of<typeof VERIFICATION_KINDS>;
/** pending → verified | rejected (verification); pending → transferred | merged | removed | rejected (claim). */
export const VERIFICATION_STATES = [
  "pending",
  "verified",
  "rejected",
  "transferred",
  "merged",
  "removed",
] as const;
export type VerificationState = Of<typeof VERIFICATION_STATES>;
/** An extract from the state register (ЕГРЮЛ / ЕГРИП) or a letter on letterhead signed by the head. */
export const VERIFICATION_DOCUMENTS = ["register_extract", "letterhead_letter"] as const;
export type VerificationDocument = Of<typeof VERIFICATION_DOCUMENTS>;
export const VERIFICATION_DECISIONS = ["verify", "reject", "transfer", "merge", "remove"] as const;

// ---------- accounts ----------

export const TOKEN_KINDS = ["confirm_email", "reset_password"] as const;
export type TokenKind = Of<typeof TOKEN_KINDS>;
