import { defineRules, hasRole, signedIn } from "../../core/policy.js";

defineRules({
  "me.update": signedIn,
  "me.password": signedIn,
  "me.sessions": signedIn,
  "admin.users.list": hasRole("admin"),
  "admin.users.update": hasRole("admin"),
});
