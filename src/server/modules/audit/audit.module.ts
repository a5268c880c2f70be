import { defineModule } from "../../core/module.js";
import { auditPersonalData } from "./audit.personal.js";
import { AUDIT_RULES } from "./audit.policy.js";
import { auditRoutes } from "./audit.routes.js";

/** The audit log's reading side (core/audit.ts writes it). */
export const auditModule = defineModule({
  name: "audit",
  routes: [auditRoutes],
  rules: AUDIT_RULES,
  abilities: ["audit.read"],
  personalData: auditPersonalData,
});
