import { GRANT_REPORT_REMINDERS } from "../../../shared/grants.js";
import { quoted, shortened } from "../../../shared/text.js";
import { catalogueNotices } from "../../core/module.js";

/**
 * Notifications of grants (texts: locales/<l>/server/grants.json `notice.grants.*`): a submission, to
 * every active operator; each decision on an application (returned, accepted into the review, reviewed,
 * approved, refused, agreement, paid, closed, refund required), to the applicant's owner and admins; a
 * yearly report submitted, to every active operator; the operator's decision on a report (accepted,
 * returned with the reason) and the reminders 30 and 7 days before a report's due day, to the applicant;
 * an assignment, to the expert.
 */
export const GRANT_NOTIFICATION_KINDS = {
  submitted: "grants.submitted",
  decided: "grants.decided",
  reportSubmitted: "grants.report_submitted",
  reportDecided: "grants.report_decided",
  reportReminder: "grants.report_reminder",
  assigned: "grants.assigned",
} as const;

export const GRANT_DECISION_VARIANTS = [
  "return",
  "accept",
  "review",
  "approve",
  "refuse",
  "sign",
  "pay",
  "close",
  "require_refund",
] as const;

const title = (l: Parameters<typeof quoted>[1], d: Record<string, unknown>) =>
  quoted(shortened(d.title, 120), l);

export const GRANT_NOTIFICATION_DEFS = catalogueNotices({
  [GRANT_NOTIFICATION_KINDS.submitted]: {
    defaultChannel: "in_app",
    params: (l, d) => ({
      title: title(l, d),
      organization: shortened(d.organization, 120),
      due: String(d.due),
    }),
  },
  [GRANT_NOTIFICATION_KINDS.decided]: {
    defaultChannel: "email",
    variants: { of: (d) => d.move, list: [...GRANT_DECISION_VARIANTS] },
    params: (l, d) => ({ title: title(l, d), reasonShort: shortened(d.reason ?? "") }),
  },
  [GRANT_NOTIFICATION_KINDS.assigned]: {
    defaultChannel: "email",
    params: (l, d) => ({ title: title(l, d) }),
  },
  [GRANT_NOTIFICATION_KINDS.reportSubmitted]: {
    defaultChannel: "in_app",
    params: (l, d) => ({ title: title(l, d), organization: shortened(d.organization, 120) }),
  },
  [GRANT_NOTIFICATION_KINDS.reportDecided]: {
    defaultChannel: "email",
    variants: { of: (d) => d.decision, list: ["accept", "return"] },
    params: (l, d) => ({ title: title(l, d), reasonShort: shortened(d.reason ?? "") }),
  },
  [GRANT_NOTIFICATION_KINDS.reportReminder]: {
    defaultChannel: "email",
    variants: { of: (d) => d.reminder, list: [...GRANT_REPORT_REMINDERS] },
    params: (l, d) => ({ title: title(l, d) }),
  },
});
