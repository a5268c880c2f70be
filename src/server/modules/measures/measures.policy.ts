import { defineRules, hasRole } from "../../core/policy.js";

defineRules({
  /** Create, edit, publish and archive support measures; see drafts and history. */
  "measures.manage": hasRole("operator", "admin"),
});
