import { defineRules, signedIn } from "../../core/policy.js";

defineRules({ "notifications.own": signedIn });
