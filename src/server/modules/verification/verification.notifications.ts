import { catalogueNotices } from "../../core/module.js";

/**
 * Decisions on verification and claims, to the organization's members and the claimant (in-app and
 * e-mail at once by default). Data: event, org (short name), reason, from (a merged organization).
 * Texts: locales/<l>/server/verification.json.
 */
export const VERIFICATION_NOTIFICATION = "org.verification.decided";

export const VERIFICATION_NOTIFICATION_KINDS = catalogueNotices({
  [VERIFICATION_NOTIFICATION]: {
    defaultChannel: "email",
    variants: {
      of: (d) => d.event,
      list: [
        "verified",
        "rejected",
        "claim-rejected",
        "claim-transferred",
        "claim-removed",
        "transferred-kept",
        "transferred-removed",
        "merged",
        "removed",
      ],
    },
  },
});
