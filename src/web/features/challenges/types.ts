/** Shapes of the challenges API, from the generated contract (src/web/api). */
import type { QueryOf, ResponseOf, Schemas } from "../../api/types";

export type Challenge = Schemas["Challenge"];
export type ChallengeCard = Schemas["ChallengeCard"];
export type ChallengeQueueItem = Schemas["ChallengeQueueItem"];
export type Submission = Schemas["ChallengeSubmission"];
export type Evaluation = Schemas["ChallengeEvaluation"];
export type ChallengesPage = ResponseOf<"/api/challenges", "get">;
export type ChallengesQuery = QueryOf<"/api/challenges", "get">;
export type Question = Schemas["ChallengeQuestion"];
export type ChallengeFile = Schemas["ChallengeFile"];
