import { defineModule } from "../../core/module.js";
import { grantsSeeder } from "../../seed/grants.js";
import { GRANT_NOTIFICATION_DEFS } from "./grants.notifications.js";
import { grantsPersonalData } from "./grants.personal.js";
import { GRANT_RULES } from "./grants.policy.js";
import { grantReportRoutes } from "./grants.reports.routes.js";
import { sendGrantReportReminders } from "./grants.reports.service.js";
import { grantRoutes } from "./grants.routes.js";
import { GRANT_FILES } from "./grants.service.js";

/**
 * Grants that compensate costs (src/shared/grants.ts): programs defined by operators; organizations'
 * applications with expense items, documents, declarations and KPIs, the amount computed by the shared
 * rule; the completeness check within N working days (src/shared/workingDays.ts), returned once; the
 * expert review of each item; the commission's decision within the budget (never over-committed); the
 * agreement and the payment, recorded as city support on the applicant's project; the yearly reports on
 * the committed KPIs (reminded 30 and 7 days before each due day), closing or the refund required.
 */
export const grantsModule = defineModule({
  name: "grants",
  routes: [grantRoutes, grantReportRoutes],
  rules: GRANT_RULES,
  abilities: ["operator.grants.queue", "operator.grants.manage", "grants.review"],
  notificationKinds: GRANT_NOTIFICATION_DEFS,
  filePurposes: [GRANT_FILES],
  seed: grantsSeeder,
  personalData: grantsPersonalData,
  // Yearly reports not submitted: 30 and 7 days before the due day, each once per report and due day.
  jobs: [
    {
      name: "grants.report-reminders",
      cron: "0 9 * * *",
      run: ({ db, config }) => sendGrantReportReminders(db, config.publicUrl).then(() => undefined),
    },
  ],
});
