import { Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
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

/** The organization's status history, newest first: date, event, from → to, reason. */
export function StatusHistory({ history }: { history: StatusEvent[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  if (history.length === 0) return <Text>{t("organizations.history.empty")}</Text>;
  const sorted = [...history].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Timeline active={sorted.length} bulletSize={16} lineWidth={2} role="list" color="indigo">
      {sorted.map((e) => {
        const from = e.fromStatus ? labels.status(e.fromStatus) : null;
        const to = e.toStatus ? labels.status(e.toStatus) : null;
        return (
          <Timeline.Item
            key={e.id}
            role="listitem"
            color={EVENT_COLOR[e.event] ?? "indigo"}
            title={
              <Text fw={600} component="span">
                {t(`organizations.history.events.${e.event}`, { defaultValue: e.event })}
              </Text>
            }
          >
            <Text size="sm">
              <time dateTime={e.at}>{format.dateTime(e.at)}</time>
            </Text>
            {(from || to) && (
              <Text size="sm">
                {APPLICATION_EVENTS.has(e.event) && to
                  ? t("organizations.history.requested", { status: to })
                  : from && to && from !== to
                    ? t("organizations.history.fromTo", { from, to })
                    : t("organizations.history.status", { status: to ?? from })}
              </Text>
            )}
            {e.reason && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {e.event === "submitted" || e.event === "resubmitted"
                  ? t("organizations.history.applicantComment", { comment: e.reason })
                  : e.event === "returned" || e.event === "approved"
                    ? t("organizations.history.operatorComment", { comment: e.reason })
                    : t("organizations.history.reason", { reason: e.reason })}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
