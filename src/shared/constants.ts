/** Shared between the server and the web app. */

/** Version of the personal-data processing policy (152-FZ). Bump it whenever the policy text changes. */
export const PRIVACY_POLICY_VERSION = "2026-11-23";

export const ROLES = ["admin", "operator", "expert", "user"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * Version of the consent text to be shown on an organization's public page (152-FZ art. 10.1: consent to
 * distribution). Bump it whenever the text in the web app (organizations.consent.*) changes.
 */
export const PUBLIC_CONSENT_VERSION = "2025-09-01";

/**
 * The cluster's time zone: application windows, founding ages and digests are counted by its calendar,
 * and every time is shown in it (server-rendered pages and the browser alike, wherever the reader is).
 */
export const CLUSTER_TIME_ZONE = "Europe/Moscow";
