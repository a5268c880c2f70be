import { hasRole } from "../../core/policy.js";

export const AUDIT_RULES = { "audit.read": hasRole("admin", "operator") };
