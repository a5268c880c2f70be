// Routes of the challenges, mounted by App.tsx inside the layout. The public pages (the catalog, a
// challenge's page) are one chunk; the signed-in ones (posting, submitting, scoring, evaluating,
// moderating) another, so a guest never loads them.
import { type LazyRoute, lazyRoutes } from "../../components/lazyRoutes";

const publicPages = () => import("./pages.public");
const signedPages = () => import("./pages.signed");

const ROUTES: LazyRoute[] = [
  ["challenges", publicPages, "ChallengesPage"],
  ["challenges/:id", publicPages, "ChallengePage"],
  ["challenges/new", signedPages, "NewChallengePage", true],
  ["challenges/moderation", signedPages, "ChallengeModerationPage", { ability: "operator.challenges.queue" }],
  ["challenges/submissions/:id", signedPages, "SubmissionPage", true],
  ["challenges/:id/edit", signedPages, "EditChallengePage", true],
  ["challenges/:id/submit", signedPages, "NewSubmissionPage", true],
  ["challenges/:id/evaluation", signedPages, "EvaluationPage", true],
  ["challenge-clarifications/:id", signedPages, "ClarificationPage", true],
];

export const challengeRoutes = lazyRoutes(ROUTES);
