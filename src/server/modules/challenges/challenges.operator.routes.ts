import { IdParams } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import {
  Challenge,
  ChallengeDecisionBody,
  DeadlineBody,
  QueuePage,
  QueueQuery,
} from "./challenges.contract.js";
import * as svc from "./challenges.service.js";

/** The operators' side of challenges: moderation and deadline extensions. */
export const challengeOperatorRoutes = routes(["operator"], (r) => {
  r.get("/operator/challenges", {
    action: "operator.challenges.queue",
    summary: "Challenges waiting for moderation, oldest first",
    query: QueueQuery,
    response: QueuePage,
    handler: (ctx, { query }) => svc.queue(ctx, query),
  });

  r.post("/operator/challenges/:id/decision", {
    action: "operator.challenges.decide",
    summary: "Approve a challenge (it opens for submissions) or reject it back to draft with a reason",
    params: IdParams,
    body: ChallengeDecisionBody,
    response: Challenge,
    handler: (ctx, { params, body }) => svc.decideChallenge(ctx, params.id, body),
  });

  r.post("/operator/challenges/:id/deadline", {
    action: "operator.challenges.decide",
    summary: "Extend an open challenge's deadline (Moscow time); submitters are told",
    params: IdParams,
    body: DeadlineBody,
    response: Challenge,
    handler: (ctx, { params, body }) => svc.extendDeadline(ctx, params.id, body),
  });
});
