import { clusterDate } from "../../shared/clock.js";
import { CLUSTER_TIME_ZONE } from "../../shared/constants.js";

export { CLUSTER_TIME_ZONE };

/** Today's date in the cluster's time zone, as YYYY-MM-DD. */
export const moscowToday = (now = new Date()) => clusterDate(now);

let offsetMs = 0;

/**
 * The server's clock: rules about elapsed time (a message's edit window, …) read it instead of
 * `new Date()`, so a test can move it (`moveClock`) without faking Node's timers or the database's.
 */
export const now = () => new Date(Date.now() + offsetMs);

/** Tests only: moves the server's clock by `ms` (negative goes back); `resetClock` puts it back. */
export const moveClock = (ms: number) => {
  offsetMs += ms;
};
export const resetClock = () => {
  offsetMs = 0;
};
