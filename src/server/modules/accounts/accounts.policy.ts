import { hasRole, signedIn } from "../../core/policy.js";

/** The accounts module's policy actions. */
export const ACCOUNT_RULES = {
  "me.update": signedIn,
  "me.password": signedIn,
  "me.sessions": signedIn,
  "admin.users.list": hasRole("admin"),
  "admin.users.update": hasRole("admin"),
};
