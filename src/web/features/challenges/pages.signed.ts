// The signed-in pages of challenges, one chunk (see ChallengeRoutes.tsx).
export { EditChallengePage, NewChallengePage } from "./ChallengeFormPage";
export { default as ClarificationPage } from "./ClarificationPage";
export { default as EvaluationPage } from "./EvaluationPage";
export { default as ChallengeModerationPage } from "./ModerationPage";
export { default as NewSubmissionPage } from "./SubmissionFormPage";
export { default as SubmissionPage } from "./SubmissionPage";
