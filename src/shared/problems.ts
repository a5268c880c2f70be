/**
 * Every problem the API answers with (RFC 9457): the type is `/problems/<code>` and the title is the
 * server's message `problem.<code>` in the request's language. The server's error constructors accept
 * only these codes and the web matches them exactly (`ApiError.is`); a test checks that each has a
 * title in every language.
 */
export const PROBLEM_CODES = [
  // The platform (core): HTTP, validation, authorization.
  "bad-request",
  "validation",
  "unauthorized",
  "forbidden",
  "not-found",
  "route-not-found",
  "conflict",
  "too-many-requests",
  "cross-origin",
  "payload-too-large",
  "unsupported-media-type",
  "json-too-deep",
  "json-too-many-items",
  "too-many-parameters",
  "headers-too-large",
  "uri-too-long",
  "request-timeout",
  "internal",
  "unavailable",
  // accounts
  "invalid-credentials",
  "email-not-confirmed",
  "challenge-required",
  "account-blocked",
  "invalid-token",
  "policy-outdated",
  "wrong-password",
  "wrong-signup-password",
  "self-role",
  // organizations
  "inn-taken",
  "already-member",
  "member-exists",
  "owner-must-transfer",
  "owner-protected",
  "own-organization",
  "city-body-operator-only",
  "invitation-invalid",
  "invitation-not-pending",
  "invitation-other-email",
  "join-request-pending",
  "join-request-not-pending",
  "join-unverified",
  "not-contact-person",
  "contacts-not-requested",
  "name-change-changed",
  "registry-off",
  "registry-not-found",
  "registry-unavailable",
  // status
  "status-not-open",
  "status-application-open",
  "status-transition",
  "application-changed",
  "organization-not-verified",
  // verification
  "document-type",
  "document-too-large",
  "already-verified",
  "verification-pending",
  "verification-changed",
  "verification-organization-gone",
  "claim-pending",
  "claim-own-organization",
  // privacy
  "deletion-pending",
  "erasure-owner",
  "erasure-not-pending",
  "new-owner-deletion-pending",
  "export-expired",
  // listings
  "listing-transition",
  "listing-changed",
  "listing-awarded",
  "listing-kind-limited",
  "listing-no-nda",
  "response-transition",
  "response-changed",
  "response-exists",
  "response-nda-required",
  "response-own-listing",
  "response-listing-closed",
  "response-other-side",
  // conversations
  "message-edit-window",
  "message-changed",
  // challenges
  "challenge-transition",
  "challenge-changed",
  "challenge-deadline-passed",
  "challenge-deadline-open",
  "challenge-no-experts",
  "challenge-scores-missing",
  "challenge-own-submission",
  "challenge-submission-exists",
  "challenge-submission-changed",
  "challenge-submission-withdrawn",
  "challenge-no-conflict-undeclared",
  "challenge-conflict-of-interest",
  "challenge-score-changed",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The problem type URI of a code, as the server sends it. */
export const problemType = (code: ProblemCode) => `/problems/${code}` as const;
