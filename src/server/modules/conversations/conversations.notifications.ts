import type { NotificationKind } from "../../core/module.js";
import { MESSAGE_NOTIFICATION } from "./conversations.api.js";

/** A new message for the other party's members: in-app and e-mail at once by default (their choice). */
export const CONVERSATION_NOTIFICATION_DEFS: Record<string, NotificationKind> = {
  [MESSAGE_NOTIFICATION]: {
    label: { ru: "Новые сообщения в переписке", en: "New messages in conversations" },
    defaultChannel: "email",
    render(l, d) {
      return l === "ru"
        ? {
            title: `Новое сообщение в переписке «${d.title}»`,
            body: "Откройте переписку, чтобы прочитать и ответить.",
          }
        : {
            title: `New message in the conversation "${d.title}"`,
            body: "Open the conversation to read and reply.",
          };
    },
  },
};
