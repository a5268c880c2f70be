import { catalogueMails } from "../../core/mail.js";
import { defineModule } from "../../core/module.js";
import { privacySeeder } from "../../seed/privacy.js";
import { PRIVACY_NOTIFICATION_KINDS } from "./privacy.notifications.js";
import { PRIVACY_RULES } from "./privacy.policy.js";
import { privacyRoutes } from "./privacy.routes.js";
import {
  EXPORT_FILES,
  EXPORT_JOB,
  eraseDue,
  privacyPersonalData,
  removeExpiredExports,
  resendQueuedExports,
} from "./privacy.service.js";

/**
 * Personal data (152-FZ): a user's export of everything the platform holds about them (every manifest's
 * `personalData` part, zipped by a job) and the erasure of an account 30 days after the request.
 */
export const privacyModule = defineModule({
  name: "privacy",
  seed: privacySeeder,
  routes: [privacyRoutes],
  rules: PRIVACY_RULES,
  abilities: ["privacy.own", "operator.erasures"],
  notificationKinds: PRIVACY_NOTIFICATION_KINDS,
  mailTemplates: catalogueMails("erasure-requested"),
  filePurposes: [EXPORT_FILES],
  personalData: privacyPersonalData,
  // Exports left queued (the seed's demo export, or one whose job was lost) get their job again at start.
  onStart: resendQueuedExports,
  queued: [EXPORT_JOB],
  jobs: [
    // Accounts whose 30 days have passed are anonymized; expired exports' zips are removed.
    { name: "privacy.erase-due", cron: "15 * * * *", run: async (s) => void (await eraseDue(s)) },
    {
      name: "privacy.exports-clean-up",
      cron: "45 * * * *",
      run: async (s) => void (await removeExpiredExports(s)),
    },
  ],
});
