import { catalogueMails } from "../../core/mail.js";
import { defineModule } from "../../core/module.js";
import { accountsSeeder } from "../../seed/accounts.js";
import { accountsAdminRoutes } from "./accounts.admin.routes.js";
import { accountsPersonalData } from "./accounts.personal.js";
import { ACCOUNT_RULES } from "./accounts.policy.js";
import { accountsRoutes } from "./accounts.routes.js";
import { cleanUpAuth } from "./accounts.service.js";

/** Sign-up, sign-in, sessions, passwords, the profile; admin user management. */
export const accountsModule = defineModule({
  name: "accounts",
  seed: accountsSeeder,
  routes: [accountsRoutes, accountsAdminRoutes],
  rules: ACCOUNT_RULES,
  abilities: ["admin.users.list", "admin.users.update"],
  mailTemplates: catalogueMails("confirm-email", "signup-existing", "reset-password", "password-changed"),
  personalData: accountsPersonalData,
  // Stale attempt counters and used challenges go.
  jobs: [
    { name: "accounts.clean-up", cron: "*/10 * * * *", run: async ({ db }) => void (await cleanUpAuth(db)) },
  ],
});
