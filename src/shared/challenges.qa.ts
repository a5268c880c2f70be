// A challenge's visibility, its public Q&A and its files: the vocabulary the server, its tests and the web
// share. Texts: web `challenges.visibility.*`, `challenges.qa.*`, `challenges.files.*`.

/**
 * Who reads a challenge's details (problem, expected result, requirements) and files: anyone (public),
 * signed-in users (registered), or those who accepted its NDA (nda). The card (title, owner, deadline,
 * reward) is public in every case, and only the card's fields are indexed for the catalog's search.
 */
export const CHALLENGE_VISIBILITIES = ["public", "registered", "nda"] as const;
export type ChallengeVisibility = (typeof CHALLENGE_VISIBILITIES)[number];

/** Why a reader does not see the details: must sign in, or must accept the NDA; null: sees them. */
export const CHALLENGE_LOCKS = ["sign_in", "nda"] as const;
export type ChallengeLock = (typeof CHALLENGE_LOCKS)[number];

/** A question's and an answer's length. */
export const QUESTION_MIN = 10;
export const QUESTION_MAX = 2000;

/** A challenge's or a submission's files: at most this many, each up to CHALLENGE_FILE_MAX_BYTES. */
export const CHALLENGE_FILES_MAX = 10;
export const CHALLENGE_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** PDF, DOCX, XLSX and images, detected from the bytes. */
export const CHALLENGE_FILE_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/png",
  "image/jpeg",
  "image/webp",
] as const;
