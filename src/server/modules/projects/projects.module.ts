import { defineModule } from "../../core/module.js";
import { projectsSeeder } from "../../seed/projects.js";
import { PROJECT_FILES } from "./projects.entries.service.js";
import { PROJECT_NOTIFICATION_DEFS } from "./projects.notifications.js";
import { projectsPersonalData } from "./projects.personal.js";
import { PROJECT_RULES } from "./projects.policy.js";
import { projectRoutes } from "./projects.routes.js";

/**
 * Innovative projects (src/shared/projects.ts): a lead organization's projects with stage, TRL, budget
 * and dates in a public catalog on the search engine; consortia of 2–5 organizations with roles and
 * shares, partners joining by accepting the lead's invitation; investment and city support declared by
 * the lead and confirmed or rejected by the operator (only confirmed money counts in public totals).
 */
export const projectsModule = defineModule({
  name: "projects",
  routes: [projectRoutes],
  rules: PROJECT_RULES,
  abilities: ["operator.projects.queue"],
  notificationKinds: PROJECT_NOTIFICATION_DEFS,
  filePurposes: [PROJECT_FILES],
  seed: projectsSeeder,
  personalData: projectsPersonalData,
});
