import type { QueuedJob } from "../../core/jobs.js";
import { catalogueMails } from "../../core/mail.js";
import { defineModule } from "../../core/module.js";
import { challengesSeeder } from "../../seed/challenges.js";
import { CHALLENGE_FILES, SUBMISSION_FILES } from "./challenges.files.service.js";
import { challengeMatchesJob } from "./challenges.matching.js";
import { CHALLENGE_NOTIFICATION_DEFS } from "./challenges.notifications.js";
import { challengeOperatorRoutes } from "./challenges.operator.routes.js";
import { challengesPersonalData } from "./challenges.personal.js";
import { CHALLENGE_RULES } from "./challenges.policy.js";
import { challengeQaRoutes } from "./challenges.qa.routes.js";
import { CLARIFICATION_SUBJECT, QA_NOTIFICATION_DEFS } from "./challenges.qa.service.js";
import { challengeRoutes } from "./challenges.routes.js";
import { teamRoutes } from "./challenges.teams.routes.js";

/**
 * Open innovation challenges (src/shared/challenges.ts): posting by corporations and city bodies (or an
 * operator on their behalf), moderation, the public catalog on the search engine, submissions until a
 * Moscow-time deadline, assigned experts' scoring in one or two stages with shortlists, and the results
 * with feedback to every submitter; teams without a legal entity (challenges.teams.service.ts).
 */
export const challengesModule = defineModule({
  name: "challenges",
  routes: [challengeRoutes, challengeOperatorRoutes, challengeQaRoutes, teamRoutes],
  rules: CHALLENGE_RULES,
  abilities: ["operator.challenges.queue"],
  notificationKinds: { ...CHALLENGE_NOTIFICATION_DEFS, ...QA_NOTIFICATION_DEFS },
  filePurposes: [CHALLENGE_FILES, SUBMISSION_FILES],
  conversationSubjects: [CLARIFICATION_SUBJECT],
  mailTemplates: catalogueMails("team-invitation"),
  personalData: challengesPersonalData,
  seed: challengesSeeder,
  // An opened challenge's matching organizations, told in the moderator's decision's transaction.
  queued: [challengeMatchesJob as QueuedJob<never>],
});
