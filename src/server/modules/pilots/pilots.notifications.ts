import { PILOT_MOVE_NAMES } from "../../../shared/pilots.js";
import { quoted, shortened } from "../../../shared/text.js";
import { catalogueNotices } from "../../core/module.js";

/**
 * Notifications of pilots (texts: locales/<l>/server/pilots.json `notice.pilots.*`): a new application,
 * to the site owner's managers and to the operators (who take an assisted one or assign its expert); an assignment, to the expert; every move, to the other side (the
 * company's members and the site owner's managers but the one who acted); a report or the feedback
 * letter, likewise; a challenge winner's pilot, to both sides.
 */
export const PILOT_NOTIFICATION_KINDS = {
  applied: "pilots.applied",
  /** A new application waits for the operators: an assisted one to take, a plain one for an expert. */
  awaiting: "pilots.awaiting",
  assigned: "pilots.assigned",
  moved: "pilots.moved",
  file: "pilots.file",
  winner: "pilots.winner",
} as const;

const site = (l: Parameters<typeof quoted>[1], d: Record<string, unknown>) =>
  quoted(shortened(d.site, 120), l);

export const PILOT_NOTIFICATION_DEFS = catalogueNotices({
  [PILOT_NOTIFICATION_KINDS.applied]: {
    defaultChannel: "email",
    params: (l, d) => ({ site: site(l, d) }),
  },
  [PILOT_NOTIFICATION_KINDS.awaiting]: {
    defaultChannel: "email",
    variants: { of: (d) => d.assisted, list: ["assisted", "plain"] },
    params: (l, d) => ({ site: site(l, d) }),
  },
  [PILOT_NOTIFICATION_KINDS.assigned]: {
    defaultChannel: "email",
    params: (l, d) => ({ site: site(l, d) }),
  },
  [PILOT_NOTIFICATION_KINDS.moved]: {
    defaultChannel: "email",
    variants: { of: (d) => d.move, list: PILOT_MOVE_NAMES },
    params: (l, d) => ({ site: site(l, d), reasonShort: shortened(d.reason) }),
  },
  [PILOT_NOTIFICATION_KINDS.file]: {
    defaultChannel: "in_app",
    variants: { of: (d) => d.kind, list: ["report", "letter"] },
    params: (l, d) => ({ site: site(l, d) }),
  },
  [PILOT_NOTIFICATION_KINDS.winner]: {
    defaultChannel: "email",
    params: (l, d) => ({ site: site(l, d), title: quoted(shortened(d.title, 120), l) }),
  },
});
