/** Personal data (152-FZ): the export of one's own data and the erasure of an account. */

/** How long a prepared export can be downloaded. */
export const EXPORT_DAYS = 7;
/** How long a deletion request waits (and can be cancelled) before the account is anonymized. */
export const ERASURE_DAYS = 30;

/** An export: waiting for its job, ready to download, or past its 7 days (file removed). */
export const EXPORT_STATES = ["queued", "ready", "expired", "failed"] as const;
export type ExportState = (typeof EXPORT_STATES)[number];

/** A deletion request: waiting its 30 days, cancelled by the user, or carried out. */
export const ERASURE_STATES = ["pending", "cancelled", "done"] as const;
export type ErasureState = (typeof ERASURE_STATES)[number];

/** Why: the user asked to delete the account, or withdrew the consent to processing (the same request). */
export const ERASURE_REASONS = ["deletion", "consent-withdrawn"] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** The name an erased user's records show (messages, members lists) in place of theirs. */
export const ERASED_USER_NAME = "Удалённый пользователь";
