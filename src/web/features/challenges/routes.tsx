// Routes of the challenges, mounted by App.tsx inside the layout. The public pages (the catalog, a
// challenge's page) are one chunk; the signed-in ones (posting, submitting, scoring, evaluating,
// moderating) another, so a guest never loads them.
import { type ComponentType, lazy } from "react";
import { Route } from "react-router";
import type { Ability } from "../../api";
import { RequireAuth } from "../../components/RequireAuth";

type Pages = Record<string, ComponentType>;
const publicPages = () => import("./pages.public");
const signedPages = () => import("./pages.signed");

type Page = [path: string, load: () => Promise<Pages>, name: string, signedIn?: true | Ability];
const ROUTES: Page[] = [
  ["challenges", publicPages, "ChallengesPage"],
  ["challenges/:id", publicPages, "ChallengePage"],
  ["challenges/new", signedPages, "NewChallengePage", true],
  ["challenges/moderation", signedPages, "ChallengeModerationPage", "operator.challenges.queue"],
  ["challenges/submissions/:id", signedPages, "SubmissionPage", true],
  ["challenges/:id/edit", signedPages, "EditChallengePage", true],
  ["challenges/:id/submit", signedPages, "NewSubmissionPage", true],
  ["challenges/:id/evaluation", signedPages, "EvaluationPage", true],
  ["challenge-clarifications/:id", signedPages, "ClarificationPage", true],
];

export const challengeRoutes = ROUTES.map(([path, load, name, signedIn]) => {
  const Page = lazy(() => load().then((m) => ({ default: m[name]! })));
  return (
    <Route
      key={path}
      path={path}
      element={
        signedIn ? (
          <RequireAuth ability={signedIn === true ? undefined : signedIn}>
            <Page />
          </RequireAuth>
        ) : (
          <Page />
        )
      }
    />
  );
});
