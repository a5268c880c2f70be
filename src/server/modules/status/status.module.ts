import { defineModule } from "../../core/module.js";
import { STATUS_APPLICATION_SUBJECT } from "./status.conversations.js";
import { STATUS_NOTIFICATION_DEFS } from "./status.notifications.js";
import { statusOperatorRoutes } from "./status.operator.routes.js";
import { STATUS_RULES } from "./status.policy.js";
import { statusRoutes } from "./status.routes.js";

/** Participant and partner status: applications, the operator queue and decisions, the timeline. */
export const statusModule = defineModule({
  name: "status",
  routes: [statusRoutes, statusOperatorRoutes],
  rules: STATUS_RULES,
  abilities: ["operator.status.queue"],
  notificationKinds: STATUS_NOTIFICATION_DEFS,
  conversationSubjects: [STATUS_APPLICATION_SUBJECT],
});
