import { defineModule } from "../../core/module.js";
import { verificationSeeder } from "../../seed/verification.js";
import { VERIFICATION_NOTIFICATION_KINDS } from "./verification.notifications.js";
import { verificationPersonalData } from "./verification.personal.js";
import { VERIFICATION_RULES } from "./verification.policy.js";
import { verificationRoutes } from "./verification.routes.js";

/** Verification of an organization from a document, and claims to an organization someone else registered. */
export const verificationModule = defineModule({
  name: "verification",
  seed: verificationSeeder,
  routes: [verificationRoutes],
  rules: VERIFICATION_RULES,
  abilities: ["operator.verification.queue"],
  personalData: verificationPersonalData,
  notificationKinds: VERIFICATION_NOTIFICATION_KINDS,
});
