/** The cluster's time zone: application windows, founding ages and digests are counted by its calendar. */
export const CLUSTER_TIME_ZONE = "Europe/Moscow";

const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: CLUSTER_TIME_ZONE });

/** Today's date in the cluster's time zone, as YYYY-MM-DD. */
export const moscowToday = (now = new Date()) => DAY.format(now);
