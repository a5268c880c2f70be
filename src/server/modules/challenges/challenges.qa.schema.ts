import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { files } from "../../core/files.schema.js";
import { users } from "../accounts/accounts.schema.js";
import { organizations } from "../organizations/organizations.schema.js";
import { challengeSubmissions, challenges } from "./challenges.schema.js";

/**
 * A question of the public Q&A of a challenge (challenges.qa.service.ts). `askerId` is the person who
 * asked (never shown to others); `organizationId` the organization it is shown under (null: «Участник»).
 * Answered questions are public; an unanswered one is seen by its asker and the challenge's managers;
 * a hidden one (abuse) by the managers only.
 */
export const challengeQuestions = pgTable(
  "challenge_questions",
  {
    id: primaryId(),
    challengeId: parentRef("challenge_id", () => challenges.id),
    askerId: uuid("asker_id").references(() => users.id, { onDelete: "set null" }),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    question: text("question").notNull(),
    answer: text("answer"),
    answeredBy: uuid("answered_by"),
    answeredAt: tz("answered_at"),
    hiddenAt: tz("hidden_at"),
    hiddenBy: uuid("hidden_by"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("challenge_questions_challenge_idx").on(t.challengeId, t.createdAt),
    index("challenge_questions_asker_idx").on(t.askerId),
  ],
);

/** A reader's acceptance of a challenge's NDA: once per person and challenge. */
export const challengeNdaAcceptances = pgTable(
  "challenge_nda_acceptances",
  {
    challengeId: parentRef("challenge_id", () => challenges.id),
    userId: parentRef("user_id", () => users.id),
    /** The SHA-256 of the NDA text accepted. */
    textSha256: text("text_sha256").notNull(),
    acceptedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.userId] })],
);

/** A challenge's files (its owner's attachments), read with the challenge's details. */
export const challengeFiles = pgTable(
  "challenge_files",
  {
    challengeId: parentRef("challenge_id", () => challenges.id),
    fileId: parentRef("file_id", () => files.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.fileId] })],
);

/** A submission's files: its submitter's side, the challenge's managers and its assigned experts read them. */
export const challengeSubmissionFiles = pgTable(
  "challenge_submission_files",
  {
    submissionId: parentRef("submission_id", () => challengeSubmissions.id),
    fileId: parentRef("file_id", () => files.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.fileId] })],
);

/**
 * A private clarification between an organization and a challenge's owner: the subject of their
 * conversation (one per organization and challenge).
 */
export const challengeClarifications = pgTable(
  "challenge_clarifications",
  {
    id: primaryId(),
    challengeId: parentRef("challenge_id", () => challenges.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    openedBy: uuid("opened_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("challenge_clarifications_uq").on(t.challengeId, t.organizationId),
    index("challenge_clarifications_org_idx").on(t.organizationId),
  ],
);
