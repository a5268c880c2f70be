import type { Locale } from "../../../shared/constants.js";
import { shortened } from "../../../shared/text.js";
import { t } from "../../core/i18n.js";
import { catalogueNotices } from "../../core/module.js";

/**
 * Notifications of the organization status: the applicant side (in-app), the operator's decisions and
 * later changes (in-app and e-mail at once by default). Texts (locales/<l>/server/status.json) are
 * rendered when read, in the reader's language, from the data stored with each notification: org (short
 * name), status (requested or held), reason (the operator's comment), event or decision.
 */
export const STATUS_NOTIFICATION_KINDS = {
  application: "org.status.application",
  decided: "org.status.decided",
  changed: "org.status.changed",
} as const;

const short = shortened;

/** The status as it follows "status of …" («статус участника кластера») and the short reason. */
const params = (l: Locale, d: Record<string, unknown>) => ({
  status: t(l, `status.genitive.${String(d.status)}`),
  reasonShort: short(d.reason),
});

export const STATUS_NOTIFICATION_DEFS = catalogueNotices({
  [STATUS_NOTIFICATION_KINDS.application]: {
    defaultChannel: "in_app",
    variants: { of: (d) => d.event, list: ["submitted", "resubmitted", "withdrawn"] },
    params,
  },
  [STATUS_NOTIFICATION_KINDS.decided]: {
    defaultChannel: "email",
    variants: { of: (d) => d.decision, list: ["return", "approve", "reject"] },
    params,
  },
  [STATUS_NOTIFICATION_KINDS.changed]: {
    defaultChannel: "email",
    variants: { of: (d) => d.event, list: ["suspended", "resumed", "revoked"] },
    params,
  },
});
