/** The cluster's time zone: application windows, founding ages and digests are counted by its calendar. */
export const CLUSTER_TIME_ZONE = "Europe/Moscow";

/** Today's date in the cluster's time zone, as YYYY-MM-DD. */
export const moscowToday = (now = new Date()) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: CLUSTER_TIME_ZONE }).format(now);
