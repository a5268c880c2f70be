import type { QueuedJob } from "../../core/jobs.js";
import { defineModule } from "../../core/module.js";
import { measuresSeeder } from "../../seed/measures.js";
import { measuresIoRoutes } from "./measures.io.routes.js";
import { MEASURE_NOTIFICATION_KINDS } from "./measures.notifications.js";
import { measuresOperatorRoutes } from "./measures.operator.routes.js";
import { measuresPersonalData } from "./measures.personal.js";
import { MEASURE_RULES } from "./measures.policy.js";
import { measuresRoutes } from "./measures.routes.js";
import { measuresSubscriptionsRoutes } from "./measures.subscriptions.routes.js";
import { measureNoticesJob, sendMeasureReminders } from "./measures.subscriptions.service.js";

/** The support-measure navigator: catalog, eligibility, operator editing, favourites, saved searches, import/export. */
export const measuresModule = defineModule({
  name: "measures",
  seed: measuresSeeder,
  routes: [measuresRoutes, measuresOperatorRoutes, measuresSubscriptionsRoutes, measuresIoRoutes],
  rules: MEASURE_RULES,
  abilities: ["measures.manage"],
  personalData: measuresPersonalData,
  notificationKinds: MEASURE_NOTIFICATION_KINDS,
  // Favourite measures closing within 7 days: one reminder per user, measure and closing date.
  jobs: [
    {
      name: "measures.reminders",
      cron: "0 9 * * *",
      run: ({ db, config }) => sendMeasureReminders(db, config.publicUrl),
    },
  ],
  // "Became eligible" and saved-search notices of a published or changed measure, sent in its transaction.
  queued: [measureNoticesJob as QueuedJob<never>],
});
