import { catalogueMails } from "../../core/mail.js";
import { defineModule } from "../../core/module.js";
import { notificationsPersonalData } from "./notifications.personal.js";
import { NOTIFICATION_RULES } from "./notifications.policy.js";
import { notificationsRoutes } from "./notifications.routes.js";
import { defineNotificationKinds, sendDueDigests } from "./notifications.service.js";

/** The in-app centre, per-kind channels and the daily digest; collects every module's notification kinds. */
export const notificationsModule = defineModule({
  name: "notifications",
  routes: [notificationsRoutes],
  rules: NOTIFICATION_RULES,
  abilities: ["notifications.own"],
  personalData: notificationsPersonalData,
  mailTemplates: catalogueMails("notification", "digest"),
  // Daily digests: checked every 10 minutes; each user gets at most one a day, from 08:00 Moscow time.
  jobs: [
    {
      name: "notifications.digests",
      cron: "*/10 * * * *",
      run: ({ db, config }) => sendDueDigests(db, config.publicUrl),
    },
  ],
  install: (all) => {
    for (const m of all) if (m.notificationKinds) defineNotificationKinds(m.notificationKinds);
  },
});
