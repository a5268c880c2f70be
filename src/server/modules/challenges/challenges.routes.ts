import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import { sendJson } from "../../core/search.js";
import { auditRefusals } from "../organizations/access.js";
import * as awards from "./challenges.awards.service.js";
import {
  AwardBody,
  Challenge,
  ChallengesPage,
  ChallengesQuery,
  CreateChallengeBody,
  CreateSubmissionBody,
  Evaluation,
  EvaluationQuery,
  ExpertsBody,
  NoConflictBody,
  ResultsBody,
  ScoreBody,
  ScoreView,
  StageCloseBody,
  Submission,
  SubmissionList,
  UpdateChallengeBody,
  UpdateSubmissionBody,
  VersionBody,
} from "./challenges.contract.js";
import * as svc from "./challenges.service.js";
import * as subs from "./challenges.submissions.service.js";

/**
 * The catalog and a challenge's page are public (a draft or one on moderation only for those who manage
 * it); everything else needs a signed-in user, checked per record by the services (404 to those who may
 * not see a record).
 */
const action = "challenges.access";

export const challengeRoutes = routes(["challenges"], (r) => {
  auditRefusals(r.app);

  r.get("/challenges", {
    action: "public",
    summary: "Search the public challenges: Russian full text, owner, reward, state and deadline filters",
    query: ChallengesQuery,
    response: ChallengesPage,
    handler: async (ctx, { query }, reply) => sendJson(reply, await svc.searchChallenges(ctx, query)),
  });

  r.get("/challenges/:id", {
    action: "public",
    summary: "A challenge with its live statistics (submissions, stage); drafts for those who manage it",
    params: IdParams,
    response: Challenge,
    handler: async (ctx, { params }, reply) =>
      ctx.actor
        ? svc.getChallenge(ctx, params.id)
        : sendJson(reply, await svc.publicChallenge(ctx, params.id)),
  });

  r.post("/challenges", {
    action,
    summary: "Post a draft challenge for an organization (its owner or admin, or an operator on its behalf)",
    rateLimit: { max: 30, timeWindow: "1 hour" },
    body: CreateChallengeBody,
    response: Challenge,
    status: 201,
    handler: (ctx, { body }) => svc.createChallenge(ctx, body),
  });

  r.patch("/challenges/:id", {
    action,
    summary: "Edit a draft challenge (a rejected one is a draft with the moderator's reason)",
    params: IdParams,
    body: UpdateChallengeBody,
    response: Challenge,
    handler: (ctx, { params, body }) => svc.updateChallenge(ctx, params.id, body),
  });

  r.post("/challenges/:id/submit", {
    action,
    summary: "Send a draft challenge to moderation",
    params: IdParams,
    body: VersionBody,
    response: Challenge,
    handler: (ctx, { params, body }) => svc.submitChallenge(ctx, params.id, body.version),
  });

  r.put("/challenges/:id/experts", {
    action,
    summary: "Assign the experts (registered experts by e-mail) until the results are published",
    params: IdParams,
    body: ExpertsBody,
    response: Challenge,
    handler: (ctx, { params, body }) => svc.setExperts(ctx, params.id, body),
  });

  r.post("/challenges/:id/no-conflict", {
    action,
    summary: "An assigned expert declares no conflict of interest (required before scoring)",
    params: IdParams,
    body: NoConflictBody,
    response: Challenge,
    handler: (ctx, { params }) => svc.declareNoConflict(ctx, params.id),
  });

  r.post("/challenges/:id/evaluation", {
    action,
    summary: "Close submissions and start scoring stage 1 (after the deadline, with experts assigned)",
    params: IdParams,
    body: VersionBody,
    response: Challenge,
    handler: (ctx, { params, body }) => svc.startEvaluation(ctx, params.id, body.version),
  });

  r.get("/challenges/:id/evaluation", {
    action,
    summary:
      "A stage's progress (n of m experts done) and ranking with ties (those who manage the challenge)",
    params: IdParams,
    query: EvaluationQuery,
    response: Evaluation,
    handler: async (ctx, { params, query }, reply) =>
      sendJson(reply, await subs.evaluation(ctx, params.id, query.stage)),
  });

  r.post("/challenges/:id/stage/close", {
    action,
    summary:
      "Close the stage being scored with a shortlist (threshold or top N); every assigned score must be in",
    params: IdParams,
    body: StageCloseBody,
    response: Challenge,
    handler: (ctx, { params, body }) => subs.closeStage(ctx, params.id, body),
  });

  r.post("/challenges/:id/results", {
    action,
    summary:
      "Publish the results (winners, reserve, the rest not selected): every submitter gets feedback once",
    params: IdParams,
    body: ResultsBody,
    response: Challenge,
    handler: (ctx, { params, body }) => subs.publishResults(ctx, params.id, body),
  });

  r.post("/challenges/:id/close", {
    action,
    summary: "Close a challenge after its results",
    params: IdParams,
    body: VersionBody,
    response: Challenge,
    handler: (ctx, { params, body }) => svc.closeChallenge(ctx, params.id, body.version),
  });

  r.get("/challenges/:id/submissions", {
    action,
    summary: "The submissions: all for those who manage the challenge, the stage's for an assigned expert",
    params: IdParams,
    response: SubmissionList,
    handler: (ctx, { params }) => subs.listSubmissions(ctx, params.id),
  });

  r.post("/challenges/:id/submissions", {
    action,
    summary: "Submit a solution for an organization (one per organization, before the deadline, Moscow time)",
    rateLimit: { max: 60, timeWindow: "1 hour" },
    params: IdParams,
    body: CreateSubmissionBody,
    response: Submission,
    status: 201,
    handler: (ctx, { params, body }) => subs.createSubmission(ctx, params.id, body),
  });

  r.get("/challenge-submissions/:id", {
    action,
    summary: "A submission: its organization (with the feedback once published), the owner, assigned experts",
    params: IdParams,
    response: Submission,
    handler: (ctx, { params }) => subs.getSubmission(ctx, params.id),
  });

  r.patch("/challenge-submissions/:id", {
    action,
    summary: "Edit a submission until the deadline",
    params: IdParams,
    body: UpdateSubmissionBody,
    response: Submission,
    handler: (ctx, { params, body }) => subs.updateSubmission(ctx, params.id, body),
  });

  r.post("/challenge-submissions/:id/withdraw", {
    action,
    summary: "Withdraw a submission until the deadline",
    params: IdParams,
    body: VersionBody,
    response: Submission,
    handler: (ctx, { params, body }) => subs.withdrawSubmission(ctx, params.id, body.version),
  });

  r.put("/challenge-submissions/:id/score", {
    action,
    summary: "An assigned expert's score of a submission in the stage being scored (0–10 per criterion)",
    params: IdParams,
    body: ScoreBody,
    response: ScoreView,
    handler: (ctx, { params, body }) => subs.scoreSubmission(ctx, params.id, body),
  });

  r.put("/challenge-submissions/:id/award", {
    action,
    summary:
      "Record (or correct, naming its version) a winner's award after the results: a contract, prize or grant with its amount",
    params: IdParams,
    body: AwardBody,
    response: Submission,
    handler: (ctx, { params, body }) => awards.recordAward(ctx, params.id, body),
  });
});
