import { defineModule } from "../../core/module.js";
import { reportingSeeder } from "../../seed/reporting.js";
import { KPI_NOTIFICATION_DEFS } from "./reporting.notifications.js";
import { reportingPersonalData } from "./reporting.personal.js";
import { REPORTING_RULES } from "./reporting.policy.js";
import { sendKpiReminders } from "./reporting.reminders.js";
import { reportingRoutes } from "./reporting.routes.js";

/**
 * Participants' yearly KPI reports (src/shared/kpiReports.ts): the operator's campaigns with a due
 * moment, every participant organization's report (revenue, headcount, R&D, export, patents) filled and
 * submitted by its owner or admin, returned or accepted by the operator; the table with its CSV/XLSX
 * export; reminders 14 and 3 days before the due day and the day after.
 */
export const reportingModule = defineModule({
  name: "reporting",
  routes: [reportingRoutes],
  rules: REPORTING_RULES,
  abilities: ["operator.kpi.manage"],
  notificationKinds: KPI_NOTIFICATION_DEFS,
  seed: reportingSeeder,
  personalData: reportingPersonalData,
  // Reports not submitted: 14 and 3 days before the due day and the day after, each once per report.
  jobs: [
    {
      name: "kpi.reminders",
      cron: "0 9 * * *",
      run: ({ db, config }) => sendKpiReminders(db, config.publicUrl).then(() => undefined),
    },
  ],
});
