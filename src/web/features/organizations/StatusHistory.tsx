import { useTranslation } from "react-i18next";
import { StatusTimeline } from "../../components/StatusTimeline";
import { useFormat } from "../../format";
import { useLabels } from "./labels";
import type { StatusEvent } from "./types";

const EVENT_COLOR: Record<string, string> = {
  approved: "teal",
  resumed: "teal",
  rejected: "red",
  revoked: "red",
  suspended: "orange",
  returned: "orange",
  withdrawn: "gray",
};

/** Events about an application: their `toStatus` is the status applied for, not a change. */
const APPLICATION_EVENTS = new Set(["submitted", "resubmitted", "withdrawn", "returned", "rejected"]);

/** Steps the organization's own people take (the rest are the operator's decisions). */
const APPLICANT_EVENTS = new Set(["created", "registered", "submitted", "resubmitted", "withdrawn"]);

/** The organization's status history, newest first: date, event, from → to, reason (and, for the operator, who). */
export function StatusHistory({ history }: { history: StatusEvent[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const entries = history.map((e) => {
    const from = e.fromStatus ? labels.status(e.fromStatus) : null;
    const to = e.toStatus ? labels.status(e.toStatus) : null;
    const change =
      from || to
        ? APPLICATION_EVENTS.has(e.event) && to
          ? t("organizations.history.requested", { status: to })
          : from && to && from !== to
            ? t("organizations.history.fromTo", { from, to })
            : t("organizations.history.status", { status: to ?? from })
        : null;
    const reason = e.reason
      ? e.event === "submitted" || e.event === "resubmitted"
        ? t("organizations.history.applicantComment", { comment: e.reason })
        : e.event === "returned" || e.event === "approved"
          ? t("organizations.history.operatorComment", { comment: e.reason })
          : t("organizations.history.reason", { reason: e.reason })
      : null;
    // `by` is filled in the operator's view only: who made the change
    const by = e.by
      ? APPLICANT_EVENTS.has(e.event)
        ? t("organizations.history.byApplicant", { name: e.by.fullName })
        : t("organizations.history.byOperator", { name: e.by.fullName })
      : null;
    return {
      id: e.id,
      at: e.at,
      color: EVENT_COLOR[e.event],
      title: t(`organizations.history.events.${e.event}`, { defaultValue: e.event }),
      lines: [change, reason, by],
    };
  });
  return (
    <StatusTimeline entries={entries} empty={t("organizations.history.empty")} formatAt={format.dateTime} />
  );
}
