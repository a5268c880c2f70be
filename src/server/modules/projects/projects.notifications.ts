import { quoted, shortened } from "../../../shared/text.js";
import { catalogueNotices } from "../../core/module.js";

/**
 * Notifications of projects (texts: locales/<l>/server/projects.json `notice.projects.*`): an invitation
 * to a consortium, to the invited organization's owner and admins; being removed from one, likewise; a
 * partner's answer, to the lead's owner and admins; an operator's decision on a money entry, likewise.
 */
export const PROJECT_NOTIFICATION_KINDS = {
  invited: "projects.invited",
  removed: "projects.removed",
  answered: "projects.answered",
  entryDecided: "projects.entry-decided",
} as const;

const project = (l: Parameters<typeof quoted>[1], d: Record<string, unknown>) =>
  quoted(shortened(d.project, 120), l);

export const PROJECT_NOTIFICATION_DEFS = catalogueNotices({
  [PROJECT_NOTIFICATION_KINDS.invited]: {
    defaultChannel: "email",
    params: (l, d) => ({ project: project(l, d) }),
  },
  [PROJECT_NOTIFICATION_KINDS.removed]: {
    defaultChannel: "in_app",
    params: (l, d) => ({ project: project(l, d) }),
  },
  [PROJECT_NOTIFICATION_KINDS.answered]: {
    defaultChannel: "email",
    variants: { of: (d) => d.decision, list: ["accept", "decline"] },
    params: (l, d) => ({ project: project(l, d) }),
  },
  [PROJECT_NOTIFICATION_KINDS.entryDecided]: {
    defaultChannel: "in_app",
    variants: { of: (d) => d.decision, list: ["confirm", "reject"] },
    params: (l, d) => ({ project: project(l, d), reasonShort: shortened(d.reason) }),
  },
});
