import { defineModule } from "../../core/module.js";
import { conversationsSeeder } from "../../seed/conversations.js";
import { defineConversationSubjects } from "./conversations.api.js";
import { conversationEventsRoute } from "./conversations.events.js";
import { CONVERSATION_NOTIFICATION_DEFS } from "./conversations.notifications.js";
import { conversationsPersonalData } from "./conversations.personal.js";
import { CONVERSATION_RULES } from "./conversations.policy.js";
import { conversationsRoutes } from "./conversations.routes.js";
import { CONVERSATION_FILES } from "./conversations.service.js";

/**
 * Conversations between two parties (organization ↔ organization or ↔ the operator) about a subject
 * other modules declare (`conversationSubjects`); messages, attachments, read marks, live events.
 */
export const conversationsModule = defineModule({
  name: "conversations",
  seed: conversationsSeeder,
  routes: [conversationEventsRoute, conversationsRoutes],
  rules: CONVERSATION_RULES,
  abilities: ["conversations.access"],
  notificationKinds: CONVERSATION_NOTIFICATION_DEFS,
  filePurposes: [CONVERSATION_FILES],
  personalData: conversationsPersonalData,
  install: (all) => {
    for (const m of all) if (m.conversationSubjects) defineConversationSubjects(m.conversationSubjects);
  },
});
