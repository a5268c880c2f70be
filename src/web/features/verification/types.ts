/** Shapes of the verification and claims API, from the generated contract (src/web/api). */
import type { BodyOf, ResponseOf, Schemas } from "../../api/types";

export type VerificationRequest = Schemas["VerificationRequest"];
export type DocumentType = VerificationRequest["documentType"];
export type VerificationState = VerificationRequest["state"];
export type OrgVerification = ResponseOf<"/api/organizations/{id}/verification", "get">;
export type VerificationQueueItem = Schemas["VerificationQueueItem"];
export type VerificationQueuePage = ResponseOf<"/api/operator/verifications", "get">;
export type VerificationDecision = BodyOf<"/api/operator/verifications/{id}/decision", "post">["decision"];
