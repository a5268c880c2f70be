import multipart from "@fastify/multipart";
import { z } from "zod";
import { CHALLENGE_FILE_MAX_BYTES } from "../../../shared/challenges.qa.js";
import { IdParams } from "../../core/contract.js";
import { sendFile } from "../../core/files.js";
import { routes, uploadHandler } from "../../core/route.js";
import { auditRefusals } from "../organizations/access.js";
import { Challenge } from "./challenges.contract.js";
import * as files from "./challenges.files.service.js";
import {
  AnswerBody,
  AskBody,
  ChallengeFile,
  ChallengeFileList,
  ChallengeFileParams,
  Clarification,
  ClarificationBody,
  HideBody,
  NdaAcceptBody,
  Question,
  QuestionList,
  QuestionParams,
} from "./challenges.qa.contract.js";
import * as qa from "./challenges.qa.service.js";

/**
 * A challenge's public Q&A, NDA, files and private clarifications. Reading the Q&A and downloading a
 * challenge's file are public (the services decide by the challenge's visibility); the rest needs a
 * signed-in user, checked per record (404 to those who may not see a record).
 */
const action = "challenges.access";
const isPicture = (t: string) => t.startsWith("image/");

export const challengeQaRoutes = routes(["challenges"], async (r) => {
  auditRefusals(r.app);
  await r.app.register(multipart, {
    limits: { fileSize: CHALLENGE_FILE_MAX_BYTES + 1, files: 1, fields: 2, parts: 3 },
  });

  r.get("/challenges/:id/questions", {
    action: "public",
    summary:
      "A challenge's public Q&A: answered questions for all who read its details, one's own unanswered ones, everything for its managers",
    params: IdParams,
    response: QuestionList,
    noStore: true,
    handler: (ctx, { params }) => qa.listQuestions(ctx, params.id),
  });

  r.post("/challenges/:id/questions", {
    action,
    summary: "Ask a public question (the challenge accepting submissions); its managers are told",
    rateLimit: { max: 20, timeWindow: "1 hour" },
    params: IdParams,
    body: AskBody,
    response: Question,
    status: 201,
    handler: (ctx, { params, body }) => qa.askQuestion(ctx, params.id, body),
  });

  r.put("/challenges/:id/questions/:questionId/answer", {
    action,
    summary:
      "Answer a question or edit the answer (the challenge's managers); the asker is told of the first",
    params: QuestionParams,
    body: AnswerBody,
    response: Question,
    handler: (ctx, { params, body }) => qa.answerQuestion(ctx, params.id, params.questionId, body),
  });

  r.post("/challenges/:id/questions/:questionId/hide", {
    action,
    summary: "Hide a question (abuse; the challenge's managers)",
    params: QuestionParams,
    body: HideBody,
    response: Question,
    handler: (ctx, { params, body }) => qa.hideQuestion(ctx, params.id, params.questionId, body.version),
  });

  r.post("/challenges/:id/nda", {
    action,
    summary: "Accept the NDA of an NDA challenge (once per person; audited): its details and files open",
    params: IdParams,
    body: NdaAcceptBody,
    response: Challenge,
    handler: (ctx, { params }) => files.acceptNda(ctx, params.id),
  });

  r.post("/challenges/:id/clarification", {
    action,
    summary:
      "Open (or find) an organization's private conversation with the challenge's organization about it",
    params: IdParams,
    body: ClarificationBody,
    response: Clarification,
    handler: (ctx, { params, body }) => qa.openClarification(ctx, params.id, body.organizationId),
  });

  r.get("/challenge-clarifications/:id", {
    action,
    summary: "The challenge a clarification's conversation is about (the members of either party)",
    params: IdParams,
    response: z.object({ challengeId: z.uuid() }),
    handler: (ctx, { params }) => qa.clarificationChallenge(ctx, params.id),
  });

  r.post("/challenges/:id/files", {
    action,
    rateLimit: { max: 120, timeWindow: "1 hour" },
    summary:
      "Attach a file to a challenge (its managers, until the results): multipart field `file`; PDF, DOCX, XLSX, PNG, JPEG or WebP up to 20 MB; at most 10",
    params: IdParams,
    response: ChallengeFile,
    status: 201,
    handler: uploadHandler(
      "field.challenge.file",
      files.assertCanUploadChallengeFile,
      files.uploadChallengeFile,
    ),
  });

  r.delete("/challenges/:id/files/:fileId", {
    action,
    summary: "Remove a challenge's file (its managers, until the results)",
    params: ChallengeFileParams,
    status: 204,
    handler: (ctx, { params }) => files.deleteChallengeFile(ctx, params.id, params.fileId),
  });

  r.get("/challenges/:id/files/:fileId", {
    action: "public",
    summary:
      "Download a challenge's file: whoever reads its details (registered-only: signed in; NDA: after accepting it); others 404",
    params: ChallengeFileParams,
    handler: async (ctx, req, reply) => {
      const file = await files.challengeFile(ctx, req.params.id, req.params.fileId);
      return sendFile(req, reply, ctx.storage, file, { inline: isPicture(file.contentType) });
    },
  });

  r.get("/challenge-submissions/:id/files", {
    action,
    summary: "A submission's files: its submitter's side, the challenge's managers and assigned experts",
    params: IdParams,
    response: ChallengeFileList,
    handler: (ctx, { params }) => files.submissionFiles(ctx, params.id),
  });

  r.post("/challenge-submissions/:id/files", {
    action,
    rateLimit: { max: 120, timeWindow: "1 hour" },
    summary:
      "Attach a file to one's submission until the deadline: multipart field `file`; PDF, DOCX, XLSX, PNG, JPEG or WebP up to 20 MB; at most 10",
    params: IdParams,
    response: ChallengeFile,
    status: 201,
    handler: uploadHandler(
      "field.challenge.file",
      files.assertCanUploadSubmissionFile,
      files.uploadSubmissionFile,
    ),
  });

  r.delete("/challenge-submissions/:id/files/:fileId", {
    action,
    summary: "Remove a file of one's submission until the deadline",
    params: ChallengeFileParams,
    status: 204,
    handler: (ctx, { params }) => files.deleteSubmissionFile(ctx, params.id, params.fileId),
  });

  r.get("/challenge-submissions/:id/files/:fileId", {
    action,
    summary:
      "Download a submission's file: its submitter's side, the challenge's managers and assigned experts (others 404)",
    params: ChallengeFileParams,
    handler: async (ctx, req, reply) => {
      const file = await files.submissionFile(ctx, req.params.id, req.params.fileId);
      return sendFile(req, reply, ctx.storage, file);
    },
  });
});
