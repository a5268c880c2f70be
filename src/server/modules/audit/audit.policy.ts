import { defineRules, hasRole } from "../../core/policy.js";

defineRules({ "audit.read": hasRole("admin", "operator") });
