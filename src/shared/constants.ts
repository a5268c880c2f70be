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

/** A moment in the cluster's time zone: its date (YYYY-MM-DD) and its local date and time (YYYY-MM-DDTHH:MM). */
export type Clock = { today: string; now: string };

const CLUSTER_CLOCK = new Intl.DateTimeFormat("sv-SE", {
  timeZone: CLUSTER_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The cluster's clock at a moment (the server passes its own clock's now). */
export function clusterClock(at: Date): Clock {
  const local = CLUSTER_CLOCK.format(at).replace(" ", "T");
  return { today: local.slice(0, 10), now: local };
}

/** A moment's date in the cluster's time zone (today by default), as YYYY-MM-DD. */
export const clusterDate = (at = new Date()) => clusterClock(at).today;
