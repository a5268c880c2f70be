import { catalogueMails } from "../../core/mail.js";
import { defineModule } from "../../core/module.js";
import { organizationsSeeder } from "../../seed/organizations.js";
import { ORGANIZATION_NOTIFICATION_KINDS } from "./organizations.notifications.js";
import { organizationsPersonalData } from "./organizations.personal.js";
import { ORGANIZATION_RULES } from "./organizations.policy.js";
import { organizationsRoutes } from "./organizations.routes.js";
import { LOGO_FILES, moveLogosToStorage } from "./organizations.service.js";

/** Organization profiles, logos, members, invitations, join requests, consents, name changes. */
export const organizationsModule = defineModule({
  name: "organizations",
  seed: organizationsSeeder,
  routes: [organizationsRoutes],
  rules: ORGANIZATION_RULES,
  abilities: ["org.create", "operator.names.queue"],
  notificationKinds: ORGANIZATION_NOTIFICATION_KINDS,
  mailTemplates: catalogueMails("org-invitation"),
  filePurposes: [LOGO_FILES],
  personalData: organizationsPersonalData,
  // Logos kept as bytes in the database before the file storage move into it.
  onStart: async (services) => void (await moveLogosToStorage(services)),
});
