/** Shared between the server and the web app. */

/** Version of the personal-data processing policy (152-FZ). Bump it whenever the policy text changes. */
export const PRIVACY_POLICY_VERSION = "2026-11-23";

export const ROLES = ["admin", "operator", "expert", "user"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
