import { catalogueNotices } from "../../core/module.js";

/**
 * Notification kinds of the support-measure navigator; data carries `title` (the measure's Russian
 * title). Texts: locales/<l>/server/measures.json.
 */
export const MEASURE_NOTIFICATION = {
  match: "measures.match",
  eligible: "measures.eligible",
  reminder: "measures.reminder",
} as const;

export const MEASURE_NOTIFICATION_KINDS = catalogueNotices({
  [MEASURE_NOTIFICATION.match]: {
    defaultChannel: "digest",
    variants: { of: (d) => (d.changed ? "changed" : "new"), list: ["new", "changed"] },
  },
  // The daily digest by default: a broad measure tells every member of up to 35,000 organizations at
  // once (ARCHITECTURE.md, "Jobs"); "at once" is one choice away in the notification settings.
  [MEASURE_NOTIFICATION.eligible]: { defaultChannel: "digest" },
  [MEASURE_NOTIFICATION.reminder]: { defaultChannel: "email" },
});
