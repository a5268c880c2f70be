// The cluster's clock: a moment's date and time in the cluster's time zone (constants.ts), read by the
// rules that count by its calendar. A module of its own, so that pages needing only the zone's name do
// not carry it.
import { CLUSTER_TIME_ZONE } from "./constants.js";

/** A moment in the cluster's time zone: its date (YYYY-MM-DD) and its local date and time (YYYY-MM-DDTHH:MM). */
export type Clock = { today: string; now: string };

const CLUSTER_CLOCK = new Intl.DateTimeFormat("sv-SE", {
  timeZone: CLUSTER_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The cluster's clock at a moment (the server passes its own clock's now). */
export function clusterClock(at: Date): Clock {
  const local = CLUSTER_CLOCK.format(at).replace(" ", "T");
  return { today: local.slice(0, 10), now: local };
}

/** A moment's date in the cluster's time zone (today by default), as YYYY-MM-DD. */
export const clusterDate = (at = new Date()) => clusterClock(at).today;

/** A local date and time in the cluster's time zone, YYYY-MM-DDTHH:MM. */
export const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The moment a local time of the cluster's time zone names (Moscow: UTC+3 all year since 2014; found
 * through the zone's own clock, so a change of the zone's rules is followed). Null for an invalid time.
 */
export function clusterInstant(local: string): Date | null {
  if (!LOCAL_TIME.test(local)) return null;
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  const offset = (at: number) => Date.parse(`${clusterClock(new Date(at)).now}:00Z`) - at;
  let instant = asUtc - offset(asUtc);
  instant = asUtc - offset(instant);
  const d = new Date(instant);
  return clusterClock(d).now === local ? d : null;
}

/** The local time (YYYY-MM-DDTHH:MM) of a moment in the cluster's time zone. */
export const clusterLocal = (at: Date) => clusterClock(at).now;
