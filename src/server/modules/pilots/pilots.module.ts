import { defineModule } from "../../core/module.js";
import { pilotsSeeder } from "../../seed/pilots.js";
import { PILOT_NOTIFICATION_DEFS } from "./pilots.notifications.js";
import { pilotsPersonalData } from "./pilots.personal.js";
import { PILOT_RULES } from "./pilots.policy.js";
import { pilotRoutes } from "./pilots.routes.js";
import { PILOT_FILES } from "./pilots.service.js";

/**
 * Pilot-testing sites and pilots (src/shared/pilots.ts): sites of city bodies and corporations in a
 * public catalog; a company's application through the operator (when assisted), an expert's
 * innovativeness score and the owner's review to an agreed, running and completed pilot with milestones,
 * reports and the owner's feedback letter; a challenge winner's pilot; published results on the site's
 * and the company's pages.
 */
export const pilotsModule = defineModule({
  name: "pilots",
  routes: [pilotRoutes],
  rules: PILOT_RULES,
  abilities: ["operator.pilots.queue"],
  notificationKinds: PILOT_NOTIFICATION_DEFS,
  filePurposes: [PILOT_FILES],
  personalData: pilotsPersonalData,
  seed: pilotsSeeder,
});
