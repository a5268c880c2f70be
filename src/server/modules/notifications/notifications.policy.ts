import { signedIn } from "../../core/policy.js";

export const NOTIFICATION_RULES = { "notifications.own": signedIn };
