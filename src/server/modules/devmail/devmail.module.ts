import { defineModule } from "../../core/module.js";
import { DEVMAIL_RULES } from "./devmail.policy.js";
import { devmailRoutes } from "./devmail.routes.js";

/** The development mailbox over the outbox: only when DEV_MAILBOX is on (see Security in ARCHITECTURE.md). */
export const devmailModule = defineModule({
  name: "devmail",
  routes: [devmailRoutes],
  enabled: (config) => config.devMailbox,
  rules: DEVMAIL_RULES,
  abilities: ["dev.mail.read"],
});
