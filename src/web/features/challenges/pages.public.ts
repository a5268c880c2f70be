// The challenges' public pages, one chunk (see routes.tsx).
export { default as ChallengePage } from "./ChallengePage";
export { default as ChallengesPage } from "./ChallengesPage";
