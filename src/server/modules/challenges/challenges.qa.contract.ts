// Request/response schemas of a challenge's public Q&A, NDA, files and private clarifications.
import { z } from "zod";
import { QUESTION_MAX, QUESTION_MIN } from "../../../shared/challenges.qa.js";
import { SafeLongText } from "../../../shared/text.js";
import { Version } from "../../core/contract.js";

const iso = z.string();
const QaText = SafeLongText(QUESTION_MAX).pipe(z.string().min(QUESTION_MIN));

export const AskBody = z
  .object({
    question: QaText,
    /** The organization (one of the asker's) the question is shown under; absent: «Участник». */
    organizationId: z.uuid().nullable().optional(),
  })
  .strict();
export const AnswerBody = z
  .object({
    answer: QaText,
    /** The question's version seen (editing an answer: a stale one is 409 with the current question). */
    version: Version,
  })
  .strict();
export const HideBody = z.object({ version: Version }).strict();
export const NdaAcceptBody = z.object({ accept: z.literal(true) }).strict();
export const ClarificationBody = z.object({ organizationId: z.uuid() }).strict();

export const QuestionParams = z.object({ id: z.uuid(), questionId: z.uuid() });
export const ChallengeFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const ChallengeFile = z
  .object({ id: z.uuid(), name: z.string(), size: z.number().int(), contentType: z.string() })
  .meta({ id: "ChallengeFile" });
export const ChallengeFileList = z
  .object({ items: z.array(ChallengeFile) })
  .meta({ id: "ChallengeFileList" });

export const Question = z
  .object({
    id: z.uuid(),
    question: z.string(),
    /** Who asked, as shown to everyone: the organization's short name, or null («Участник»). */
    askedBy: z.string().nullable(),
    answer: z.string().nullable(),
    answeredAt: iso.nullable(),
    /** Hidden by a manager (abuse): seen by the managers only. */
    hidden: z.boolean(),
    /** The reader asked it. */
    mine: z.boolean(),
    createdAt: iso,
    version: z.number().int(),
  })
  .meta({ id: "ChallengeQuestion" });
export const QuestionList = z
  .object({
    items: z.array(Question),
    /** The reader may ask (signed in, the challenge accepting submissions). */
    canAsk: z.boolean(),
    /** The reader answers and moderates (the challenge's managers). */
    canAnswer: z.boolean(),
  })
  .meta({ id: "ChallengeQuestionList" });

export const Clarification = z.object({ conversationId: z.uuid() }).meta({ id: "ChallengeClarification" });
