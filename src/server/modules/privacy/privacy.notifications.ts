import { catalogueNotices } from "../../core/module.js";

/** The export of one's data is ready (data: `expires`, the last day the link works). Texts: privacy.json. */
export const EXPORT_READY = "privacy.export-ready";

export const PRIVACY_NOTIFICATION_KINDS = catalogueNotices({
  [EXPORT_READY]: { defaultChannel: "email" },
});
