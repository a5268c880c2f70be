import { quoted, shortened } from "../../../shared/text.js";
import { catalogueNotices } from "../../core/module.js";

/**
 * Notifications of challenges (texts: locales/<l>/server/challenges.json `notice.challenges.*`): the
 * moderator's decision, to the owner's managers and author; an extended deadline, to every organization
 * with a submission; an assignment, to the expert; the results with the feedback, to every submitter
 * (once: the submission's `feedback_at`); an opened challenge matching an organization's industries or
 * tags, to its members (once: `challenge_matches`, challenges.matching.ts); a person joined a team (to its
 * people) or declined the invitation (to the captain).
 */
export const CHALLENGE_NOTIFICATION_KINDS = {
  decided: "challenges.decided",
  deadline: "challenges.deadline",
  assigned: "challenges.assigned",
  results: "challenges.results",
  matched: "challenges.matched",
  teamJoined: "challenges.team-joined",
  teamDeclined: "challenges.team-declined",
} as const;

const short = shortened;

export const CHALLENGE_NOTIFICATION_DEFS = catalogueNotices({
  [CHALLENGE_NOTIFICATION_KINDS.decided]: {
    defaultChannel: "email",
    variants: { of: (d) => d.decision, list: ["approve", "reject"] },
    params: (l, d) => ({ title: quoted(short(d.title, 120), l), reasonShort: short(d.reason) }),
  },
  [CHALLENGE_NOTIFICATION_KINDS.deadline]: {
    defaultChannel: "email",
    params: (l, d) => ({ title: quoted(short(d.title, 120), l) }),
  },
  [CHALLENGE_NOTIFICATION_KINDS.assigned]: {
    defaultChannel: "email",
    params: (l, d) => ({ title: quoted(short(d.title, 120), l) }),
  },
  [CHALLENGE_NOTIFICATION_KINDS.results]: {
    defaultChannel: "email",
    variants: { of: (d) => d.decision, list: ["not_selected", "winner", "reserve"] },
    params: (l, d) => ({ title: quoted(short(d.title, 120), l) }),
  },
  [CHALLENGE_NOTIFICATION_KINDS.matched]: {
    defaultChannel: "digest",
    params: (l, d) => ({ title: quoted(short(d.title, 120), l) }),
  },
  [CHALLENGE_NOTIFICATION_KINDS.teamJoined]: {
    defaultChannel: "in_app",
    params: (l, d) => ({ team: quoted(short(d.team, 120), l) }),
  },
  [CHALLENGE_NOTIFICATION_KINDS.teamDeclined]: {
    defaultChannel: "in_app",
    params: (l, d) => ({ team: quoted(short(d.team, 120), l) }),
  },
});
