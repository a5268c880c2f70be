import { quoted, shortened } from "../../../shared/text.js";
import { catalogueNotices } from "../../core/module.js";

/**
 * Notifications of clusters (texts: locales/<l>/server/clusters.json `notice.clusters.*`): an application,
 * to the lead's owner and admins; the lead's decision, to the applicant's; a removal, to the removed
 * member's; an appointment as the lead, to the new lead's.
 */
export const CLUSTER_NOTIFICATION_KINDS = {
  applied: "clusters.applied",
  decided: "clusters.decided",
  removed: "clusters.removed",
  appointed: "clusters.appointed",
} as const;

const cluster = (l: Parameters<typeof quoted>[1], d: Record<string, unknown>) =>
  quoted(shortened(d.cluster, 120), l);

export const CLUSTER_NOTIFICATION_DEFS = catalogueNotices({
  [CLUSTER_NOTIFICATION_KINDS.applied]: {
    defaultChannel: "email",
    params: (l, d) => ({ cluster: cluster(l, d) }),
  },
  [CLUSTER_NOTIFICATION_KINDS.decided]: {
    defaultChannel: "email",
    variants: { of: (d) => d.decision, list: ["accept", "decline"] },
    params: (l, d) => ({ cluster: cluster(l, d), reasonShort: shortened(d.reason) }),
  },
  [CLUSTER_NOTIFICATION_KINDS.removed]: {
    defaultChannel: "in_app",
    params: (l, d) => ({ cluster: cluster(l, d) }),
  },
  [CLUSTER_NOTIFICATION_KINDS.appointed]: {
    defaultChannel: "email",
    params: (l, d) => ({ cluster: cluster(l, d) }),
  },
});
