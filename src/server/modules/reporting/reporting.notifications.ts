import { quoted, shortened } from "../../../shared/text.js";
import { catalogueNotices } from "../../core/module.js";

/**
 * Notifications of the KPI reports (texts: locales/<l>/server/reporting.json `notice.kpi.*`), to the
 * obliged organization's owner and admins: a campaign opened (it must report), reminders before the due
 * day and the day after it was missed (variants d14, d3, overdue), its report returned (with the reason)
 * or accepted.
 */
export const KPI_NOTIFICATION_KINDS = {
  opened: "kpi.opened",
  reminder: "kpi.reminder",
  returned: "kpi.returned",
  accepted: "kpi.accepted",
} as const;

const title = (l: Parameters<typeof quoted>[1], d: Record<string, unknown>) =>
  quoted(shortened(d.campaign, 160), l);

export const KPI_NOTIFICATION_DEFS = catalogueNotices({
  // To every participant's managers at once, weeks before the due date: the daily digest, not thousands
  // of mails in one transaction (as the measures' "now eligible"); the reminders go at once.
  [KPI_NOTIFICATION_KINDS.opened]: {
    defaultChannel: "digest",
    params: (l, d) => ({ campaign: title(l, d) }),
  },
  [KPI_NOTIFICATION_KINDS.reminder]: {
    defaultChannel: "email",
    variants: { of: (d) => d.reminder, list: ["d14", "d3", "overdue"] },
    params: (l, d) => ({ campaign: title(l, d) }),
  },
  [KPI_NOTIFICATION_KINDS.returned]: {
    defaultChannel: "email",
    params: (l, d) => ({ campaign: title(l, d), reasonShort: shortened(d.reason, 300) }),
  },
  [KPI_NOTIFICATION_KINDS.accepted]: {
    defaultChannel: "in_app",
    params: (l, d) => ({ campaign: title(l, d) }),
  },
});
